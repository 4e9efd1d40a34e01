package io.github.backprop4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EqualityTest {
    @Test
    void allcloseUsesAtolPlusRtolTimesOther() {
        Tensor one = Tensor.of(1.0);
        assertTrue(one.allclose(Tensor.of(1.0 + 0.9e-5)));
        assertFalse(one.allclose(Tensor.of(1.0 + 1.2e-5)));
        assertTrue(Tensor.of(0.0).allclose(Tensor.of(0.9e-8)));
        assertFalse(Tensor.of(0.0).allclose(Tensor.of(2e-8)));
        assertTrue(Tensor.of(1.0).allclose(Tensor.of(1.1), 0, 0.1 + 1e-12));
        assertFalse(Tensor.of(1.0).allclose(Tensor.of(1.1), 0, 0.09));
    }

    @Test
    void allcloseBroadcastsAndMixesDtypes() {
        assertTrue(Tensor.full(2.0, 2, 3).allclose(Tensor.scalar(2, DType.INT64)));
        assertFalse(Tensor.of(new double[][] {{1, 2}}).allclose(Tensor.of(1.0, 3.0)));
    }

    @Test
    void allcloseTreatsInfinitiesAndNaNs() {
        double inf = Double.POSITIVE_INFINITY;
        assertTrue(Tensor.of(inf, -inf).allclose(Tensor.of(inf, -inf)));
        assertFalse(Tensor.of(inf).allclose(Tensor.of(-inf)));
        assertTrue(Tensor.of(Double.NaN).allclose(Tensor.of(Double.NaN)));
        assertFalse(Tensor.of(Double.NaN).allclose(Tensor.of(0.0)));
    }

    @Test
    void equalsNeedsDtypeShapeAndValues() {
        assertEquals(Tensor.of(1.0, 2.0), Tensor.of(new double[][] {{1, 2}}).reshape(2));
        assertNotEquals(Tensor.of(1.0, 2.0), Tensor.of(1f, 2f));
        assertNotEquals(Tensor.of(1.0, 2.0), Tensor.of(new double[][] {{1, 2}}));
        assertNotEquals(Tensor.of(1.0, 2.0), Tensor.of(1.0, 3.0));
        assertNotEquals(Tensor.of(0.0), Tensor.of(-0.0));
        assertEquals(Tensor.of(Double.NaN), Tensor.of(Double.NaN));
        assertNotEquals(Tensor.of(1.0), "tensor([1.])");
    }

    @Test
    void equalTensorsHaveEqualHashCodes() {
        Tensor a = Tensor.arange(6).reshape(2, 3).t().contiguous();
        Tensor b = Tensor.of(new long[][] {{0, 3}, {1, 4}, {2, 5}});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(Tensor.arange(6).reshape(2, 3).t(), b);
    }
}
