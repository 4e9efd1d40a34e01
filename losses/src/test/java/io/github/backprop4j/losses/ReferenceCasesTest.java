package io.github.backprop4j.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import io.github.backprop4j.testkit.ReferenceFiles;
import io.github.backprop4j.testkit.TensorData;
import io.github.backprop4j.testkit.Tolerance;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every case of {@code reference/loss_cases.jsonl} (written by PyTorch, see
 * tools/reference/gen_losses.py) through the functional API: the output and the gradients with
 * respect to the input and a floating target must match PyTorch's (float64 to 1e-10 relative,
 * float32 to 1e-5, with NaN and ±inf in the same places), and rejected input must fail with a
 * message that contains PyTorch's.
 */
class ReferenceCasesTest {
    private static final List<JsonNode> CASES = ReferenceFiles.jsonl("/reference/loss_cases.jsonl");
    private static final Map<String, AtomicInteger> PASSED = new ConcurrentHashMap<>();

    static Stream<Arguments> cases() {
        return CASES.stream().map(c -> Arguments.of(c.get("request").get("id").asText(), c));
    }

    @Test
    void theReferenceFileIsComplete() {
        assertTrue(CASES.size() >= 700, "expected at least 700 reference cases, found " + CASES.size());
        long f32 = CASES.stream().filter(c -> c.get("request").get("dtype").asText().equals("float32")).count();
        long f64 = CASES.stream().filter(c -> c.get("request").get("dtype").asText().equals("float64")).count();
        assertTrue(f32 > 100 && f64 > 100, "both dtypes must be covered: " + f32 + " float32, " + f64 + " float64");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(String id, JsonNode c) {
        JsonNode request = c.get("request");
        JsonNode expected = c.get("expected");
        String key = request.get("op").asText() + " " + request.get("dtype").asText();
        if (expected.has("error")) {
            String message = expected.get("error").asText();
            LossException e = assertThrows(LossException.class, () -> Requests.run(request), id + " should fail");
            assertTrue(e.getMessage().contains(message),
                    id + ": message\n  " + e.getMessage() + "\ndoes not contain PyTorch's\n  " + message);
            assertTrue(e.getMessage().startsWith(request.get("op").asText() + ": "),
                    id + ": message must start with the op name: " + e.getMessage());
            assertEquals(message, e.torchMessage(), id + ": PyTorch's message alone");
            PASSED.computeIfAbsent(key + " (errors)", k -> new AtomicInteger()).incrementAndGet();
            return;
        }
        Requests.Outcome out = Requests.run(request);
        DType dtype = DType.parse(request.get("dtype").asText());
        compare(id + " output", expected.get("output"), out.output(), dtype);
        compare(id + " grad_input", expected.get("grad_input"), out.gradInput(), dtype);
        if (expected.has("grad_target")) {
            assertNotNull(out.gradTarget(), id + ": expected a gradient for the target");
            compare(id + " grad_target", expected.get("grad_target"), out.gradTarget(), dtype);
        }
        PASSED.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    static void compare(String what, JsonNode expectedTensor, Tensor actual, DType dtype) {
        assertEquals(dtype, actual.dtype(), what + " dtype");
        TensorData expected = TensorData.decode(expectedTensor, dtype.shortName());
        double scale = 0;
        for (double v : expected.values()) {
            if (Double.isFinite(v)) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        // Relative agreement, plus near 0 an absolute floor of 4 ulps of the tensor's magnitude: a
        // value that cancels to ~0 (softmax gradients seeded with ones, σ(x) − y, x − logsumexp)
        // keeps a rounding error of a few ulps of its operands, in PyTorch's float32 arithmetic as
        // in our double arithmetic rounded once.
        double rtol = dtype == DType.FLOAT64 ? 1e-10 : 1e-5;
        double ulp = dtype == DType.FLOAT64 ? Math.ulp(1.0) : Math.ulp(1.0f);
        Tolerance.of(rtol, 4 * ulp * Math.max(scale, 1))
                .assertClose(expected.shape(), expected.values(), actual.shape().toArray(), actual.toDoubleArray(), what);
    }

    @AfterAll
    static void report() {
        Map<String, Integer> sorted = new TreeMap<>();
        PASSED.forEach((k, v) -> sorted.put(k, v.get()));
        System.out.println("[losses] reference cases passed per op and dtype: " + sorted);
    }
}
