package io.github.backprop4j.losses.internal;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.Explanation;
import io.github.backprop4j.losses.LossOptions;
import io.github.backprop4j.losses.Losses;
import io.github.backprop4j.tensor.Tensor;

/**
 * explain() for the binary losses, element by element on the input's own shape: the (clamped)
 * logs or log-sigmoids, weights and pos_weight, the per-element (or per-label) loss, the
 * reduction, then the closed-form gradient next to autograd's.
 */
final class BinaryExplanations {
    private BinaryExplanations() {
    }

    /** binary_cross_entropy: the clamped logs, the per-element loss, the reduction. */
    static Explanation bce(Variable input, Variable target, LossOptions o) {
        Tensor xv = input.value();
        Tensor yv = target.value();
        Explainer.Run run = Explainer.run(x -> Losses.binaryCrossEntropy(x, Variable.of(yv), o), xv);
        Tensor w = o.weight() == null ? null : o.weight().expand(xv.shape());

        Report r = new Report();
        r.line("binary_cross_entropy — " + Explainer.describe(o, false));
        r.tensor("input x (probabilities):", xv);
        r.tensor("target y:", yv);
        r.line("");
        r.line("Forward, per element:");
        Tensor logX = xv.log().clamp(-100, Double.POSITIVE_INFINITY);
        Tensor log1mX = xv.unaryMinus().log1p().clamp(-100, Double.POSITIVE_INFINITY);
        r.step("log x", "max(log x, −100)", logX);
        r.step("log (1 − x)", "max(log1p(−x), −100)", log1mX);
        Tensor l = yv.minus(1).times(log1mX).minus(yv.times(logX));
        if (w != null) {
            r.step("weights", "w (broadcast)", w);
            l = l.times(w);
        }
        r.step("per-element loss", "l = " + (w != null ? "w·" : "") + "(−y·log x − (1 − y)·log(1 − x))", l);
        Tensor scale = Explainer.reduce(r, l, o.reduction(), xv.numel(), "numel");
        r.tensor("loss (fused node):", run.result());
        Tensor closed = xv.minus(yv).div(xv.times(xv.unaryMinus().plus(1)).clamp(BinaryKernels.BCE_EPS,
                Double.POSITIVE_INFINITY));
        if (w != null) {
            closed = closed.times(w);
        }
        closed = closed.times(scale);
        return r.backward((w != null ? "w · " : "") + "(x − y) / max(x·(1 − x), 1e-12)"
                + Explainer.meanSuffix(o.reduction(), "n", xv.numel()), Explainer.seedWords(o.reduction()), closed,
                run.grad());
    }

    /** binary_cross_entropy_with_logits: log-sigmoids, pos_weight, the per-element loss. */
    static Explanation bceWithLogits(Variable input, Variable target, LossOptions o) {
        Tensor xv = input.value();
        Tensor yv = target.value();
        Explainer.Run run = Explainer.run(x -> Losses.binaryCrossEntropyWithLogits(x, Variable.of(yv), o), xv);
        Tensor w = o.weight() == null ? null : o.weight().expand(xv.shape());
        Tensor pw = o.posWeight() == null ? null : o.posWeight().expand(xv.shape());

        Report r = new Report();
        r.line("binary_cross_entropy_with_logits — " + Explainer.describe(o, false));
        r.tensor("logits x:", xv);
        r.tensor("target y:", yv);
        r.line("");
        r.line("Forward, per element:");
        Tensor ls = xv.logSigmoid();
        r.step("log σ(x)", "min(x, 0) − log1p(exp(−|x|))", ls);
        r.step("log σ(−x)", "= log(1 − σ(x))", xv.unaryMinus().logSigmoid());
        Tensor lw = Tensor.ones(xv.dtype(), xv.shape().toArray());
        if (pw != null) {
            r.step("pos_weight", "pw (broadcast)", pw);
            lw = pw.minus(1).times(yv).plus(1);
            r.step("log weight", "lw = 1 + (pw − 1)·y", lw);
        }
        Tensor l = yv.unaryMinus().plus(1).times(xv).minus(lw.times(ls));
        if (w != null) {
            r.step("weights", "w (broadcast)", w);
            l = l.times(w);
        }
        r.step("per-element loss", "l = " + (w != null ? "w·" : "") + "((1 − y)·x − " + (pw != null ? "lw·" : "")
                + "log σ(x))  = −" + (pw != null ? "pw·" : "") + "y·log σ(x) − (1 − y)·log σ(−x)", l);
        Tensor scale = Explainer.reduce(r, l, o.reduction(), xv.numel(), "numel");
        r.tensor("loss (fused node):", run.result());
        Tensor sig = xv.sigmoid();
        Tensor closed = pw == null ? sig.minus(yv)
                : pw.times(yv).plus(1).minus(yv).times(sig).minus(pw.times(yv));
        if (w != null) {
            closed = closed.times(w);
        }
        closed = closed.times(scale);
        String f = pw == null ? "(σ(x) − y)" : "((pw·y + 1 − y)·σ(x) − pw·y)";
        return r.backward((w != null ? "w · " : "") + f + Explainer.meanSuffix(o.reduction(), "n", xv.numel()),
                Explainer.seedWords(o.reduction()), closed, run.grad());
    }

    /** multilabel_soft_margin_loss: per-label terms, the mean over the last dim, the reduction. */
    static Explanation multilabelSoftMargin(Variable input, Variable target, LossOptions o) {
        Tensor xv = input.value();
        Tensor yv = target.value();
        Explainer.Run run = Explainer.run(x -> Losses.multilabelSoftMarginLoss(x, Variable.of(yv), o), xv);
        Tensor y = yv.to(xv.dtype());
        int classDim = xv.dim() - 1;
        int classes = xv.size(-1);

        Report r = new Report();
        r.line("multilabel_soft_margin_loss — " + Explainer.describe(o, false));
        r.tensor("logits x:", xv);
        r.tensor("target y (0/1 per label):", yv);
        r.line("");
        r.line("Forward, per label, then the mean over the " + classes + " labels of each sample:");
        Tensor ls = xv.logSigmoid();
        Tensor lsNeg = xv.unaryMinus().logSigmoid();
        r.step("log σ(x)", "min(x, 0) − log1p(exp(−|x|))", ls);
        r.step("log σ(−x)", "= log(1 − σ(x))", lsNeg);
        Tensor e = y.times(ls).plus(y.unaryMinus().plus(1).times(lsNeg)).unaryMinus();
        Tensor w = o.weight();
        if (w != null) {
            r.step("weights", "w", w);
            e = e.times(w);
        }
        r.step("per-label loss", "e = " + (w != null ? "w·" : "") + "(−y·log σ(x) − (1 − y)·log σ(−x))", e);
        Tensor per = e.sum(classDim, false).div(classes);
        r.step("per-sample loss", "Σ_labels e / C  (C = " + classes + ")", per);
        Tensor scale = Explainer.reduce(r, per, o.reduction(), per.numel(), "the number of samples");
        r.tensor("loss (fused node):", run.result());
        Tensor closed = xv.sigmoid().minus(y);
        if (w != null) {
            closed = closed.times(w);
        }
        closed = closed.times(scale).div(classes).sumTo(xv.shape());
        String formula = (w != null ? "w · " : "") + "(σ(x) − y) / C"
                + Explainer.meanSuffix(o.reduction(), "N", per.numel());
        return r.backward(formula, Explainer.seedWords(o.reduction()), closed, run.grad());
    }
}
