package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code backprop4j loss --jsonl}: requests built from the test vectors of docs/spec/losses.md
 * §12 are answered with the spec's numbers (to 4 decimals); bad lines get error answers and the
 * run goes on; the output is JSON that Python's {@code json} module reads.
 */
class LossCommandTest {
    /** Strict JSON, except the bare NaN / Infinity / -Infinity tokens Python's json writes. */
    private static final JsonMapper PYTHON_JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double NAN = Double.NaN;

    private static Path requests() throws URISyntaxException {
        return Path.of(LossCommandTest.class.getResource("loss-requests.jsonl").toURI());
    }

    /** The answers to loss-requests.jsonl, by id (in the order they came). */
    private static Map<String, JsonNode> answers() throws Exception {
        Cli.Run run = Cli.run("loss", "--jsonl", requests().toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err(), run::toString);
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        int unnamed = 0;
        for (String line : run.out().split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            JsonNode answer = PYTHON_JSON.readTree(line);
            String id = answer.get("id").isNull() ? "null-" + unnamed++ : answer.get("id").asText();
            byId.put(id, answer);
        }
        return byId;
    }

    // ------------------------------------------------------------------ the whole file

    @Test
    void answersEveryNonBlankLineInOrder() throws Exception {
        List<String> ids = new ArrayList<>(answers().keySet());
        assertEquals(List.of("LS1", "LS8", "LS9", "LS5", "LS6", "NLL11", "NLL5", "CE13", "CE14", "CE12", "CE16",
                "CE18", "BCE5", "BCEL3", "BCEL5", "MLSM3", "42", "legacy-sum", "legacy-none", "err-target",
                "err-reduction", "err-mlsm-reduction", "err-keyword", "err-grad-output", "null-0", "null-1",
                "after-the-bad-lines"), ids);
    }

    @Test
    void softmaxFamilyMatchesTheSpecVectors() throws Exception {
        Map<String, JsonNode> a = answers();
        // LS1 and the gradient for upstream ones: 1 - 3·softmax (losses.md §2.3)
        assertTensor(a.get("LS1").get("output"), new int[] {3}, -2.4076, -1.4076, -0.4076);
        assertTensor(a.get("LS1").get("grad_input"), new int[] {3}, 0.7299, 0.2658, -0.9957);
        assertTensor(a.get("LS8").get("grad_input"), new int[] {3}, 1.0450, 0.6224, -1.6674);
        assertTensor(a.get("LS9").get("output"), new int[] {3}, 0.0900, 0.2447, 0.6652);
        assertTensor(a.get("LS9").get("grad_input"), new int[] {3}, 0.1907, 0.3960, -0.5867);
        assertTensor(a.get("LS5").get("output"), new int[] {3}, -1.3133, -INF, -0.3133);
        assertTensor(a.get("LS6").get("output"), new int[] {2}, NAN, NAN);
        assertTensor(a.get("42").get("output"), new int[] {3}, 0.0900, 0.2447, 0.6652);
        assertTensor(a.get("after-the-bad-lines").get("output"), new int[] {3}, -2.4076, -1.4076, -0.4076);
        assertFalse(a.get("LS1").has("grad_target"));
        assertTrue(a.get("42").get("id").isInt(), "a numeric id comes back as a number");
    }

    @Test
    void nllAndCrossEntropyMatchTheSpecVectors() throws Exception {
        Map<String, JsonNode> a = answers();
        assertTensor(a.get("NLL11").get("output"), new int[] {}, 0.9500);
        assertTensor(a.get("NLL11").get("grad_input"), new int[] {3, 3}, -0.25, 0, 0, 0, 0, 0, 0, 0, -0.75);
        assertTensor(a.get("NLL5").get("output"), new int[] {}, NAN);
        assertTensor(a.get("NLL5").get("grad_input"), new int[] {3, 3}, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertTensor(a.get("CE13").get("output"), new int[] {}, 1.0598);
        assertTensor(a.get("CE13").get("grad_input"), new int[] {2, 3},
                0.1737, 0.1919, -0.3656, 0.1563, -0.2842, 0.1279);
        assertTensor(a.get("CE12").get("output"), new int[] {}, 0.5413);
        assertTensor(a.get("CE12").get("grad_input"), new int[] {1, 3}, 0.1086, -0.0276, -0.0811);
        assertTensor(a.get("CE16").get("output"), new int[] {}, INF);
        assertTensor(a.get("CE16").get("grad_input"), new int[] {1, 3}, 0.2689, -1.0, 0.7311);
        assertTensor(a.get("CE18").get("output"), new int[] {}, 10000.0);
        assertTensor(a.get("CE18").get("grad_input"), new int[] {1, 3}, 1.0, -1.0, 0.0);
        // the legacy flags decide the reduction, whatever "reduction" says (losses.md §1.2): NLL1-sum, NLL1-none
        assertTensor(a.get("legacy-sum").get("output"), new int[] {}, 1.8);
        assertTensor(a.get("legacy-none").get("output"), new int[] {3}, 0.5, 0.2, 1.1);
        for (String indexTargets : List.of("NLL11", "NLL5", "CE13", "CE12", "CE16", "CE18")) {
            assertFalse(a.get(indexTargets).has("grad_target"), indexTargets + ": class indices have no gradient");
        }
        // probability targets: the target has a gradient (losses.md CE14)
        assertTensor(a.get("CE14").get("output"), new int[] {}, 1.6871);
        assertTensor(a.get("CE14").get("grad_input"), new int[] {2, 3},
                -0.0080, -0.2795, 0.2874, -0.3199, 0.1991, 0.1208);
        assertTensor(a.get("CE14").get("grad_target"), new int[] {2, 3},
                0.8707, 3.2413, 0.0603, 0.5104, 0.9208, 0.3552);
    }

    @Test
    void binaryLossesMatchTheSpecVectors() throws Exception {
        Map<String, JsonNode> a = answers();
        assertTensor(a.get("BCE5").get("output"), new int[] {}, 0.5861);
        assertTensor(a.get("BCE5").get("grad_input"), new int[] {3}, 0.4167, -0.9524, 1.1111);
        assertTensor(a.get("BCE5").get("grad_target"), new int[] {3}, 0.4621, -0.5649, -0.3662);
        assertTensor(a.get("BCEL3").get("output"), new int[] {}, 4.2665);
        assertTensor(a.get("BCEL3").get("grad_input"), new int[] {2, 3},
                -1.1326, 0.5379, -0.0298, 0.5250, -0.9003, 0.0346);
        assertTensor(a.get("BCEL3").get("grad_target"), new int[] {2, 3},
                0.4482, 2.0000, -1.0317, 1.1888, -0.4000, -0.0636);
        assertTensor(a.get("BCEL5").get("output"), new int[] {4}, INF, NAN, NAN, NAN);
        assertTensor(a.get("MLSM3").get("output"), new int[] {}, 0.5887);
        assertTensor(a.get("MLSM3").get("grad_input"), new int[] {2, 3},
                -0.0629, 0.0896, -0.0099, 0.0875, -0.1501, -0.0479);
        assertEquals("[2,3]", a.get("MLSM3").get("grad_target").get("shape").toString());
    }

    @Test
    void rejectedInputGetsPyTorchsMessageAndTheRunGoesOn() throws Exception {
        Map<String, JsonNode> a = answers();
        assertError(a.get("err-target"), "Target 5 is out of bounds.");
        assertError(a.get("err-reduction"), "avg is not a valid value for reduction");
        assertError(a.get("err-mlsm-reduction"), "avg is not valid");
        assertError(a.get("err-keyword"), "cross_entropy() got an unexpected keyword argument 'pos_weight'");
        assertError(a.get("err-grad-output"), "Mismatch in shape: grad_output[0] has a shape of torch.Size([3])"
                + " and output[0] has a shape of torch.Size([]).");
        for (String bad : List.of("null-0", "null-1")) {
            assertTrue(a.get(bad).get("id").isNull());
            assertTrue(a.get(bad).get("error").asText().startsWith("invalid JSON"), a.get(bad).toString());
            assertEquals(2, a.get(bad).size(), "an error answer has only id and error");
        }
        assertNotNull(a.get("after-the-bad-lines").get("output"), "the line after the bad ones is answered");
    }

    @Test
    void nonFiniteNumbersAreBareTokensAsPythonWritesThem() throws Exception {
        Cli.Run run = Cli.run("loss", "--jsonl", requests().toString());
        String ls5 = lineWithId(run.out(), "\"LS5\"");
        String ls6 = lineWithId(run.out(), "\"LS6\"");
        String ce16 = lineWithId(run.out(), "\"CE16\"");
        String bareMinusInfinity = ".*\"output\": \\{\"shape\": \\[3\\], \"data\": \\[[^\\]\"]*, -Infinity, [^\\]\"]*\\]\\}.*";
        assertTrue(ls5.matches(bareMinusInfinity), ls5);
        assertTrue(ls6.contains("\"output\": {\"shape\": [2], \"data\": [NaN, NaN]}"), ls6);
        assertTrue(ce16.contains("\"output\": {\"shape\": [], \"data\": [Infinity]}"), ce16);
        assertFalse(run.out().contains("\"NaN\"") || run.out().contains("\"Infinity\""), "never quoted");
    }

    @Test
    void answersAreWrittenWithPythonsSeparators() throws Exception {
        String first = Cli.run("loss", "--jsonl", requests().toString()).out().lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("{\"id\": \"LS1\", \"output\": {\"shape\": [3], \"data\": [-2.4076"), first);
        assertTrue(first.contains("}, \"grad_input\": {\"shape\": [3], \"data\": [0.7"), first);
    }

    // ------------------------------------------------------------------ input sources and streaming

    @Test
    void readsStandardInputForADash() throws Exception {
        String request = "{\"id\": \"stdin\", \"op\": \"cross_entropy\", \"dtype\": \"float64\", "
                + "\"input\": {\"shape\": [2, 3], \"data\": [1, 2, 3, 1, 2, 3]}, "
                + "\"target\": {\"shape\": [2], \"data\": [0, 2]}, \"options\": {\"reduction\": \"none\"}}\n";
        Cli.Run run = Cli.runWithStdin(request, "loss", "--jsonl", "-");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode answer = PYTHON_JSON.readTree(run.out());
        assertEquals("stdin", answer.get("id").asText());
        assertTensor(answer.get("output"), new int[] {2}, 2.4076, 0.4076); // CE2
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void answersEachLineBeforeTheNextOneArrives() throws Exception {
        PipedOutputStream toProgram = new PipedOutputStream();
        InputStream stdin = new PipedInputStream(toProgram);
        // buffered like System.out: an answer reaches the reader only if the program flushes it
        PipedWriter programOut = new PipedWriter();
        BufferedReader fromProgram = new BufferedReader(new PipedReader(programOut, 1 << 16));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Main.run(
                new String[] {"loss", "--jsonl", "-"}, stdin, new PrintWriter(new BufferedWriter(programOut)),
                new PrintWriter(new StringWriter())));
        for (int i = 0; i < 3; i++) {
            String request = "{\"id\": " + i + ", \"op\": \"softmax\", \"dtype\": \"float64\", "
                    + "\"input\": {\"shape\": [2], \"data\": [0, " + i + "]}, \"options\": {\"dim\": 0}}\n";
            toProgram.write(request.getBytes(StandardCharsets.UTF_8));
            toProgram.flush();
            String answer = fromProgram.readLine(); // blocks until the program has answered this line
            assertEquals(i, PYTHON_JSON.readTree(answer).get("id").asInt(), answer);
        }
        toProgram.close();
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aMissingFileIsBadInput() {
        Cli.Run run = Cli.run("loss", "--jsonl", "/no/such/requests.jsonl");
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().contains("/no/such/requests.jsonl"), run::toString);
    }

    @Test
    void withoutJsonlItIsAUsageError() {
        Cli.Run run = Cli.run("loss");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--jsonl"), run::toString);
    }

    @Test
    void anEmptyFileGetsNoAnswers() throws IOException {
        Path empty = Files.createTempFile("empty", ".jsonl");
        try {
            Cli.Run run = Cli.run("loss", "--jsonl", empty.toString());
            assertEquals(0, run.exitCode(), run::toString);
            assertEquals("", run.out());
        } finally {
            Files.delete(empty);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static String lineWithId(String out, String id) {
        return out.lines().filter(l -> l.startsWith("{\"id\": " + id + ",")).findFirst()
                .orElseThrow(() -> new AssertionError("no answer " + id + " in\n" + out));
    }

    /** The tensor has {@code shape} and, to the spec's 4 decimals, {@code expected}. */
    private static void assertTensor(JsonNode tensor, int[] shape, double... expected) {
        assertNotNull(tensor, "missing tensor");
        assertEquals(PYTHON_JSON.valueToTree(shape).toString(), tensor.get("shape").toString(), tensor::toString);
        JsonNode data = tensor.get("data");
        assertEquals(expected.length, data.size(), tensor::toString);
        for (int i = 0; i < expected.length; i++) {
            double actual = data.get(i).asDouble();
            double e = expected[i];
            boolean ok = Double.isNaN(e) ? Double.isNaN(actual)
                    : Double.isInfinite(e) ? actual == e
                    : Math.abs(actual - e) <= Math.max(6e-5, 1e-4 * Math.abs(e));
            if (!ok) {
                fail("data[" + i + "] is " + actual + ", expected " + e + " (4 decimals) in " + tensor);
            }
        }
    }

    private static void assertError(JsonNode answer, String message) {
        assertNotNull(answer);
        assertNull(answer.get("output"), answer::toString);
        assertEquals(message, answer.get("error").asText(), answer::toString);
    }
}
