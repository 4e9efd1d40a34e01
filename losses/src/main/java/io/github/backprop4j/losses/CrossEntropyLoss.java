package io.github.backprop4j.losses;

import static io.github.backprop4j.losses.internal.Checks.Option.IGNORE_INDEX;
import static io.github.backprop4j.losses.internal.Checks.Option.LABEL_SMOOTHING;
import static io.github.backprop4j.losses.internal.Checks.Option.WEIGHT;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.internal.Checks;
import io.github.backprop4j.losses.internal.CrossEntropyIndexOp;
import io.github.backprop4j.losses.internal.CrossEntropyProbOp;
import io.github.backprop4j.losses.internal.Explainer;
import io.github.backprop4j.losses.internal.IndexTargets;
import io.github.backprop4j.losses.internal.Layout;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * Cross-entropy on unnormalised logits, as {@code nn.CrossEntropyLoss} (losses.md §4): log_softmax
 * over the class dim (dim 1, or 0 for an unbatched (C) input) fused with the negative
 * log-likelihood, in one node.
 *
 * <ul>
 *   <li>Class-index targets (int64, shape = input without the class dim):
 *       l = (1 − ε)·w[t]·(−logp[t]) + (ε/C)·Σ_c w_c·(−logp[c]); ignored targets give 0;
 *       mean = Σ l / Σ_{non-ignored} w[t] (NaN when every target is ignored). Gradient
 *       (p − onehot)·w[t]·scale (ε = 0). Weight must not require a gradient.
 *   <li>Probability targets (floating, same shape as the input): l = −Σ_c w_c·t'_c·logp_c with
 *       t' = (1 − ε)·t + ε/C; mean divides by numel / C. Input, target and weight are all
 *       differentiable.
 * </ul>
 *
 * Options: weight (C), ignore_index (index targets only; must be negative for probabilities),
 * reduction, label_smoothing ∈ [0, 1] (negative counts as 0). pos_weight is rejected.
 */
public final class CrossEntropyLoss extends Loss {
    private static final String OP = "cross_entropy";

    /** Defaults: no weight, ignore_index −100, mean, no smoothing. */
    public CrossEntropyLoss() {
        this(LossOptions.defaults());
    }

    public CrossEntropyLoss(LossOptions options) {
        super(OP, options, WEIGHT, IGNORE_INDEX, LABEL_SMOOTHING);
    }

    /** With a weight that may require a gradient (probability targets only; it replaces options().weight()). */
    public Variable apply(Variable input, Variable target, Variable weight) {
        return compute(input, target, weight);
    }

    @Override
    public Explanation explain(Variable input, Variable target) {
        return Explainer.crossEntropy(input, target, options());
    }

    /** Validation in PyTorch's order (losses.md §4.2, §11), then the fused node. */
    @Override
    Variable compute(Variable input, Variable target, @Nullable Variable weight) {
        LossOptions o = options();
        Tensor x = input.value();
        Tensor t = target.value();
        @Nullable Tensor w = weight == null ? null : weight.value();
        double eps = o.labelSmoothing() > 0 ? o.labelSmoothing() : 0;
        if (x.shape().equals(t.shape())) {
            if (!t.dtype().isFloatingPoint()) {
                throw new LossException(OP, "Expected floating point type for target with class probabilities, got "
                        + Checks.typeName(t.dtype()));
            }
            if (o.ignoreIndex() >= 0) {
                throw new LossException(OP, "ignore_index is not supported for floating point target");
            }
            if (x.dim() == 0) {
                throw new LossException(OP, "Dimension specified as 1 but tensor has no dimensions");
            }
            int classDim = x.dim() == 1 ? 0 : 1;
            int classes = x.size(classDim);
            if (w != null && (w.dim() != 1 || w.numel() != classes)) {
                throw new LossException(OP, "cross_entropy: weight tensor should be defined either for all " + classes
                        + " classes or no classes but got weight tensor of shape: " + w.shape());
            }
            Checks.requireFloatInput(OP, classDim == x.dim() - 1 ? "log_softmax_lastdim_kernel_impl"
                    : "log_softmax_kernel_impl", x);
            checkSmoothing(eps);
            Checks.requireScalarType(OP, t, x.dtype());
            if (w != null) {
                Checks.requireScalarType(OP, w, x.dtype());
            }
            CrossEntropyProbOp op = new CrossEntropyProbOp(Layout.of(x.shape().toArray(), classDim), o.reduction(), eps);
            return weight == null ? op.apply(input, target) : op.apply(input, target, weight);
        }
        checkSmoothing(eps);
        if (x.dim() == 0) {
            throw new LossException(OP, "Dimension out of range (expected to be in range of [-1, 0], but got 1)");
        }
        Checks.requireFloatInput(OP, x.dim() <= 2 ? "log_softmax_lastdim_kernel_impl" : "log_softmax_kernel_impl", x);
        IndexTargets targets = IndexTargets.validate(OP, x, t, w, o.ignoreIndex(), null);
        if (weight != null && weight.requiresGrad()) {
            throw Checks.notDifferentiable(OP, "nll_loss_forward", "weight");
        }
        return new CrossEntropyIndexOp(targets, o.reduction(), eps).apply(input);
    }

    private static void checkSmoothing(double eps) {
        if (eps > 1) {
            throw new LossException(OP, "label_smoothing must be between 0.0 and 1.0. Got: " + Checks.cppDouble(eps));
        }
    }
}
