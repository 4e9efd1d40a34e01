package io.github.backprop4j.tensor;

import static io.github.backprop4j.testkit.Gens.qt;
import static io.github.backprop4j.testkit.Gens.shapes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.tensor.testkit.TensorKit;
import io.github.backprop4j.testkit.ReferenceFiles;
import io.github.backprop4j.testkit.Tolerance;
import org.junit.jupiter.api.Test;

/** The test kit's Tensor adapter: decoding, the tolerance assertion, and tensors that shrink. */
class TensorKitTest {
    @Test
    void decodesEachDtypeFromAReferenceNode() throws Exception {
        Tensor f = TensorKit.tensor(ReferenceFiles.JSON.readTree(
                "{\"dtype\": \"float32\", \"shape\": [2, 1], \"data\": [0.5, -Infinity]}"));
        assertEquals(DType.FLOAT32, f.dtype());
        assertArrayEquals(new int[] {2, 1}, f.shape().toArray());
        assertArrayEquals(new double[] {0.5, Double.NEGATIVE_INFINITY}, f.toDoubleArray());
        Tensor i = TensorKit.tensor(ReferenceFiles.JSON.readTree("{\"shape\": [3], \"data\": [2, -100, 0]}"), DType.INT64);
        assertEquals(DType.INT64, i.dtype());
        assertArrayEquals(new long[] {2, -100, 0}, i.toLongArray());
    }

    @Test
    void assertCloseComparesShapesThenValues() {
        Tensor a = Tensor.of(1.0, 2.0);
        TensorKit.assertClose(a, Tensor.of(1.0f, 2.0000001f), Tolerance.of(1e-6, 0), "float32 copy");
        AssertionError values = assertThrows(AssertionError.class,
                () -> TensorKit.assertClose(a, Tensor.of(1.0, 2.1), Tolerance.absolute(0.05), "y"));
        assertTrue(values.getMessage().startsWith("y: element 1 is 2.1"), values.getMessage());
        AssertionError shape = assertThrows(AssertionError.class,
                () -> TensorKit.assertClose(a, a.reshape(2, 1), Tolerance.absolute(1), "y"));
        assertTrue(shape.getMessage().startsWith("y: shape [2, 1] instead of [2]"), shape.getMessage());
        assertEquals(Double.POSITIVE_INFINITY, TensorKit.maxAbsDifference(a, a.reshape(1, 2)));
    }

    @Test
    void generatedTensorsStayInRangeAndAFailureShrinksToOneElementAtTheThreshold() {
        qt(1, 100).forAll(TensorKit.tensors(shapes(3, 1, 4), DType.FLOAT64, -2, 2)).checkAssert(t -> {
            assertEquals(DType.FLOAT64, t.dtype());
            for (double v : t.toDoubleArray()) {
                assertTrue(v >= -2 && v < 2, t::toString);
            }
        });
        AssertionError e = assertThrows(AssertionError.class, () -> qt(2, 100)
                .forAll(TensorKit.tensors(shapes(3, 1, 4), DType.FLOAT64, -2, 2))
                .check(t -> t.toDoubleArray().length == 0 || t.toDoubleArray()[0] < 1));
        // shrunk to one element just at the threshold, whatever example failed first
        String smallest = e.getMessage().split("Smallest found falsifying value\\(s\\) :-\n")[1].lines().findFirst().orElseThrow();
        assertTrue(smallest.matches("\\[[1, ]*] tensor\\(\\[*1\\.000\\d]*, dtype=torch.float64\\)"), smallest);
    }
}
