package io.github.backprop4j.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.autograd.Autograd;
import io.github.backprop4j.autograd.BackwardOptions;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API around the losses: reductions, options, loss objects, weights, errors, second derivatives. */
class LossesTest {
    private static final Tensor LOGITS = Tensor.of(new double[][] {{0.5, -1.0, 2.0}, {0.1, 0.2, -0.3}});
    private static final Tensor PROBS = Tensor.of(new double[][] {{0.2, 0.3, 0.5}, {1.0, 0.0, 0.0}});
    private static final Tensor W3 = Tensor.of(1.0, 2.0, 0.5);

    private static double[] values(Variable v) {
        return v.value().toDoubleArray();
    }

    @Test
    void reductionNamesParseAsPyTorchsDo() {
        assertEquals(Reduction.NONE, Reduction.parse("none"));
        assertEquals(Reduction.MEAN, Reduction.parse("mean"));
        assertEquals(Reduction.MEAN, Reduction.parse("elementwise_mean"));
        assertEquals(Reduction.SUM, Reduction.parse("sum"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Reduction.parse("avg"));
        assertEquals("avg is not a valid value for reduction", e.getMessage());
        assertEquals("cross_entropy: avg is not a valid value for reduction",
                assertThrows(LossException.class, () -> Reduction.parseFor("cross_entropy", "avg")).getMessage());
        assertEquals("multilabel_soft_margin_loss: elementwise_mean is not valid", assertThrows(LossException.class,
                () -> Reduction.parseFor("multilabel_soft_margin_loss", "elementwise_mean")).getMessage());
        assertEquals(Reduction.SUM, Reduction.parseFor("multilabel_soft_margin_loss", "sum"));
    }

    @Test
    void defaultOptionsArePyTorchs() {
        LossOptions d = LossOptions.defaults();
        assertEquals(null, d.weight());
        assertEquals(-100, d.ignoreIndex());
        assertEquals(Reduction.MEAN, d.reduction());
        assertEquals(0.0, d.labelSmoothing());
        assertEquals(null, d.posWeight());
        LossOptions o = d.withWeight(W3).withIgnoreIndex(2).withReduction(Reduction.SUM).withLabelSmoothing(0.1)
                .withPosWeight(W3);
        assertEquals(new LossOptions(W3, 2, Reduction.SUM, 0.1, W3), o);
    }

    @Test
    void optionsALossDoesNotHaveAreRejectedUnlessDefault() {
        Variable x = Variable.of(LOGITS);
        Variable t = Variable.of(Tensor.of(2L, 0L));
        LossException e = assertThrows(LossException.class,
                () -> Losses.crossEntropy(x, t, LossOptions.defaults().withPosWeight(W3)));
        assertTrue(e.getMessage().startsWith("cross_entropy: ") && e.getMessage().contains("pos_weight"), e.getMessage());
        e = assertThrows(LossException.class, () -> new NLLLoss(LossOptions.defaults().withLabelSmoothing(0.1)));
        assertTrue(e.getMessage().startsWith("nll_loss: ") && e.getMessage().contains("label_smoothing"), e.getMessage());
        e = assertThrows(LossException.class, () -> new BCELoss(LossOptions.defaults().withIgnoreIndex(3)));
        assertTrue(e.getMessage().contains("ignore_index"), e.getMessage());
        assertThrows(LossException.class, () -> new MultiLabelSoftMarginLoss(LossOptions.defaults().withPosWeight(W3)));
        assertThrows(LossException.class, () -> Losses.explain("softmax", x, null,
                LossOptions.defaults().withWeight(W3), 1));
        // the defaults of the options a loss lacks are fine
        assertDoesNotThrow(() -> new NLLLoss(LossOptions.defaults().withLabelSmoothing(0.0).withIgnoreIndex(-100)));
        assertDoesNotThrow(() -> new BCEWithLogitsLoss(LossOptions.defaults().withPosWeight(W3)));
    }

    @Test
    void lossObjectsComputeWhatTheFunctionsCompute() {
        Variable x = Variable.of(LOGITS);
        Variable t = Variable.of(Tensor.of(2L, 0L));
        Variable y = Variable.of(Tensor.of(new double[][] {{1, 0, 1}, {0, 1, 1}}));
        LossOptions o = LossOptions.defaults().withWeight(W3).withReduction(Reduction.NONE);
        assertArrayEquals(values(Losses.crossEntropy(x, t, o.withLabelSmoothing(0.2))),
                values(new CrossEntropyLoss(o.withLabelSmoothing(0.2)).apply(x, t)));
        assertArrayEquals(values(Losses.nllLoss(x, t, o)), values(new NLLLoss(o).apply(x, t)));
        assertArrayEquals(values(Losses.binaryCrossEntropyWithLogits(x, y, o.withPosWeight(W3))),
                values(new BCEWithLogitsLoss(o.withPosWeight(W3)).apply(x, y)));
        assertArrayEquals(values(Losses.multilabelSoftMarginLoss(x, y, o)),
                values(new MultiLabelSoftMarginLoss(o).apply(x, y)));
        Variable p = Variable.of(Tensor.of(new double[][] {{0.2, 0.7, 0.9}, {0.5, 0.1, 0.3}}));
        assertArrayEquals(values(Losses.binaryCrossEntropy(p, y, o)), values(new BCELoss(o).apply(p, y)));
        assertArrayEquals(values(Losses.logSoftmax(x, 0)), values(new LogSoftmax(0).apply(x)));
        assertArrayEquals(values(Losses.softmax(x, -1)), values(new Softmax(-1).apply(x)));
        assertEquals("cross_entropy", new CrossEntropyLoss().opName());
        assertEquals(o, new NLLLoss(o).options());
    }

    @Test
    void crossEntropyIsOneFusedNode() {
        Variable x = Variable.parameter(LOGITS);
        Variable loss = Losses.crossEntropy(x, Variable.of(Tensor.of(2L, 0L)), LossOptions.defaults());
        assertNotNull(loss.gradFn());
        assertEquals("CrossEntropyLossBackward0", loss.gradFn().name());
        assertEquals(1, loss.gradFn().inputCount());
        assertTrue(loss.toString().contains("grad_fn=<CrossEntropyLossBackward0>"), loss.toString());
    }

    @Test
    void weightsThatPyTorchCannotDifferentiateAreRejected() {
        Variable x = Variable.parameter(LOGITS);
        Variable w = Variable.parameter(W3);
        LossException e = assertThrows(LossException.class,
                () -> Losses.crossEntropy(x, Variable.of(Tensor.of(2L, 0L)), w, LossOptions.defaults()));
        assertEquals("cross_entropy: The function 'nll_loss_forward' is not differentiable with respect to argument"
                + " 'weight'. This input cannot have requires_grad True.", e.getMessage());
        Variable p = Variable.of(Tensor.of(0.2, 0.7, 0.9));
        e = assertThrows(LossException.class, () -> new BCELoss().compute(p, p, w));
        assertTrue(e.getMessage().contains("The function 'binary_cross_entropy' is not differentiable with respect"
                + " to argument 'weight'"), e.getMessage());
    }

    @Test
    void probabilityTargetWeightGetsItsGradient() {
        // dw_c = −Σ_i scale_i · t_ic · log p_ic with scale = 1/N for mean (losses.md §4.6), computed by hand.
        Variable x = Variable.parameter(LOGITS);
        Variable t = Variable.parameter(PROBS);
        Variable w = Variable.parameter(W3);
        Variable loss = Losses.crossEntropy(x, t, w, LossOptions.defaults());
        @SuppressWarnings("null")
        Variable dw = Autograd.grad(loss, w)[0];
        double[][] xs = {{0.5, -1.0, 2.0}, {0.1, 0.2, -0.3}};
        double[][] ts = {{0.2, 0.3, 0.5}, {1.0, 0.0, 0.0}};
        double[] expected = new double[3];
        for (int i = 0; i < 2; i++) {
            double lse = Math.log(Math.exp(xs[i][0]) + Math.exp(xs[i][1]) + Math.exp(xs[i][2]));
            for (int c = 0; c < 3; c++) {
                expected[c] -= ts[i][c] * (xs[i][c] - lse) / 2;
            }
        }
        assertArrayEquals(expected, dw.value().toDoubleArray(), 1e-14);
        // MLSM: dw_c = Σ_n scale_n · e_nc / C with e the unweighted per-label loss.
        Variable y = Variable.of(Tensor.of(new double[][] {{1, 0, 1}, {0, 1, 1}}));
        Variable w2 = Variable.parameter(W3);
        Variable l2 = Losses.multilabelSoftMarginLoss(Variable.of(LOGITS), y, w2,
                LossOptions.defaults().withReduction(Reduction.SUM));
        @SuppressWarnings("null")
        Variable dw2 = Autograd.grad(l2, w2)[0];
        double[][] ys = {{1, 0, 1}, {0, 1, 1}};
        double[] e2 = new double[3];
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 3; c++) {
                double z = xs[n][c];
                e2[c] += (ys[n][c] * Math.log1p(Math.exp(-z)) + (1 - ys[n][c]) * Math.log1p(Math.exp(z))) / 3;
            }
        }
        assertArrayEquals(e2, dw2.value().toDoubleArray(), 1e-14);
    }

    @Test
    void weightDtypeMustMatchTheInput() {
        Variable x = Variable.of(LOGITS.to(DType.FLOAT32));
        LossException e = assertThrows(LossException.class, () -> Losses.nllLoss(x, Variable.of(Tensor.of(2L, 0L)),
                LossOptions.defaults().withWeight(W3)));
        assertEquals("nll_loss: expected scalar type Float but found Double", e.getMessage());
        e = assertThrows(LossException.class, () -> Losses.binaryCrossEntropyWithLogits(x, x,
                LossOptions.defaults().withPosWeight(W3)));
        assertEquals("binary_cross_entropy_with_logits: result type Double can't be cast to the desired output type"
                + " Float", e.getMessage());
    }

    @Test
    void crossEntropyHessianIsDiagPMinusPPTransposed() {
        // For one row with sum reduction, d²/dx² CE = diag(p) − p pᵀ; check H·v against that.
        double[] xs = {0.3, -1.2, 2.0, 0.7};
        double[] v = {1.0, -2.0, 0.5, 3.0};
        Variable x = Variable.parameter(Tensor.of(new double[][] {xs}));
        Variable loss = Losses.crossEntropy(x, Variable.of(Tensor.of(2L)),
                LossOptions.defaults().withReduction(Reduction.SUM).withLabelSmoothing(0.3));
        Variable g = Autograd.grad(List.of(loss), List.of(x), null, BackwardOptions.CREATE_GRAPH)[0];
        Variable gv = g.times(Variable.of(Tensor.of(new double[][] {v}))).sum();
        double[] hv = Autograd.grad(gv, x)[0].value().toDoubleArray();
        double z = 0;
        for (double a : xs) {
            z += Math.exp(a);
        }
        double[] p = new double[4];
        double pv = 0;
        for (int i = 0; i < 4; i++) {
            p[i] = Math.exp(xs[i]) / z;
            pv += p[i] * v[i];
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(p[i] * v[i] - p[i] * pv, hv[i], 1e-14, "H·v[" + i + "]");
        }
    }

    @Test
    void bceSecondDerivativeMatchesItsClosedForm() {
        // d²/dx² BCE = (x² − 2xy + y) / (x(1 − x))², for sum reduction.
        double[] xs = {0.2, 0.7, 0.9};
        double[] ys = {0.0, 1.0, 0.3};
        Variable x = Variable.parameter(Tensor.of(xs));
        Variable loss = Losses.binaryCrossEntropy(x, Variable.of(Tensor.of(ys)),
                LossOptions.defaults().withReduction(Reduction.SUM));
        Variable g = Autograd.grad(List.of(loss), List.of(x), null, BackwardOptions.CREATE_GRAPH)[0];
        double[] h = Autograd.grad(g.sum(), x)[0].value().toDoubleArray();
        for (int i = 0; i < 3; i++) {
            double d = xs[i] * (1 - xs[i]);
            assertEquals((xs[i] * xs[i] - 2 * xs[i] * ys[i] + ys[i]) / (d * d), h[i], 1e-12);
        }
    }

    @Test
    void nllHasNoSecondDerivativeWithRespectToItsInput() {
        Variable x = Variable.parameter(LOGITS);
        Variable loss = Losses.nllLoss(x, Variable.of(Tensor.of(2L, 0L)), LossOptions.defaults().withWeight(W3));
        Variable g = Autograd.grad(List.of(loss), List.of(x), null, BackwardOptions.CREATE_GRAPH)[0];
        // w[t] / Σw[t] with Σw[t] = w[2] + w[0] = 1.5
        assertArrayEquals(new double[] {0, 0, -0.5 / 1.5, -1 / 1.5, 0, 0}, g.value().toDoubleArray(), 1e-15);
        // the gradient does not depend on x at all: it is not even a function of x in the graph
        assertTrue(!g.requiresGrad(), "nll's gradient should be constant in x");
    }

    @Test
    void outOfRangeTargetsNameTheTarget() {
        Variable x = Variable.of(LOGITS);
        assertEquals("cross_entropy: Target 5 is out of bounds.", assertThrows(LossException.class,
                () -> Losses.crossEntropy(x, Variable.of(Tensor.of(0L, 5L)), LossOptions.defaults())).getMessage());
        assertEquals("nll_loss: Target -1 is out of bounds.", assertThrows(LossException.class,
                () -> Losses.nllLoss(x, Variable.of(Tensor.of(-1L, 5L)), LossOptions.defaults())).getMessage());
        assertEquals("cross_entropy: label_smoothing must be between 0.0 and 1.0. Got: 1.5",
                assertThrows(LossException.class, () -> Losses.crossEntropy(x, Variable.of(Tensor.of(0L, 1L)),
                        LossOptions.defaults().withLabelSmoothing(1.5))).getMessage());
    }

    @Test
    void torchMessageIsPyTorchsTextWithoutTheOpPrefix() {
        Variable x = Variable.of(LOGITS);
        LossException e = assertThrows(LossException.class,
                () -> Losses.crossEntropy(x, Variable.of(Tensor.of(0L, 5L)), LossOptions.defaults()));
        assertEquals("cross_entropy", e.op());
        assertEquals("Target 5 is out of bounds.", e.torchMessage());
        // this message of PyTorch's begins with the op name itself; getMessage() does not repeat it
        String weightSize = "cross_entropy: weight tensor should be defined either for all 3 classes or no classes"
                + " but got weight tensor of shape: [2]";
        e = assertThrows(LossException.class, () -> Losses.crossEntropy(x, Variable.of(PROBS),
                LossOptions.defaults().withWeight(Tensor.of(1.0, 2.0))));
        assertEquals(weightSize, e.torchMessage());
        assertEquals(weightSize, e.getMessage());
    }

    /** Issue 11.2: an (N, 1) input with an (N) weight broadcasts to N × N; a size the heap cannot hold is refused first. */
    @Test
    void multilabelSoftMarginRefusesABroadcastTheHeapCannotHold() {
        Variable x = Variable.of(Tensor.zeros(DType.FLOAT32, 40000, 1));
        Variable y = Variable.of(Tensor.zeros(DType.FLOAT32, 40000, 1));
        LossOptions o = LossOptions.defaults().withWeight(Tensor.zeros(DType.FLOAT32, 40000));
        LossException e = assertThrows(LossException.class, () -> Losses.multilabelSoftMarginLoss(x, y, o));
        assertTrue(e.getMessage().startsWith("multilabel_soft_margin_loss: input, target and weight broadcast to"
                + " [40000, 40000] (1600000000 elements), more than the heap can hold"), e.getMessage());
        // a broadcast that fits is computed as before
        Variable small = Losses.multilabelSoftMarginLoss(Variable.of(Tensor.zeros(DType.FLOAT32, 3, 1)),
                Variable.of(Tensor.zeros(DType.FLOAT32, 3, 1)), o.withWeight(Tensor.ones(DType.FLOAT32, 3)));
        // PyTorch: the [3, 3] terms log 2, summed over the last dim and divided by input.size(-1) = 1
        assertEquals(3 * Math.log(2), small.value().item(), 1e-6);
    }

    /**
     * Issue 11.11: float32 logits near ±3e38 with label smoothing or probability targets overflow
     * to inf in PyTorch, whose log-probabilities are float32 (PyTorch 2.13: loss inf, gradients
     * [0.0667, −0.0333, −0.0333] and [0.5, −0.25, −0.25]).
     */
    @Test
    void float32CrossEntropyOverflowsToInfinityAsPyTorchDoes() {
        Tensor logits = Tensor.of(new double[][] {{3e38, -3e38, 0}}).to(DType.FLOAT32);
        Variable x = Variable.parameter(logits);
        Variable smoothed = Losses.crossEntropy(x, Variable.of(Tensor.of(0L)),
                LossOptions.defaults().withLabelSmoothing(0.1));
        assertEquals(Double.POSITIVE_INFINITY, smoothed.value().item());
        smoothed.backward();
        assertArrayEquals(new double[] {0.0667, -0.0333, -0.0333}, x.grad().value().toDoubleArray(), 1e-4);
        Variable none = Losses.crossEntropy(Variable.of(logits), Variable.of(Tensor.of(0L)),
                LossOptions.defaults().withLabelSmoothing(0.1).withReduction(Reduction.NONE));
        assertEquals(Double.POSITIVE_INFINITY, none.value().item());
        Variable xp = Variable.parameter(logits);
        Variable prob = Losses.crossEntropy(xp, Variable.of(Tensor.of(new double[][] {{0.5, 0.25, 0.25}})
                .to(DType.FLOAT32)), LossOptions.defaults());
        assertEquals(Double.POSITIVE_INFINITY, prob.value().item());
        prob.backward();
        assertArrayEquals(new double[] {0.5, -0.25, -0.25}, xp.grad().value().toDoubleArray(), 1e-6);
    }
}
