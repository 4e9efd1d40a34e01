package io.github.backprop4j.examples.literal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Tensor literals as Python writes nested lists. */
class TensorLiteralTest {

    @Test
    void nestedListsGiveShapeAndRowMajorValues() {
        TensorLiteral t = TensorLiteral.parse("--input", "[[1, 4, 1, 1], [5, 1, 2, 1]]");
        assertArrayEquals(new int[] {2, 4}, t.shape());
        assertArrayEquals(new double[] {1, 4, 1, 1, 5, 1, 2, 1}, t.values());
        assertTrue(t.integral());
    }

    @Test
    void aBareNumberIsZeroDimensional() {
        TensorLiteral t = TensorLiteral.parse("--target", " 2 ");
        assertArrayEquals(new int[] {}, t.shape());
        assertArrayEquals(new double[] {2}, t.values());
    }

    @Test
    void emptyListsHaveSizeZero() {
        assertArrayEquals(new int[] {0}, TensorLiteral.parse("x", "[]").shape());
        assertArrayEquals(new int[] {2, 0}, TensorLiteral.parse("x", "[[], []]").shape());
    }

    @Test
    void floatsInAnyPythonSpellingAndNonFiniteTokens() {
        TensorLiteral t = TensorLiteral.parse("x", "[-0.7715, .5, 1., 3e-4, -2E+2, nan, -inf, Infinity, NaN]");
        assertFalse(t.integral());
        double[] v = t.values();
        assertEquals(-0.7715, v[0]);
        assertEquals(0.5, v[1]);
        assertEquals(1.0, v[2]);
        assertEquals(3e-4, v[3]);
        assertEquals(-200.0, v[4]);
        assertTrue(Double.isNaN(v[5]));
        assertEquals(Double.NEGATIVE_INFINITY, v[6]);
        assertEquals(Double.POSITIVE_INFINITY, v[7]);
        assertTrue(Double.isNaN(v[8]));
    }

    @Test
    void oneFloatMakesTheLiteralNonIntegral() {
        assertFalse(TensorLiteral.parse("x", "[1, 2.0]").integral());
        assertTrue(TensorLiteral.parse("x", "[1, -2]").integral());
    }

    @Test
    void toTensorMakesTheRequestedDType() {
        Tensor indices = TensorLiteral.parse("t", "[1, 0]").toTensor(DType.INT64, "t");
        assertEquals(DType.INT64, indices.dtype());
        assertArrayEquals(new long[] {1, 0}, indices.toLongArray());
        Tensor floats = TensorLiteral.parse("t", "[[0.5], [2]]").toTensor(DType.FLOAT64, "t");
        assertEquals(DType.FLOAT64, floats.dtype());
        assertArrayEquals(new int[] {2, 1}, floats.shape().toArray());
    }

    @Test
    void int64NeedsWholeNumbers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TensorLiteral.parse("--target", "[1.5]").toTensor(DType.INT64, "--target"));
        assertTrue(e.getMessage().startsWith("--target: "), e.getMessage());
    }

    @Test
    void raggedListsAreRejectedWithTheColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TensorLiteral.parse("--input", "[[1, 2], [3]]"));
        assertTrue(e.getMessage().startsWith("--input: the lists are not rectangular"), e.getMessage());
        assertTrue(e.getMessage().contains("column 10"), e.getMessage());
    }

    @Test
    void mixingNumbersAndListsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> TensorLiteral.parse("x", "[1, [2]]"));
    }

    @Test
    void malformedTextIsRejectedWithAMessageNamingTheLiteral() {
        for (String bad : new String[] {"", "[1, 2", "[1 2]", "[1, x]", "[1,, 2]", "[1] 2", "1.2.3", "[--1]"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TensorLiteral.parse("--weight", bad), bad);
            assertTrue(e.getMessage().startsWith("--weight: "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
