package io.github.backprop4j.losses.internal;

import io.github.backprop4j.autograd.Autograd;
import io.github.backprop4j.autograd.BackwardOptions;
import io.github.backprop4j.autograd.GradMode;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.Explanation;
import io.github.backprop4j.losses.LossOptions;
import io.github.backprop4j.losses.Reduction;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * explain() for every loss. Each explanation first runs the real loss (so bad input fails with
 * the loss's own {@link io.github.backprop4j.losses.LossException}), then recomputes the forward
 * step by step with plain tensor operations — independently of the fused kernels — prints each
 * step, evaluates the closed-form gradient and sets it next to the gradient autograd computed
 * through the fused node. The softmax family and NLL/cross-entropy work on the input viewed as
 * rows × classes (class dim moved last); the binary losses on the input's own shape.
 */
public final class Explainer {
    private Explainer() {
    }

    /** log_softmax or softmax along {@code dim}; see {@link ClassExplanations#softmax}. */
    public static Explanation softmax(Variable input, LossOptions o, int dim, boolean log) {
        return ClassExplanations.softmax(input, o, dim, log);
    }

    /** nll_loss; see {@link ClassExplanations#nll}. */
    public static Explanation nll(Variable input, Variable target, LossOptions o) {
        return ClassExplanations.nll(input, target, o);
    }

    /** cross_entropy with class indices or probabilities; see {@link ClassExplanations#crossEntropy}. */
    public static Explanation crossEntropy(Variable input, Variable target, LossOptions o) {
        return ClassExplanations.crossEntropy(input, target, o);
    }

    /** binary_cross_entropy; see {@link BinaryExplanations#bce}. */
    public static Explanation bce(Variable input, Variable target, LossOptions o) {
        return BinaryExplanations.bce(input, target, o);
    }

    /** binary_cross_entropy_with_logits; see {@link BinaryExplanations#bceWithLogits}. */
    public static Explanation bceWithLogits(Variable input, Variable target, LossOptions o) {
        return BinaryExplanations.bceWithLogits(input, target, o);
    }

    /** multilabel_soft_margin_loss; see {@link BinaryExplanations#multilabelSoftMargin}. */
    public static Explanation multilabelSoftMargin(Variable input, Variable target, LossOptions o) {
        return BinaryExplanations.multilabelSoftMargin(input, target, o);
    }

    // ------------------------------------------------------------------ shared helpers

    /** Prints the reduction step; returns the per-row scale of the gradient for a seed of ones. */
    static Tensor reduce(Report r, Tensor l, Reduction reduction, double denominator, String denominatorName) {
        DType dt = l.dtype();
        double total = l.to(DType.FLOAT64).sum().item();
        switch (reduction) {
            case NONE -> {
                r.step("reduction", "none: the per-sample losses are the result");
                return Tensor.scalar(1, dt);
            }
            case SUM -> {
                r.step("reduction", "sum = Σ l = " + Report.num(total));
                return Tensor.scalar(1, dt);
            }
            default -> {
                r.step("reduction", "mean = Σ l / " + denominatorName + " = " + Report.num(total) + " / "
                        + Report.num(denominator) + " = " + Report.num(total / denominator));
                return Tensor.scalar(1 / denominator, dt);
            }
        }
    }

    static String meanSuffix(Reduction reduction, String name, double value) {
        return reduction == Reduction.MEAN ? " / " + name + "   (" + name + " = " + Report.num(value) + ")" : "";
    }

    static String seedWords(Reduction reduction) {
        return reduction == Reduction.NONE ? "seed: ones, i.e. the gradient of the sum of the per-sample losses"
                : "seed 1";
    }

    static String describe(LossOptions o, boolean smoothing) {
        StringBuilder sb = new StringBuilder("reduction=" + o.reduction().pytorchName());
        sb.append(", weight=").append(o.weight() == null ? "None" : o.weight().toString());
        if (o.ignoreIndex() != LossOptions.DEFAULT_IGNORE_INDEX) {
            sb.append(", ignore_index=").append(o.ignoreIndex());
        }
        if (smoothing) {
            sb.append(", label_smoothing=").append(Report.num(o.labelSmoothing()));
        }
        if (o.posWeight() != null) {
            sb.append(", pos_weight=").append(o.posWeight());
        }
        return sb.toString();
    }

    static String shapeWords(Tensor rowsByClasses) {
        return rowsByClasses.size(0) + " × " + rowsByClasses.size(1) + " (rows × classes):";
    }

    /** {@code x} viewed as rows × classes: the class dim moved last, the rest flattened. */
    static Tensor rows(Tensor x, int classDim) {
        if (x.dim() == 0) {
            return x.reshape(1, 1);
        }
        int[] perm = new int[x.dim()];
        for (int d = 0, k = 0; d < x.dim(); d++) {
            if (d != classDim) {
                perm[k++] = d;
            }
        }
        perm[x.dim() - 1] = classDim;
        return x.permute(perm).contiguous().reshape(-1, x.size(classDim));
    }

    /** What the fused node gave: its result, and the gradient autograd computed through it for the input. */
    record Run(Tensor result, Tensor grad) {
    }

    /** {@link #run(UnaryOperator, Tensor, UnaryOperator)} with a seed of ones. */
    static Run run(UnaryOperator<Variable> loss, Tensor input) {
        return run(loss, input, Tensor::onesLike);
    }

    /**
     * Runs {@code loss} on {@code input}: first without gradients, so that bad input fails with the
     * loss's own exception, then on {@code input} as a parameter, back-propagating the seed
     * {@code seedFor(result)}.
     */
    static Run run(UnaryOperator<Variable> loss, Tensor input, UnaryOperator<Tensor> seedFor) {
        try (GradMode.Scope s = GradMode.noGrad()) {
            loss.apply(Variable.of(input));
        }
        Variable x = Variable.parameter(input);
        Variable out = loss.apply(x);
        Variable seed = Variable.of(seedFor.apply(out.value()));
        @Nullable Variable[] g = Autograd.grad(List.of(out), List.of(x), List.of(seed), BackwardOptions.DEFAULT);
        return new Run(out.value(), g[0] == null ? input.zerosLike() : g[0].value());
    }
}
