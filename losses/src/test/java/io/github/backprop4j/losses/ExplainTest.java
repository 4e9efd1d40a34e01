package io.github.backprop4j.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** explain(): the steps are printed with their numbers, and the closed-form gradient agrees with autograd. */
class ExplainTest {
    private static final Variable CLI_LOGITS = Variable.of(Tensor.of(new double[][] {{1, 4, 1, 1}, {5, 1, 2, 1}}));
    private static final Variable CLI_TARGETS = Variable.of(Tensor.of(1L, 0L));

    private static Variable f64(double... v) {
        return Variable.of(Tensor.of(v));
    }

    @Test
    void crossEntropyOnTheCliExampleShowsEveryStepWithItsNumbers() {
        Explanation e = Losses.explain("cross-entropy", CLI_LOGITS, CLI_TARGETS, LossOptions.defaults(), 1);
        String text = e.text();
        // Independent numbers: row 0 picks logit 4 of [1, 4, 1, 1], row 1 logit 5 of [5, 1, 2, 1].
        double lse0 = 4 + Math.log(1 + 3 * Math.exp(-3));
        double lse1 = 5 + Math.log(1 + 2 * Math.exp(-4) + Math.exp(-3));
        double loss = ((lse0 - 4) + (lse1 - 5)) / 2;
        double p01 = Math.exp(4 - lse0);
        for (String step : new String[] {"max-shift", "x − m", "exp(x − m)", "s = Σ_c exp(x_c − m)",
            "log p = (x − m) − log s", "p = exp(x − m) / s", "picked entries", "w[t]", "per-sample loss",
            "mean = Σ l / the number of non-ignored targets", "(softmax − onehot) / N", "autograd",
            "largest |closed form − autograd|"}) {
            assertTrue(text.contains(step), "missing step '" + step + "' in\n" + text);
        }
        assertTrue(text.contains("tensor([4., 5.], dtype=torch.float64)"), "max-shift values\n" + text);
        assertTrue(text.contains(String.format(Locale.ROOT, "tensor(%.4f, dtype=torch.float64)", loss)),
                "loss " + loss + "\n" + text);
        assertTrue(text.contains(String.format(Locale.ROOT, "%.4f", (p01 - 1) / 2)), "closed-form gradient\n" + text);
        assertTrue(text.contains(String.format(Locale.ROOT, "%.4f", -(4 - lse0))), "picked log-probability\n" + text);
        assertTrue(e.maxDifference() < 1e-15, "closed form and autograd differ by " + e.maxDifference());
    }

    /**
     * Issue 15: a weighted mean with label smoothing where every counted target has weight 0 is NaN
     * in PyTorch (the NLL term is 0/0 on its own), loss and gradient; the reduction step says why.
     */
    @Test
    void aSmoothedMeanOverZeroWeightSaysWhyItIsNaN() {
        Variable x = Variable.of(Tensor.of(new double[][] {{5.4579, 3.3641, -6.7142}}).to(DType.FLOAT32));
        LossOptions o = LossOptions.defaults().withWeight(Tensor.of(1.0, 0.0, 2.0).to(DType.FLOAT32))
                .withLabelSmoothing(0.1);
        Explanation e = Losses.explain("cross-entropy", x, Variable.of(Tensor.of(1L)), o, 1);
        String text = e.text();
        assertTrue(text.contains("/ 0 = nan   (PyTorch divides the NLL term and the smoothing term by it separately"),
                text);
        assertTrue(text.contains("loss (fused node):\n    tensor(nan)"), text);
        assertEquals(0, e.maxDifference(), "NaN gradients in the same places count as agreement\n" + text);
        Variable p = Variable.parameter(x.value());
        Variable loss = Losses.crossEntropy(p, Variable.of(Tensor.of(1L)), o);
        loss.backward();
        assertTrue(Double.isNaN(loss.value().item()), "loss " + loss);
        for (double g : p.grad().value().toDoubleArray()) {
            assertTrue(Double.isNaN(g), "gradient " + p.grad());
        }
    }

    @Test
    void everyLossExplainsItselfAndItsClosedFormMatchesAutograd() {
        Tensor w3 = Tensor.of(1.0, 2.0, 0.5);
        Variable logits = Variable.of(Tensor.of(new double[][] {{0.5, -1.0, 2.0}, {0.1, 0.2, -0.3}, {1, 1, 1}}));
        Variable idx = Variable.of(Tensor.of(2L, 0L, -100L));
        Variable probs = Variable.of(Tensor.of(new double[][] {{0.2, 0.3, 0.5}, {1, 0, 0}, {0, 0.5, 0.5}}));
        Variable multiHot = Variable.of(Tensor.of(new double[][] {{1, 0, 1}, {0, 1, 1}, {0, 0, 1}}));
        Variable probabilities = Variable.of(Tensor.of(new double[][] {{0.2, 0.7, 0.9}, {0.5, 0.1, 0.3}, {0, 1, 0.4}}));
        LossOptions weighted = LossOptions.defaults().withWeight(w3);
        record Case(String loss, Variable input, Variable target, LossOptions o, String mustContain) {
        }
        Case[] cases = {
            new Case("cross-entropy", logits, idx, weighted.withLabelSmoothing(0.2), "smoothing term"),
            new Case("cross-entropy", logits, idx, weighted.withReduction(Reduction.NONE), "none"),
            new Case("cross-entropy", logits, probs, weighted.withLabelSmoothing(0.1), "smoothed target"),
            new Case("cross-entropy", logits, probs, LossOptions.defaults().withReduction(Reduction.SUM), "sum = Σ l"),
            new Case("nll", Losses.logSoftmax(logits, 1), idx, weighted, "−onehot(t) · w[t]"),
            new Case("bce", probabilities, multiHot, weighted, "max(log x, −100)"),
            new Case("bce-with-logits", logits, multiHot, weighted.withPosWeight(Tensor.of(3.0, 1.0, 0.5)),
                    "lw = 1 + (pw − 1)·y"),
            new Case("multilabel-soft-margin", logits, multiHot, weighted, "Σ_labels e / C"),
        };
        for (Case c : cases) {
            Explanation e = Losses.explain(c.loss(), c.input(), c.target(), c.o(), 0);
            assertTrue(e.text().contains(c.mustContain()), c.loss() + " lacks '" + c.mustContain() + "':\n" + e.text());
            assertTrue(e.text().contains("loss (fused node):"), e.text());
            assertTrue(e.maxDifference() < 1e-12, c.loss() + ": closed form vs autograd " + e.maxDifference()
                    + "\n" + e.text());
        }
    }

    @Test
    void softmaxFamilyExplainsAlongAnyDim() {
        Variable x = Variable.of(Tensor.arange(0, 24).to(DType.FLOAT64).div(7).reshape(2, 3, 4));
        for (int dim = -3; dim < 3; dim++) {
            for (String loss : new String[] {"log-softmax", "softmax"}) {
                Explanation e = Losses.explain(loss, x, null, LossOptions.defaults(), dim);
                assertTrue(e.text().contains("max-shift") && e.text().contains("s = Σ_j exp(x_j − m)"), e.text());
                assertTrue(e.maxDifference() < 1e-12, loss + " dim " + dim + ": " + e.maxDifference());
            }
        }
    }

    @Test
    void explainFailsAsTheLossWould() {
        LossException e = assertThrows(LossException.class, () -> Losses.explain("cross-entropy", CLI_LOGITS,
                Variable.of(Tensor.of(1L, 5L)), LossOptions.defaults(), 1));
        assertEquals("cross_entropy: Target 5 is out of bounds.", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Losses.explain("hinge", CLI_LOGITS, CLI_TARGETS, LossOptions.defaults(), 1));
        assertThrows(IllegalArgumentException.class,
                () -> Losses.explain("nll", CLI_LOGITS, null, LossOptions.defaults(), 1));
    }

    @Test
    void lossObjectsExplainToo() {
        Explanation e = new CrossEntropyLoss().explain(CLI_LOGITS, CLI_TARGETS);
        assertEquals(Losses.explain("cross-entropy", CLI_LOGITS, CLI_TARGETS, LossOptions.defaults(), 1).text(),
                e.text());
        assertTrue(new BCEWithLogitsLoss().explain(f64(0.5, -1, 2), f64(1, 0, 0.3)).maxDifference() < 1e-15);
    }
}
