package io.github.backprop4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DropoutTest {
    private static final int N = 20_000;

    @Test
    void inEvalModeTheInputPassesThrough() {
        Dropout dropout = new Dropout(0.5, new Generator(0));
        dropout.eval();
        Variable x = Variable.of(Tensor.ones(10));
        assertSame(x, dropout.forward(x));
    }

    @Test
    void inTrainingModeDropsAboutPAndScalesSurvivors() {
        double p = 0.3;
        Dropout dropout = new Dropout(p, new Generator(1));
        double[] y = dropout.forward(Variable.of(Tensor.full(DType.FLOAT64, 2.0, N))).value().toDoubleArray();
        int dropped = 0;
        for (double v : y) {
            if (v == 0) {
                dropped++;
            } else {
                assertEquals(2.0 / (1 - p), v, 1e-15);
            }
        }
        // binomial(N, p): standard deviation √(N p (1 − p)) ≈ 65; allow 5 of them
        assertEquals(p * N, dropped, 5 * Math.sqrt(N * p * (1 - p)));
    }

    @Test
    void theMaskIsSeededAndFreshEachCall() {
        Tensor x = Tensor.ones(100);
        Tensor a1 = new Dropout(0.5, new Generator(7)).forward(Variable.of(x)).value();
        Dropout d = new Dropout(0.5, new Generator(7));
        Tensor b1 = d.forward(Variable.of(x)).value();
        Tensor b2 = d.forward(Variable.of(x)).value();
        assertEquals(a1, b1);
        assertNotEquals(b1, b2);
    }

    @Test
    void theGradientIsTheScaledMask() {
        Dropout dropout = new Dropout(0.25, new Generator(3));
        Variable x = Variable.parameter(Tensor.rand(new Generator(4), DType.FLOAT64, 50));
        Variable y = dropout.forward(x);
        y.sum().backward();
        double[] out = y.value().toDoubleArray();
        double[] in = x.value().toDoubleArray();
        double[] grad = x.grad().value().toDoubleArray();
        for (int i = 0; i < out.length; i++) {
            assertEquals(out[i] == 0 ? 0 : 1 / 0.75, grad[i], 1e-15);
            assertEquals(in[i] * grad[i], out[i], 1e-15);
        }
    }

    @Test
    void extremeProbabilities() {
        Variable x = Variable.of(Tensor.rand(new Generator(0), 10));
        assertSame(x, new Dropout(0.0, new Generator(0)).forward(x));
        assertArrayEquals(new double[10], new Dropout(1.0, new Generator(0)).forward(x).value().toDoubleArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5, new Generator(0)));
        assertTrue(e.getMessage().contains("dropout probability has to be between 0 and 1, but got 1.5"));
    }
}
