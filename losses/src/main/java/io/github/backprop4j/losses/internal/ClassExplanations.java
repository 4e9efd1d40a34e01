package io.github.backprop4j.losses.internal;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.Explanation;
import io.github.backprop4j.losses.LossOptions;
import io.github.backprop4j.losses.Losses;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.util.function.UnaryOperator;

/**
 * explain() for the softmax family, NLL and cross-entropy, on the input viewed as rows × classes
 * (class dim moved last): max-shift, exp, sum, log-probabilities, softmax, the picked entries and
 * their weights, the reduction and its denominator, then the closed-form gradient — (softmax −
 * onehot)·w[t]/Σw and its relatives — next to autograd's.
 */
final class ClassExplanations {
    private ClassExplanations() {
    }

    // ------------------------------------------------------------------ softmax family

    /** log_softmax or softmax along {@code dim}, backward seeded with g = 1, 2, …, n. */
    static Explanation softmax(Variable input, LossOptions o, int dim, boolean log) {
        String op = log ? "log_softmax" : "softmax";
        Checks.rejectUnsupported(op, o);
        Tensor xv = input.value();
        UnaryOperator<Variable> fn = x -> log ? Losses.logSoftmax(x, dim) : Losses.softmax(x, dim);
        Explainer.Run run = Explainer.run(fn, xv, ClassExplanations::softmaxSeed);
        int d = Checks.wrapDim(op, dim, xv.dim());

        Report r = new Report();
        r.line(op + " along dim " + dim + (xv.dim() > 1 ? " (each row below is one slice along that dim)" : ""));
        Tensor rowsX = Explainer.rows(xv, d);
        r.tensor("input x:", rowsX);
        r.line("");
        r.line("Forward, per row:");
        Tensor m = rowsX.max(1, true).values();
        Tensor shifted = rowsX.minus(m);
        Tensor e = shifted.exp();
        Tensor sum = e.sum(1, true);
        r.step("max-shift", "m = max_j x_j", m.reshape(-1));
        r.step("shifted", "x − m", shifted);
        r.step("exp", "exp(x − m)", e);
        r.step("sum", "s = Σ_j exp(x_j − m)", sum.reshape(-1));
        Tensor logp = shifted.minus(sum.log());
        Tensor p = e.div(sum);
        if (log) {
            r.step("log-softmax", "(x − m) − log s", logp);
        } else {
            r.step("softmax", "exp(x − m) / s", p);
        }
        r.tensor("result (fused node):", run.result());
        Tensor g = Explainer.rows(softmaxSeed(run.result()), d);
        r.tensor("upstream gradient g (a fixed seed 1, 2, …, n, as rows):", g);
        Tensor closed = log ? g.minus(p.times(g.sum(1, true))) : p.times(g.minus(g.times(p).sum(1, true)));
        return r.backward(log ? "g − softmax · Σ_j g_j" : "y · (g − Σ_j g_j·y_j),  y = softmax",
                "seed g as above", closed, Explainer.rows(run.grad(), d));
    }

    /** The upstream gradient of the softmax explanations: 1, 2, …, n in the shape and dtype of {@code y}. */
    private static Tensor softmaxSeed(Tensor y) {
        return Tensor.arange(1, y.numel() + 1).to(y.dtype()).reshape(y.shape().toArray());
    }

    // ------------------------------------------------------------------ NLL and cross-entropy

    /** nll_loss: the picked log-probabilities, their weights, the reduction. */
    static Explanation nll(Variable input, Variable target, LossOptions o) {
        Tensor xv = input.value();
        Tensor tv = target.value();
        Explainer.Run run = Explainer.run(x -> Losses.nllLoss(x, Variable.of(tv), o), xv);
        int classDim = xv.dim() == 1 ? 0 : 1;
        int classes = xv.size(classDim);
        Tensor rowsX = Explainer.rows(xv, classDim);
        Picks k = new Picks(tv, o, classes, xv.dtype());

        Report r = new Report();
        r.line("nll_loss — " + Explainer.describe(o, false));
        r.tensor("input x (log-probabilities), " + Explainer.shapeWords(rowsX), rowsX);
        r.tensor("targets t:", tv);
        r.line("");
        r.line("Forward:");
        Tensor picked = k.pick(rowsX);
        r.step("picked entries", "x[t]" + k.ignoredNote(), picked);
        r.step("weights", "w[t]" + k.ignoredNote(), k.wt);
        Tensor l = k.mask(k.wt.times(picked).unaryMinus());
        r.step("per-sample loss", "l = −w[t]·x[t]", l);
        Tensor scale = Explainer.reduce(r, l, o.reduction(), k.totalWeight(), "Σ w[t]");
        r.tensor("loss (fused node):", run.result());
        Tensor closed = k.mask2(k.onehot.times(k.wt.reshape(-1, 1)).unaryMinus()).times(scale);
        return r.backward("−onehot(t) · w[t]" + Explainer.meanSuffix(o.reduction(), "Σw[t]", k.totalWeight()),
                Explainer.seedWords(o.reduction()), closed, Explainer.rows(run.grad(), classDim));
    }

    /** cross_entropy with class indices or probabilities. */
    static Explanation crossEntropy(Variable input, Variable target, LossOptions o) {
        Tensor xv = input.value();
        Tensor tv = target.value();
        Explainer.Run run = Explainer.run(x -> Losses.crossEntropy(x, Variable.of(tv), o), xv);
        boolean probabilities = xv.shape().equals(tv.shape());
        int classDim = xv.dim() == 1 ? 0 : 1;
        int classes = xv.size(classDim);
        double eps = o.labelSmoothing() > 0 ? o.labelSmoothing() : 0;
        DType dt = xv.dtype();
        Tensor w = o.weight() == null ? Tensor.ones(dt, classes) : o.weight().reshape(-1);
        Tensor wRow = w.reshape(1, classes);

        Report r = new Report();
        r.line("cross_entropy with class " + (probabilities ? "probabilities" : "indices") + " — "
                + Explainer.describe(o, true));
        Tensor rowsX = Explainer.rows(xv, classDim);
        r.tensor("logits x, " + Explainer.shapeWords(rowsX), rowsX);
        r.tensor("targets t:", probabilities ? Explainer.rows(tv, classDim) : tv);
        r.line("");
        r.line("Forward: log-softmax over the classes, then the negative log-likelihood");
        Tensor m = rowsX.max(1, true).values();
        Tensor shifted = rowsX.minus(m);
        Tensor e = shifted.exp();
        Tensor sum = e.sum(1, true);
        Tensor logp = shifted.minus(sum.log());
        Tensor p = e.div(sum);
        r.step("max-shift", "m = max_c x_c", m.reshape(-1));
        r.step("shifted logits", "x − m", shifted);
        r.step("exp", "exp(x − m)", e);
        r.step("sum", "s = Σ_c exp(x_c − m)", sum.reshape(-1));
        r.step("log-probabilities", "log p = (x − m) − log s", logp);
        r.step("softmax", "p = exp(x − m) / s", p);
        Tensor closed;
        String formula;
        String denominatorName;
        if (probabilities) {
            Tensor t = Explainer.rows(tv, classDim);
            if (eps > 0) {
                t = t.times(1 - eps).plus(eps / classes);
                r.step("smoothed target", "t' = (1 − ε)·t + ε/C  (ε = " + Report.num(eps) + ", C = " + classes + ")", t);
            }
            if (o.weight() != null) {
                r.step("class weights", "w", w);
            }
            Tensor wt = t.times(wRow);
            Tensor l = logp.times(wt).sum(1, false).unaryMinus();
            r.step("per-sample loss", "l = −Σ_c " + (o.weight() != null ? "w_c·" : "") + (eps > 0 ? "t'_c" : "t_c")
                    + "·log p_c", l);
            denominatorName = "N (samples)";
            Tensor scale = Explainer.reduce(r, l, o.reduction(), rowsX.size(0), denominatorName);
            closed = p.times(wt.sum(1, true)).minus(wt).times(scale);
            String tt = eps > 0 ? "t'" : "t";
            formula = (o.weight() == null ? "(softmax − " + tt + ")" : "(softmax · Σ_c w_c·" + tt + "_c − w·" + tt + ")")
                    + Explainer.meanSuffix(o.reduction(), "N", rowsX.size(0));
        } else {
            Picks k = new Picks(tv, o, classes, dt);
            Tensor picked = k.pick(logp);
            r.step("picked entries", "log p[t]" + k.ignoredNote(), picked);
            r.step("weights", "w[t]" + k.ignoredNote(), k.wt);
            Tensor nll = k.mask(k.wt.times(picked).unaryMinus());
            Tensor l = nll;
            if (eps > 0) {
                r.step("nll term", "−w[t]·log p[t]", nll);
                Tensor smooth = k.mask(logp.times(wRow).sum(1, false).unaryMinus());
                r.step("smoothing term", "Σ_c w_c·(−log p_c)" + k.ignoredNote(), smooth);
                l = nll.times(1 - eps).plus(smooth.times(eps / classes));
                r.step("per-sample loss", "l = (1 − ε)·nll + (ε/C)·smoothing  (ε = " + Report.num(eps) + ", C = "
                        + classes + ")", l);
            } else {
                r.step("per-sample loss", "l = −w[t]·log p[t]", l);
            }
            Tensor scale = Explainer.reduce(r, l, o.reduction(), k.totalWeight(), o.weight() == null
                    ? "the number of non-ignored targets" : "Σ w[t] over non-ignored targets");
            Tensor b = k.onehot.times(k.wt.reshape(-1, 1));
            if (eps > 0) {
                b = b.times(1 - eps).plus(k.mask2(wRow.times(eps / classes).expand(b.shape())));
            }
            closed = k.mask2(p.times(b.sum(1, true)).minus(b)).times(scale);
            String wt = o.weight() == null ? "" : " · w[t]";
            formula = eps > 0
                    ? (o.weight() == null ? "(softmax − (1 − ε)·onehot − ε/C)"
                            : "((1 − ε)·w[t]·(softmax − onehot) + (ε/C)·(softmax·Σw − w))")
                    : "(softmax − onehot)" + wt;
            formula += Explainer.meanSuffix(o.reduction(), o.weight() == null ? "N" : "Σw[t]", k.totalWeight());
        }
        r.tensor("loss (fused node):", run.result());
        return r.backward(formula, Explainer.seedWords(o.reduction()), closed, Explainer.rows(run.grad(), classDim));
    }

    /** Class-index targets in row order with ignore masks, picked weights and one-hot rows. */
    private static final class Picks {
        final Tensor ignored;   // (R) int64 mask
        final Tensor safe;      // (R) targets with ignored ones replaced by 0
        final Tensor wt;        // (R) w[t], 0 where ignored
        final Tensor onehot;    // (R, C), zero rows where ignored
        final boolean anyIgnored;

        Picks(Tensor targets, LossOptions o, int classes, DType dt) {
            Tensor t = targets.reshape(-1);
            ignored = t.eq((double) o.ignoreIndex());
            anyIgnored = ignored.sum().item() > 0;
            safe = Tensor.where(ignored, Tensor.scalar(0, DType.INT64), t);
            Tensor w = o.weight() == null ? Tensor.ones(dt, classes) : o.weight().reshape(-1);
            wt = mask(w.indexSelect(0, safe));
            onehot = mask2(safe.oneHot(classes).to(dt));
        }

        Tensor pick(Tensor rowsByClasses) {
            return mask(rowsByClasses.gather(1, safe.reshape(-1, 1)).reshape(-1));
        }

        /** v (R) with 0 at ignored rows. */
        Tensor mask(Tensor v) {
            return Tensor.where(ignored, Tensor.scalar(0, v.dtype()), v);
        }

        /** v (R, C) with zero rows where ignored. */
        Tensor mask2(Tensor v) {
            return Tensor.where(ignored.reshape(-1, 1), Tensor.scalar(0, v.dtype()), v);
        }

        double totalWeight() {
            return wt.sum().item();
        }

        String ignoredNote() {
            return anyIgnored ? "   (0 where t = ignore_index)" : "";
        }
    }
}
