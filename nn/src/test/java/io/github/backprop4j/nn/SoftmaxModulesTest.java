package io.github.backprop4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.autograd.GradCheck;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.LossOptions;
import io.github.backprop4j.losses.Losses;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** nn.Softmax and nn.LogSoftmax: a Sequential can end in one, as in PyTorch. */
class SoftmaxModulesTest {
    private static final double[][] X = {{1, 2, 3}, {-1, 0, 5}};

    /** softmax of one row, written out: e^(x − max) / Σ e^(x − max). */
    private static double[] softmaxRow(double[] x) {
        double m = Math.max(x[0], Math.max(x[1], x[2]));
        double s = 0;
        double[] e = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            e[i] = Math.exp(x[i] - m);
            s += e[i];
        }
        for (int i = 0; i < x.length; i++) {
            e[i] /= s;
        }
        return e;
    }

    @Test
    void softmaxAlongTheLastDimIsEachRowNormalised() {
        Tensor y = new Softmax(1).forward(Variable.of(Tensor.of(X))).value();
        assertArrayEquals(softmaxRow(X[0]), y.get(0).toDoubleArray(), 1e-15);
        assertArrayEquals(softmaxRow(X[1]), y.get(1).toDoubleArray(), 1e-15);
        Tensor cols = new Softmax(0).forward(Variable.of(Tensor.of(X))).value();
        assertEquals(1.0, cols.get(0, 2).item() + cols.get(1, 2).item(), 1e-15);
        assertEquals(1 / (1 + Math.exp(-2)), cols.get(0, 0).item(), 1e-15);
    }

    @Test
    void logSoftmaxIsTheLogOfSoftmax() {
        Tensor y = new LogSoftmax(-1).forward(Variable.of(Tensor.of(X))).value();
        double[] p = softmaxRow(X[1]);
        for (int i = 0; i < 3; i++) {
            assertEquals(Math.log(p[i]), y.get(1, i).item(), 1e-14);
        }
    }

    @Test
    void aSequentialEndingInLogSoftmaxThenNllIsCrossEntropy() {
        Linear linear = new Linear(4, 3, true, DType.FLOAT64, new Generator(3));
        Sequential net = new Sequential(linear, new LogSoftmax(1));
        Tensor x = Tensor.rand(new Generator(4), DType.FLOAT64, 5, 4);
        Variable target = Variable.of(Tensor.of(0L, 2L, 1L, 1L, 0L));
        Variable nll = Losses.nllLoss(net.forward(Variable.of(x)), target, LossOptions.defaults());
        Variable ce = Losses.crossEntropy(linear.forward(Variable.of(x)), target, LossOptions.defaults());
        assertEquals(ce.value().item(), nll.value().item(), 1e-14);
        nll.backward();
        assertTrue(linear.weight().grad() != null, "the gradient reaches the linear layer");
    }

    @Test
    void aSequentialEndingInSoftmaxGivesProbabilitiesAndPassesGradCheck() {
        Sequential net = new Sequential(new Linear(3, 4, true, DType.FLOAT64, new Generator(1)), new Softmax(1));
        Tensor y = net.forward(Variable.of(Tensor.of(X))).value();
        assertArrayEquals(new double[] {1, 1}, y.sum(1, false).toDoubleArray(), 1e-15);
        Tensor x = Tensor.rand(new Generator(2), DType.FLOAT64, 2, 5);
        GradCheck.gradcheck(xs -> new Softmax(1).forward(xs.get(0)), x);
        GradCheck.gradgradcheck(xs -> new LogSoftmax(0).forward(xs.get(0)), x);
    }

    @Test
    void printsAsPyTorchDoesAndRejectsABadDim() {
        assertEquals("Softmax(dim=1)", new Softmax(1).toString());
        assertEquals("LogSoftmax(dim=-1)", new LogSoftmax(-1).toString());
        Exception e = assertThrows(IllegalArgumentException.class,
                () -> new Softmax(2).forward(Variable.of(Tensor.of(X))));
        assertEquals("softmax: Dimension out of range (expected to be in range of [-2, 1], but got 2)", e.getMessage());
    }
}
