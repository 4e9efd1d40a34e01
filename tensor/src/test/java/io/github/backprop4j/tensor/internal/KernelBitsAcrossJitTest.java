package io.github.backprop4j.tensor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The active kernels give the same bits however they were compiled: {@link KernelWorkload} in
 * this JVM before and after enough runs for C2 to compile the kernels, and in a second JVM whose
 * kernels the JIT may not compile at all (they run in the interpreter, and the Vector API in its
 * Java fallback). The Vector API's own e^x fails this: its interpreted and compiled versions
 * round differently.
 */
class KernelBitsAcrossJitTest {

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void sameBitsInterpretedAndCompiled() throws Exception {
        KernelWorkload workload = new KernelWorkload();
        long first = workload.checksum();
        for (int i = 0; i < 2000; i++) { // tens of thousands of loop iterations per kernel: C2 compiles them
            assertEquals(first, workload.checksum(), "run " + i + " of the same workload");
        }
        String interpreted = runInterpreted();
        assertEquals(Long.toHexString(first), interpreted,
                "a JVM whose kernels are not compiled gives other bits (" + Kernels.active().describe() + ")");
    }

    /** {@link KernelWorkload#main}'s output in a new JVM with this one's kernel choice, tensor.internal not compiled. */
    private static String runInterpreted() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Kernels.vectorModule().isPresent()) {
            command.add("--add-modules=" + Kernels.VECTOR_MODULE);
        }
        for (String property : new String[] {Kernels.PROPERTY, Parallel.PROPERTY}) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.add("-XX:CompileCommand=quiet");
        command.add("-XX:CompileCommand=exclude,io.github.backprop4j.tensor.internal.*::*");
        command.add("-cp");
        String surefire = System.getProperty("surefire.test.class.path");
        command.add(surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path"));
        command.add(KernelWorkload.class.getName());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), "the second JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
