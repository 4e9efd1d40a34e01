package io.github.backprop4j.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.backprop4j.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 84 worked vectors of losses.md §12 (87 lines: three are split into mean and sum), to the
 * four decimals the spec prints: |difference| ≤ 6e-5, or 1e-4 relative for large magnitudes
 * (the ±1e12 BCE gradients); NaN and ±inf exactly where the spec has them.
 */
class SpecVectorsTest {
    private static final List<JsonNode> VECTORS = Requests.readJsonl("/reference/spec_vectors.jsonl");

    static Stream<Arguments> vectors() {
        return VECTORS.stream().map(v -> Arguments.of(v.get("name").asText(), v));
    }

    @Test
    void allVectorsArePresent() {
        assertEquals(87, VECTORS.size(), "spec_vectors.jsonl should hold the 84 vectors as 87 lines");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void matchesTheSpec(String name, JsonNode v) {
        Requests.Outcome out = Requests.run(v.get("request"));
        check(name + " output", Requests.flatten(v.get("expected_output")), out.output());
        if (v.has("expected_grad_input")) {
            check(name + " grad_input", Requests.flatten(v.get("expected_grad_input")), out.gradInput());
        }
        if (v.has("expected_grad_target")) {
            assertNotNull(out.gradTarget(), name + ": the target should get a gradient");
            check(name + " grad_target", Requests.flatten(v.get("expected_grad_target")), out.gradTarget());
        }
    }

    private static void check(String what, double[] expected, Tensor actual) {
        double[] a = actual.toDoubleArray();
        assertEquals(expected.length, a.length, what + ": number of values");
        for (int i = 0; i < a.length; i++) {
            double e = expected[i];
            boolean ok = Double.isNaN(e) ? Double.isNaN(a[i])
                    : Double.isInfinite(e) ? e == a[i]
                    : Math.abs(a[i] - e) <= Math.max(6e-5, 1e-4 * Math.abs(e));
            assertTrue(ok, what + " [" + i + "]: spec " + e + ", ours " + a[i] + "\n  spec " + Arrays.toString(expected)
                    + "\n  ours " + Arrays.toString(a));
        }
    }
}
