package io.github.backprop4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.testkit.Tolerance;
import java.util.Arrays;
import org.junit.jupiter.api.function.Executable;

/** Small assertions shared by the tensor tests. */
final class TensorAssertions {
    private TensorAssertions() {
    }

    /** Same shape, and exactly these values in row-major order (NaN matches NaN). */
    static void assertTensor(Tensor actual, int[] shape, double... values) {
        assertArrayEquals(shape, actual.shape().toArray(), () -> "shape of " + actual);
        assertArrayEquals(values, actual.toDoubleArray(), () -> "values of " + actual);
    }

    /** Same shape, and values within {@code tolerance} (absolute) of these. */
    static void assertTensorClose(Tensor actual, int[] shape, double tolerance, double... values) {
        Tolerance.absolute(tolerance).assertClose(shape, values, actual.shape().toArray(), actual.toDoubleArray(),
                actual.toString());
    }

    static int[] shape(int... dims) {
        return dims;
    }

    /** The call throws {@code type} and its message contains every fragment. */
    static <T extends Throwable> T assertThrowsWith(Class<T> type, Executable call, String... fragments) {
        T thrown = assertThrows(type, call);
        String message = String.valueOf(thrown.getMessage());
        for (String f : fragments) {
            assertTrue(message.contains(f), () -> "message \"" + message + "\" lacks \"" + f + "\"");
        }
        return thrown;
    }

    static void assertDType(DType expected, Tensor t) {
        assertEquals(expected, t.dtype(), () -> "dtype of " + t + " (" + Arrays.toString(t.shape().toArray()) + ")");
    }
}
