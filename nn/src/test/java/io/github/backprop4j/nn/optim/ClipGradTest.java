package io.github.backprop4j.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClipGradTest {
    /** A parameter whose gradient is exactly {@code g} (from loss = Σ p·g). */
    private static Variable withGrad(double... g) {
        Variable p = Variable.parameter(Tensor.zeros(DType.FLOAT64, g.length));
        p.times(Variable.of(Tensor.of(g))).sum().backward();
        return p;
    }

    private static double[] grad(Variable p) {
        return p.grad().value().toDoubleArray();
    }

    @Test
    void clipsToMaxNormOverAllParametersTogether() {
        Variable a = withGrad(3, 0);
        Variable b = withGrad(0, 4); // total norm 5
        double total = ClipGrad.clipGradNorm(List.of(a, b), 1.0);
        assertEquals(5.0, total, 1e-15);
        double c = 1.0 / (5.0 + 1e-6);
        assertArrayEquals(new double[] {3 * c, 0}, grad(a), 1e-15);
        assertArrayEquals(new double[] {0, 4 * c}, grad(b), 1e-15);
    }

    @Test
    void leavesSmallGradientsAlone() {
        Variable a = withGrad(0.3, -0.4);
        Variable before = a.grad();
        assertEquals(0.5, ClipGrad.clipGradNorm(List.of(a), 1.0), 1e-15);
        assertSame(before, a.grad());
    }

    @Test
    void otherNorms() {
        Variable a = withGrad(3, -4);
        assertEquals(4.0, ClipGrad.clipGradNorm(List.of(a), 100, Double.POSITIVE_INFINITY));
        assertEquals(7.0, ClipGrad.clipGradNorm(List.of(a), 100, 1));
        assertEquals(Math.cbrt(27 + 64), ClipGrad.clipGradNorm(List.of(a), 100, 3), 1e-14);
        assertEquals(0.0, ClipGrad.clipGradNorm(List.of(Variable.parameter(Tensor.of(1.0))), 1.0));
    }

    @Test
    void aGradientSharedBetweenParametersIsScaledOnceForEach() {
        // d(w + b)/dw and /db are the same incoming gradient; clipping one must not clip the other twice
        Variable w = Variable.parameter(Tensor.zeros(DType.FLOAT64, 2));
        Variable b = Variable.parameter(Tensor.zeros(DType.FLOAT64, 2));
        w.plus(b).times(Variable.of(Tensor.of(3.0, 4.0))).sum().backward();
        double total = ClipGrad.clipGradNorm(List.of(w, b), 1.0);
        assertEquals(Math.sqrt(50), total, 1e-14);
        double c = 1.0 / (Math.sqrt(50) + 1e-6);
        assertArrayEquals(new double[] {3 * c, 4 * c}, grad(w), 1e-15);
        assertArrayEquals(new double[] {3 * c, 4 * c}, grad(b), 1e-15);
    }

    @Test
    void propertyTheClippedNormNeverExceedsMaxNorm() {
        qt().withFixedSeed(20240611L).withExamples(300)
                .forAll(lists().of(doubles().between(-100, 100)).ofSizeBetween(1, 12),
                        lists().of(doubles().between(-100, 100)).ofSizeBetween(1, 12),
                        doubles().between(1e-3, 50))
                .checkAssert((g1, g2, maxNorm) -> {
                    Variable a = withGrad(g1.stream().mapToDouble(Double::doubleValue).toArray());
                    Variable b = withGrad(g2.stream().mapToDouble(Double::doubleValue).toArray());
                    List<Double> all = new ArrayList<>(g1);
                    all.addAll(g2);
                    double expectedTotal = Math.sqrt(all.stream().mapToDouble(x -> x * x).sum());
                    double total = ClipGrad.clipGradNorm(List.of(a, b), maxNorm);
                    assertEquals(expectedTotal, total, 1e-12 * Math.max(1, expectedTotal));
                    double after = 0;
                    for (double x : grad(a)) {
                        after += x * x;
                    }
                    for (double x : grad(b)) {
                        after += x * x;
                    }
                    after = Math.sqrt(after);
                    if (expectedTotal <= maxNorm) {
                        assertEquals(expectedTotal, after, 1e-12 * Math.max(1, expectedTotal), "must not clip");
                    } else {
                        assertEquals(true, after <= maxNorm, "clipped norm " + after + " > max " + maxNorm);
                    }
                });
    }
}
