package io.github.backprop4j.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Where finite differences cannot decide — ties and kinks — the gradient is the one PyTorch's
 * derivatives.yaml defines; the expected numbers here are worked out by hand from those rules.
 */
class KinksAndTiesTest {

    private static Variable param(double... v) {
        return Variable.parameter(Tensor.of(v));
    }

    private static double[] gradOf(Variable x) {
        return x.grad().value().toDoubleArray();
    }

    @Test
    void fullMaxSharesTheGradientEvenlyAmongTies() {
        Variable x = param(1, 3, 3, 2, 3);
        x.max().times(6).backward();                        // three maxima share 6
        assertArrayEquals(new double[] {0, 2, 2, 0, 2}, gradOf(x), 0);
    }

    @Test
    void fullMinSharesTheGradientEvenlyAmongTies() {
        Variable x = param(-1, 4, -1, 0);
        x.min().backward();
        assertArrayEquals(new double[] {0.5, 0, 0.5, 0}, gradOf(x), 0);
    }

    @Test
    void maxAlongADimSendsTheGradientToTheIndexItReturns() {
        Variable x = Variable.parameter(Tensor.of(new double[][] {{5, 5, 1}, {0, 2, 2}}));
        Tensor indices = x.value().max(1, false).indices();  // first on ties: [0, 1]
        assertArrayEquals(new long[] {0, 1}, indices.toLongArray());
        x.max(1, false).times(Variable.of(Tensor.of(10.0, 100.0))).sum().backward();
        assertArrayEquals(new double[] {10, 0, 0, 0, 100, 0}, gradOf(x), 0);
    }

    @Test
    void minAlongADimWithKeepdim() {
        Variable x = Variable.parameter(Tensor.of(new double[][] {{3, 1}, {-2, -2}}));
        Variable m = x.min(0, true);
        assertArrayEquals(new int[] {1, 2}, m.shape().toArray());
        assertArrayEquals(new double[] {-2, -2}, m.value().toDoubleArray(), 0);
        m.sum().backward();
        assertArrayEquals(new double[] {0, 0, 1, 1}, gradOf(x), 0);
    }

    @Test
    void maximumAndMinimumSplitTiesInHalf() {
        Variable a = param(1, 5, 2);
        Variable b = param(1, 3, 4);
        a.maximum(b).sum().backward();
        assertArrayEquals(new double[] {0.5, 1, 0}, gradOf(a), 0);
        assertArrayEquals(new double[] {0.5, 0, 1}, gradOf(b), 0);
        a.zeroGrad();
        b.zeroGrad();
        a.minimum(b).sum().backward();
        assertArrayEquals(new double[] {0.5, 0, 1}, gradOf(a), 0);
        assertArrayEquals(new double[] {0.5, 1, 0}, gradOf(b), 0);
    }

    @Test
    void maximumWithABroadcastScalarSumsItsShare() {
        Variable a = param(-1, 0, 2);
        Variable zero = Variable.parameter(Tensor.scalar(0.0, DType.FLOAT64));
        a.maximum(zero).sum().backward();                   // a wins at 2, tie at 0, zero wins at −1
        assertArrayEquals(new double[] {0, 0.5, 1}, gradOf(a), 0);
        assertEquals(1.5, zero.grad().item(), 0);
    }

    @Test
    void reluAndAbsHaveZeroGradientAtZero() {
        Variable x = param(-2, 0, 3);
        x.relu().sum().backward();
        assertArrayEquals(new double[] {0, 0, 1}, gradOf(x), 0);
        x.zeroGrad();
        x.abs().sum().backward();
        assertArrayEquals(new double[] {-1, 0, 1}, gradOf(x), 0);
    }

    @Test
    void clampPassesTheGradientAtItsBoundsAndBlocksItOutside() {
        Variable x = param(-3, -1, 0, 1, 3);
        x.clamp(-1, 1).sum().backward();
        assertArrayEquals(new double[] {0, 1, 1, 1, 0}, gradOf(x), 0);
        x.zeroGrad();
        x.clamp(0, Double.POSITIVE_INFINITY).sum().backward();
        assertArrayEquals(new double[] {0, 0, 1, 1, 1}, gradOf(x), 0);
    }

    @Test
    void powWithAZeroExponentHasZeroGradientEvenAtZero() {
        Variable x = param(0, 2);
        x.pow(0).sum().backward();
        assertArrayEquals(new double[] {0, 0}, gradOf(x), 0);
        Variable base = param(0, 2);
        Variable exponent = param(2, 3);
        base.pow(exponent).sum().backward();                // d/dp 0^p = 0 for p ≥ 0; d/dp 2³ = 8 ln 2
        assertArrayEquals(new double[] {0, 8 * Math.log(2)}, gradOf(exponent), 1e-14);
        assertArrayEquals(new double[] {0, 12}, gradOf(base), 1e-14);
    }

    @Test
    void whereSendsNoGradientToTheBranchNotTaken() {
        Variable a = param(1, 2, 3);
        Variable b = param(10, 20, 30);
        Tensor cond = Tensor.of(1L, 0L, 1L);
        Variable.where(cond, a, b).times(Variable.of(Tensor.of(1.0, 2.0, 3.0))).sum().backward();
        assertArrayEquals(new double[] {1, 0, 3}, gradOf(a), 0);
        assertArrayEquals(new double[] {0, 2, 0}, gradOf(b), 0);
    }

    @Test
    void maskedFillBlocksTheGradientWhereItFills() {
        Variable x = param(1, 2, 3);
        Variable y = x.maskedFill(Tensor.of(0L, 1L, 0L), -100);
        assertArrayEquals(new double[] {1, -100, 3}, y.value().toDoubleArray(), 0);
        y.sum().backward();
        assertArrayEquals(new double[] {1, 0, 1}, gradOf(x), 0);
    }

    @Test
    void gatherAndIndexSelectAccumulateRepeatedIndices() {
        Variable x = param(1, 2, 3);
        x.gather(0, Tensor.of(2L, 2L, 0L)).sum().backward();
        assertArrayEquals(new double[] {1, 0, 2}, gradOf(x), 0);
        x.zeroGrad();
        x.indexSelect(0, Tensor.of(1L, 1L, 1L)).sum().backward();
        assertArrayEquals(new double[] {0, 3, 0}, gradOf(x), 0);
    }

    @Test
    void logSigmoidStaysFiniteFarOut() {
        Variable x = param(-800, 800);
        Variable y = x.logSigmoid();
        assertArrayEquals(new double[] {-800, 0}, y.value().toDoubleArray(), 1e-12);
        y.sum().backward();                                  // σ(−x): 1 and 0
        assertArrayEquals(new double[] {1, 0}, gradOf(x), 1e-300);
    }

    @Test
    void badArgumentsNameTheOpAndShapes() {
        Variable x = param(1, 2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> x.matmul(Variable.of(Tensor.zeros(DType.FLOAT64, 2, 2))));
        assertTrue(e.getMessage().contains("matmul"), e.getMessage());
        IndexOutOfBoundsException select = assertThrows(IndexOutOfBoundsException.class, () -> x.select(0, 3));
        assertTrue(select.getMessage().contains("select"), select.getMessage());
        IllegalArgumentException masked = assertThrows(IllegalArgumentException.class,
                () -> x.maskedFill(Tensor.zeros(DType.INT64, 2, 3), 0));
        assertTrue(masked.getMessage().contains("masked_fill") && masked.getMessage().contains("[2, 3]"),
                masked.getMessage());
        IllegalArgumentException stack = assertThrows(IllegalArgumentException.class,
                () -> Variable.stack(java.util.List.of(x, param(1, 2)), 0));
        assertTrue(stack.getMessage().contains("stack"), stack.getMessage());
    }
}
