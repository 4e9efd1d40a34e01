package io.github.backprop4j.examples.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One seed, one dtype, one kernel path and thread count: the same bits in every run. A fresh JVM
 * trains {@link TrainingFingerprint}'s model six times in a row, the first run cold (before the
 * JIT has compiled the kernels) and the last ones warm; this JVM trains it twice more. Every
 * weight and every epoch's loss must agree to the bit.
 */
class ReproducibleTrainingTest {
    private static final int RUNS_IN_FRESH_JVM = 6;

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void sameBitsColdWarmAndInAnotherJvm() throws Exception {
        List<String> fresh = trainInFreshJvm();
        assertEquals(RUNS_IN_FRESH_JVM, fresh.size(), "one checksum per run: " + fresh);
        for (int i = 1; i < fresh.size(); i++) {
            assertEquals(fresh.get(0), fresh.get(i), "run " + (i + 1) + " in the fresh JVM against its cold first run");
        }
        assertEquals(fresh.get(0), TrainingFingerprint.train(), "this JVM against the fresh one");
        assertEquals(fresh.get(0), TrainingFingerprint.train(), "this JVM's second run");
    }

    /** {@link TrainingFingerprint#main}'s checksums from a new JVM with this one's kernel flags. */
    private static List<String> trainInFreshJvm() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            command.add("--add-modules=jdk.incubator.vector");
        }
        for (String property : new String[] {"backprop4j.simd", "backprop4j.threads"}) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.add("-cp");
        String surefire = System.getProperty("surefire.test.class.path");
        command.add(surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path"));
        command.add(TrainingFingerprint.class.getName());
        command.add(String.valueOf(RUNS_IN_FRESH_JVM));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(500, TimeUnit.SECONDS), "the fresh JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        return TrainingFingerprint.lines(out);
    }
}
