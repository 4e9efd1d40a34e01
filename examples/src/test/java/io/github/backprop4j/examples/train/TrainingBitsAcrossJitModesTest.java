package io.github.backprop4j.examples.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.tensor.Vectorization;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bits of a training run do not depend on how the JVM compiles the kernels: fresh JVMs that
 * only interpret ({@code -Xint}), only use C1 ({@code -XX:TieredStopAtLevel=1}) or only C2
 * ({@code -XX:-TieredCompilation}, a low compile threshold and a few runs so that C2 compiles the
 * kernels) train {@link TrainingFingerprint#small} with this JVM's kernel path and give this JVM's
 * checksum, taken after a warm-up loop. On the SIMD path the fresh JVMs get
 * {@code -Dbackprop4j.simd=force}, which keeps the Vector API kernels even without C2 (where they
 * would otherwise step aside for the plain ones, a different path with other bits).
 */
class TrainingBitsAcrossJitModesTest {
    /** Enough for every kernel of a step at the default model's sizes, little enough for {@code -Xint}. */
    private static final int SAMPLES = 200;

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        "-Xint, digits, 1",
        "-XX:TieredStopAtLevel=1, digits, 1",
        "-XX:-TieredCompilation -XX:CompileThreshold=500, digits, 3",
        "-Xint, digits-multilabel, 1",
        "-XX:-TieredCompilation -XX:CompileThreshold=500, digits-multilabel, 3",
    })
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void sameBitsInEveryJitMode(String jitFlags, String dataset, int runs) throws Exception {
        String here = TrainingFingerprint.small(dataset, SAMPLES);
        for (int i = 0; i < 20; i++) { // warm: C2 compiles the hot kernels in this JVM
            assertEquals(here, TrainingFingerprint.small(dataset, SAMPLES), "this JVM's run " + (i + 2));
        }
        List<String> fresh = trainInFreshJvm(jitFlags, dataset, runs);
        assertEquals(runs, fresh.size(), "one checksum per run: " + fresh);
        for (int i = 0; i < runs; i++) {
            assertEquals(here, fresh.get(i), "run " + (i + 1) + " with " + jitFlags + " (" + Vectorization.describe()
                    + ") against this JVM");
        }
    }

    private static List<String> trainInFreshJvm(String jitFlags, String dataset, int runs) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jitFlags.split(" ")));
        if (Vectorization.isSimdEnabled()) {
            command.add("--add-modules=jdk.incubator.vector");
            command.add("-Dbackprop4j.simd=force");
        } else {
            command.add("-Dbackprop4j.simd=false");
        }
        if (System.getProperty("backprop4j.threads") != null) {
            command.add("-Dbackprop4j.threads=" + System.getProperty("backprop4j.threads"));
        }
        command.add("-cp");
        String surefire = System.getProperty("surefire.test.class.path");
        command.add(surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path"));
        command.add(TrainingFingerprint.class.getName());
        command.addAll(List.of(String.valueOf(runs), dataset, String.valueOf(SAMPLES)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(280, TimeUnit.SECONDS), "the fresh JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        return TrainingFingerprint.lines(out);
    }
}
