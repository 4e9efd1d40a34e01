package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11, as a separate JVM (the real {@code main}, real file descriptors): a stdout that
 * cannot be written (a full device, a closed pipe) ends every command with a non-zero exit and
 * one line on stderr, and a model too large for the heap is refused before it is allocated.
 */
class ClosedOutputTest {
    private static final String REQUEST = "{\"id\": \"r\", \"op\": \"softmax\", \"dtype\": \"float64\", "
            + "\"input\": {\"shape\": [2], \"data\": [0, 0]}, \"options\": {\"dim\": 0}}\n";

    private static final File DEV_FULL = new File("/dev/full");

    private static ProcessBuilder java(List<String> jvmFlags, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        String surefire = System.getProperty("surefire.test.class.path");
        command.add(surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static void finish(Process p) throws InterruptedException {
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor();
        }
        assertTrue(ended, "the program did not end");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "train --dataset xor --epochs 1",
        "explain softmax --input [1,2]",
        "seeds paper-pencil",
        "loss --jsonl -",
        "bench --model 4-4-2 --batch 2 --steps 5 --threads 1 --simd off",
        "--help",
    })
    void aFullDeviceOnStdoutIsAnErrorOfEveryCommand(String args, @TempDir Path dir) throws Exception {
        assumeTrue(DEV_FULL.exists(), "needs /dev/full");
        Path err = dir.resolve("err.txt");
        Process p = java(List.of(), args.split(" ")).redirectOutput(DEV_FULL).redirectError(err.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(REQUEST.getBytes(StandardCharsets.UTF_8));
        }
        finish(p);
        String stderr = Files.readString(err);
        assertNotEquals(0, p.exitValue(), stderr);
        assertEquals(1, stderr.strip().lines().count(), stderr);
        assertTrue(stderr.contains("cannot write to standard output"), stderr);
        assertFalse(stderr.contains("\tat "), stderr);
    }

    @Test
    void aClosedPipeEndsAnEndlessLossStream(@TempDir Path dir) throws Exception {
        Path err = dir.resolve("err.txt");
        Process p = java(List.of(), "loss", "--jsonl", "-").redirectError(err.toFile()).start();
        Thread feeder = new Thread(() -> {
            try (OutputStream in = p.getOutputStream()) {
                byte[] request = REQUEST.getBytes(StandardCharsets.UTF_8);
                while (p.isAlive()) {
                    in.write(request);
                }
            } catch (IOException stopped) {
                // the program ended and closed its stdin: what the test waits for
            }
        });
        feeder.setDaemon(true);
        feeder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertTrue(out.readLine().startsWith("{\"id\": \"r\", \"output\""));
        } // like `| head -1`: the reader goes away
        finish(p);
        String stderr = Files.readString(err);
        assertNotEquals(0, p.exitValue(), stderr);
        assertEquals(1, stderr.strip().lines().count(), stderr);
        assertTrue(stderr.contains("cannot write to standard output"), stderr);
    }

    @Test
    void aModelTooLargeForTheHeapIsRefusedWithItsSize(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = java(List.of("-Xmx64m"), "train", "--dataset", "xor", "--epochs", "1", "--hidden", "4000,4000")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        finish(p);
        String stderr = Files.readString(err);
        assertEquals(1, p.exitValue(), stderr);
        assertEquals(1, stderr.strip().lines().count(), stderr);
        assertTrue(stderr.startsWith("backprop4j train: the model 2-4000-4000-1 has 16,020,001 parameters"), stderr);
        assertEquals("", Files.readString(out));
    }
}
