package io.github.backprop4j.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.backprop4j.tensor.Tensor;
import io.github.backprop4j.testkit.ReferenceFiles;
import io.github.backprop4j.testkit.TensorData;
import io.github.backprop4j.testkit.Tolerance;
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
    /** Four decimals, or four significant digits for large magnitudes. */
    private static final Tolerance PRINTED_DIGITS = Tolerance.largerOf(6e-5, 1e-4);
    private static final List<JsonNode> VECTORS = ReferenceFiles.jsonl("/reference/spec_vectors.jsonl");

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
        check(name + " output", TensorData.numbers(v.get("expected_output")), out.output());
        if (v.has("expected_grad_input")) {
            check(name + " grad_input", TensorData.numbers(v.get("expected_grad_input")), out.gradInput());
        }
        if (v.has("expected_grad_target")) {
            assertNotNull(out.gradTarget(), name + ": the target should get a gradient");
            check(name + " grad_target", TensorData.numbers(v.get("expected_grad_target")), out.gradTarget());
        }
    }

    private static void check(String what, double[] expected, Tensor actual) {
        PRINTED_DIGITS.assertClose(expected, actual.toDoubleArray(), what);
    }
}
