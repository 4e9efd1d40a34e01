package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.backprop4j.testkit.ReferenceFiles;
import io.github.backprop4j.testkit.Tolerance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code loss --jsonl} against the PyTorch reference cases of the losses module
 * ({@code reference/loss_cases.jsonl}, made by {@code tools/reference/gen_losses.py}, on the
 * class path through the losses test-jar): every request of the file, fed to the command as one
 * stream, gets PyTorch's answer — the same keys ({@code grad_target} exactly when PyTorch has
 * one), shapes, values within the float32/float64 tolerances of that file's README, and the
 * same error texts.
 */
class LossCommandReferenceTest {
    /** Python's json: NaN, Infinity and -Infinity are bare tokens, both ways. */
    private static final JsonMapper JSON = ReferenceFiles.JSON;
    /** Float32 sums differ from PyTorch's cascade sums in the last bits; float64 hardly at all. */
    private static final Tolerance FLOAT32 = Tolerance.of(1e-4, 1e-4);
    private static final Tolerance FLOAT64 = Tolerance.of(1e-9, 1e-9);

    @Test
    void everyReferenceCaseGetsPyTorchsAnswer() throws Exception {
        List<JsonNode> cases = new ArrayList<>();
        StringBuilder requests = new StringBuilder();
        for (JsonNode c : ReferenceFiles.jsonl("/reference/loss_cases.jsonl")) {
            cases.add(c);
            requests.append(JSON.writeValueAsString(c.get("request"))).append('\n');
        }
        assertTrue(cases.size() > 900, "the reference file has its ~983 cases");

        Cli.Run run = Cli.runWithStdin(requests.toString(), "loss", "--jsonl", "-");
        assertEquals(0, run.exitCode(), run.err());
        List<String> answers = run.out().lines().toList();
        assertEquals(cases.size(), answers.size(), "one answer per request");

        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            JsonNode request = cases.get(i).get("request");
            String problem = compare(cases.get(i).get("expected"), JSON.readTree(answers.get(i)),
                    request.get("dtype").asText().equals("float32"));
            if (problem != null) {
                mismatches.add(request.get("id").asText() + ": " + problem);
            }
        }
        assertTrue(mismatches.isEmpty(), () -> mismatches.size() + " of " + cases.size() + " answers differ:\n"
                + String.join("\n", mismatches.subList(0, Math.min(20, mismatches.size()))));
    }

    /** Null when {@code actual} is PyTorch's answer {@code expected}, else what differs. */
    private static String compare(JsonNode expected, JsonNode actual, boolean float32) {
        if (!expected.get("id").equals(actual.get("id"))) {
            return "id " + actual.get("id") + " instead of " + expected.get("id");
        }
        if (expected.has("error") || actual.has("error")) {
            return expected.path("error").equals(actual.path("error")) && expected.size() == actual.size() ? null
                    : "expected " + expected + " but got " + actual;
        }
        for (String key : List.of("output", "grad_input", "grad_target")) {
            if (expected.has(key) != actual.has(key)) {
                return key + (expected.has(key) ? " missing" : " not expected");
            }
            if (!expected.has(key)) {
                continue;
            }
            JsonNode e = expected.get(key);
            JsonNode a = actual.get(key);
            if (!e.get("shape").equals(a.get("shape")) || e.get("data").size() != a.get("data").size()) {
                return key + " shape " + a.get("shape") + " instead of " + e.get("shape");
            }
            for (int j = 0; j < e.get("data").size(); j++) {
                double want = e.get("data").get(j).asDouble();
                double got = a.get("data").get(j).asDouble();
                if (!(float32 ? FLOAT32 : FLOAT64).accepts(want, got)) {
                    return key + "[" + j + "] = " + got + " instead of " + want;
                }
            }
        }
        return null;
    }
}
