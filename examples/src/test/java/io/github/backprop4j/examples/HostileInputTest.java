package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, in-process: hostile requests, odd paths and odd flag values each get one clear line
 * (an error answer, or a message on stderr), never a trace, and nothing on disk is clobbered.
 */
class HostileInputTest {
    private static final String VALID = "{\"id\": \"ok\", \"op\": \"softmax\", \"dtype\": \"float64\", "
            + "\"input\": {\"shape\": [2], \"data\": [0, 0]}, \"options\": {\"dim\": 0}}";

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // ---------------------------------------------------------------- loss --jsonl (items 1, 3, 12)

    @Test
    void aLineLongerThanTheLimitGetsAnErrorAnswerAndTheStreamGoesOn() {
        String huge = "{\"id\": \"big\", \"data\": [" + "1, ".repeat(5_000) + "1]}";
        Cli.Run run = Cli.runWithStdin(VALID + "\n" + huge + "\n" + VALID + "\n",
                "loss", "--jsonl", "-", "--max-line-length", "1000");
        assertEquals(0, run.exitCode(), run::toString);
        List<String> answers = lines(run.out());
        assertEquals(3, answers.size(), run::toString);
        assertTrue(answers.get(0).startsWith("{\"id\": \"ok\", \"output\""), run::toString);
        assertEquals("{\"id\": null, \"error\": \"line 2 is longer than the limit of 1000 characters "
                + "(see --max-line-length)\"}", answers.get(1));
        assertEquals(answers.get(0), answers.get(2));
    }

    @Test
    void aLongLineWithoutNewlineAtTheEndGetsAnErrorAnswer() {
        Cli.Run run = Cli.runWithStdin(VALID + "\n" + "[".repeat(5_000),
                "loss", "--jsonl", "-", "--max-line-length", "1000");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(2, lines(run.out()).size(), run::toString);
        assertTrue(lines(run.out()).get(1).contains("longer than the limit"), run::toString);
    }

    @Test
    void aRequestOverTheMemoryBudgetIsRefusedBeforeAllocating() {
        String broadcast = "{\"id\": \"b\", \"op\": \"binary_cross_entropy_with_logits\", "
                + "\"input\": {\"shape\": [3, 1], \"data\": [0, 0, 0]}, "
                + "\"target\": {\"shape\": [3, 1], \"data\": [0, 1, 0]}, "
                + "\"options\": {\"pos_weight\": {\"shape\": [2000], \"data\": [" + "1, ".repeat(1999) + "1]}}}";
        Cli.Run run = Cli.runWithStdin(broadcast + "\n" + VALID + "\n", "loss", "--jsonl", "-",
                "--memory-budget", "64k");
        assertEquals(0, run.exitCode(), run::toString);
        List<String> answers = lines(run.out());
        assertEquals(2, answers.size(), run::toString);
        assertTrue(answers.get(0).startsWith("{\"id\": \"b\", \"error\": \"request needs about "), run::toString);
        assertTrue(answers.get(0).contains("more than the memory budget of 64 KiB"), run::toString);
        assertTrue(answers.get(1).startsWith("{\"id\": \"ok\", \"output\""), run::toString);
    }

    @Test
    void aHugeDimIsOutOfRangeAsInPyTorchNotAnInternalError() {
        String request = "{\"id\": \"d\", \"op\": \"log_softmax\", \"input\": {\"shape\": [2, 3], "
                + "\"data\": [1, 2, 3, 4, 5, 6]}, \"options\": {\"dim\": 9999999999}}";
        Cli.Run run = Cli.runWithStdin(request + "\n", "loss", "--jsonl", "-");
        assertEquals("{\"id\": \"d\", \"error\": \"Dimension out of range (expected to be in range of [-2, 1], "
                + "but got 9999999999)\"}", run.out().strip());
    }

    @Test
    void aMissingRequestFileDoesNotExist(@TempDir Path dir) {
        Path missing = dir.resolve("absent.jsonl");
        Cli.Run run = Cli.run("loss", "--jsonl", missing.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("backprop4j loss: cannot read " + missing + ": the file does not exist", run.err().strip());
    }

    @Test
    void limitsCanBeSetBySystemProperties() {
        String previous = System.getProperty("backprop4j.maxLineLength");
        System.setProperty("backprop4j.maxLineLength", "100");
        try {
            Cli.Run run = Cli.runWithStdin(VALID + " ".repeat(200) + "\n", "loss", "--jsonl", "-");
            assertTrue(run.out().contains("longer than the limit of 100 characters"), run::toString);
        } finally {
            if (previous == null) {
                System.clearProperty("backprop4j.maxLineLength");
            } else {
                System.setProperty("backprop4j.maxLineLength", previous);
            }
        }
    }

    // ---------------------------------------------------------------- train --plot / --save (items 7, 8)

    @Test
    void plotOntoADirectoryIsRefusedBeforeTrainingAndTheDirectoryStays(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Cli.Run run = Cli.run("train", "--dataset", "xor", "--epochs", "1", "--plot", empty.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("backprop4j train: cannot write " + empty + ": it is a directory", run.err().strip());
        assertEquals("", run.out(), "nothing trained: " + run);
        assertTrue(Files.isDirectory(empty));
    }

    @Test
    void plotIntoAnUnwritablePlaceIsRefusedBeforeTraining() {
        Path proc = Path.of("/proc/backprop4j-test.png");
        Cli.Run run = Cli.run("train", "--dataset", "xor", "--epochs", "1", "--plot", proc.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(1, run.err().strip().lines().count(), run::toString);
        assertTrue(run.err().startsWith("backprop4j train: cannot write " + proc), run::toString);
        assertEquals("", run.out(), run::toString);
    }

    @Test
    void saveOntoASymbolicLinkIsRefusedBeforeTraining(@TempDir Path dir) throws Exception {
        Path real = Files.writeString(dir.resolve("real"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve("link.safetensors"), real);
        Cli.Run run = Cli.run("train", "--dataset", "xor", "--epochs", "1", "--save", link.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("is a symbolic link"), run::toString);
        assertEquals("", run.out(), run::toString);
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("keep", Files.readString(real));
        assertEquals(List.of("link.safetensors", "real"), names(dir));
    }

    @Test
    void saveIntoAMissingDirectoryNamesIt(@TempDir Path dir) {
        Path file = dir.resolve("missing/m.safetensors");
        Cli.Run run = Cli.run("train", "--dataset", "xor", "--epochs", "1", "--save", file.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("backprop4j train: cannot write " + file + ": the directory " + dir.resolve("missing")
                + " does not exist", run.err().strip());
    }

    // ---------------------------------------------------------------- train --hidden (item 10)

    @Test
    void hiddenNoneMeansNoHiddenLayer() {
        Cli.Run run = Cli.run("train", "--dataset", "xor", "--epochs", "1", "--hidden", "none");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("MLP 2-1,"), run::toString);
    }

    @Test
    void emptyOrCommaOnlyHiddenListsAreUsageErrors() {
        for (String hidden : new String[] {"", " ", ",", "1,,2", "8,", "none,8"}) {
            Cli.Run run = Cli.run("train", "--dataset", "xor", "--epochs", "1", "--hidden", hidden);
            assertEquals(2, run.exitCode(), () -> "'" + hidden + "': " + run);
            assertTrue(run.err().contains("--hidden"), run::toString);
            assertEquals(1, run.err().strip().lines().count(), run::toString);
        }
    }

    // ---------------------------------------------------------------- explain literals (item 9)

    @Test
    void deeplyNestedLiteralGetsAClearMessage() {
        String deep = "[".repeat(2_500) + "1" + "]".repeat(2_500);
        Cli.Run run = Cli.run("explain", "softmax", "--input", deep);
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(1, run.err().strip().lines().count(), run::toString);
        assertTrue(run.err().contains("nested more than 64 deep"), run::toString);
    }

    @Test
    void outOfRangeIntegerTargetIsRejected() {
        Cli.Run run = Cli.run("explain", "cross-entropy", "--input", "[[1, 2]]", "--target", "[9223372036854775808]");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("9223372036854775808 is out of the int64 range"), run::toString);
        assertFalse(run.err().contains("Exception"), run::toString);
    }
}
