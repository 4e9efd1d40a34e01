package io.github.backprop4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class InitTest {
    private static Variable param(int... shape) {
        return Variable.parameter(Tensor.zeros(DType.FLOAT64, shape));
    }

    /** {mean, population std, max |x|} of the values. */
    private static double[] stats(Variable p) {
        double[] v = p.value().toDoubleArray();
        double sum = 0;
        double sq = 0;
        double max = 0;
        for (double x : v) {
            sum += x;
            sq += x * x;
            max = Math.max(max, Math.abs(x));
        }
        double mean = sum / v.length;
        return new double[] {mean, Math.sqrt(sq / v.length - mean * mean), max};
    }

    @Test
    void gainsAreTheRecommendedOnes() {
        assertEquals(1.0, Init.calculateGain(Init.Nonlinearity.LINEAR));
        assertEquals(1.0, Init.calculateGain(Init.Nonlinearity.SIGMOID));
        assertEquals(5.0 / 3, Init.calculateGain(Init.Nonlinearity.TANH), 1e-16);
        assertEquals(Math.sqrt(2), Init.calculateGain(Init.Nonlinearity.RELU), 1e-16);
        assertEquals(Math.sqrt(2 / 1.0001), Init.calculateGain(Init.Nonlinearity.LEAKY_RELU), 1e-16);
        assertEquals(Math.sqrt(1.0 / 3), Init.calculateGain(Init.Nonlinearity.LEAKY_RELU, Math.sqrt(5)), 1e-15);
        assertEquals(0.75, Init.calculateGain(Init.Nonlinearity.SELU));
    }

    @Test
    void fansIncludeTheReceptiveField() {
        assertEquals(new Init.Fans(4, 5), Init.fans(Shape.of(5, 4)));
        assertEquals(new Init.Fans(3 * 9, 8 * 9), Init.fans(Shape.of(8, 3, 3, 3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Init.fans(Shape.of(5)));
        assertTrue(e.getMessage().contains("fewer than 2 dimensions"));
    }

    @Test
    void xavierUniformBound() {
        Variable p = Init.xavierUniform(param(200, 300), 2.0, new Generator(0));
        double a = 2.0 * Math.sqrt(6.0 / 500);
        double[] s = stats(p);
        assertTrue(s[2] <= a && s[2] > 0.99 * a, "max " + s[2] + " vs bound " + a);
        assertEquals(a / Math.sqrt(3), s[1], 0.01 * a);
    }

    @Test
    void xavierNormalStd() {
        double[] s = stats(Init.xavierNormal(param(200, 300), new Generator(1)));
        assertEquals(0, s[0], 0.001);
        assertEquals(Math.sqrt(2.0 / 500), s[1], 0.01 * Math.sqrt(2.0 / 500));
    }

    @Test
    void kaimingUniformAndNormal() {
        double gain = Math.sqrt(2);
        double[] u = stats(Init.kaimingUniform(param(300, 200), 0, Init.FanMode.FAN_OUT, Init.Nonlinearity.RELU,
                new Generator(2)));
        double bound = Math.sqrt(3) * gain / Math.sqrt(300);
        assertTrue(u[2] <= bound && u[2] > 0.99 * bound, "max " + u[2] + " vs bound " + bound);
        double[] n = stats(Init.kaimingNormal(param(300, 200), 0, Init.FanMode.FAN_IN, Init.Nonlinearity.RELU,
                new Generator(3)));
        assertEquals(gain / Math.sqrt(200), n[1], 0.01 * gain / Math.sqrt(200));
    }

    @Test
    void uniformNormalAndConstant() {
        double[] u = stats(Init.uniform(param(100, 100), 1, 3, new Generator(4)));
        assertEquals(2, u[0], 0.02);
        assertEquals(2 / Math.sqrt(12), u[1], 0.01);
        double[] n = stats(Init.normal(param(100, 100), -1, 0.5, new Generator(5)));
        assertEquals(-1, n[0], 0.02);
        assertEquals(0.5, n[1], 0.01);
        assertEquals(Tensor.full(DType.FLOAT64, 0.25, 2, 2), Init.constant(param(2, 2), 0.25).value());
        assertEquals(Tensor.ones(DType.FLOAT64, 3), Init.ones(param(3)).value());
    }

    @Test
    void initialisersAreSeededAndKeepDtype() {
        Variable a = Variable.parameter(Tensor.zeros(4, 4));
        Variable b = Variable.parameter(Tensor.zeros(4, 4));
        Init.kaimingUniform(a, new Generator(11));
        Init.kaimingUniform(b, new Generator(11));
        assertEquals(a.value(), b.value());
        assertEquals(DType.FLOAT32, a.dtype());
    }
}
