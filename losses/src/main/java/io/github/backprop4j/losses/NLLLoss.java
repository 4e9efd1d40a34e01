package io.github.backprop4j.losses;

import static io.github.backprop4j.losses.internal.Checks.Option.IGNORE_INDEX;
import static io.github.backprop4j.losses.internal.Checks.Option.WEIGHT;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.internal.Checks;
import io.github.backprop4j.losses.internal.Explainer;
import io.github.backprop4j.losses.internal.IndexTargets;
import io.github.backprop4j.losses.internal.NllLossOp;
import org.jspecify.annotations.Nullable;

/**
 * Negative log-likelihood on log-probabilities, as {@code nn.NLLLoss} (losses.md §3): input (C),
 * (N, C) or (N, C, d1…dK); int64 class-index target of shape (), (N) or (N, d1…dK).
 *
 * <pre>
 *   l = ignored ? 0 : −w[t]·x[t]      none → l    sum → Σ l    mean → Σ l / Σ_{non-ignored} w[t]
 * </pre>
 *
 * The gradient reaches only the picked entries: −w[t]·scale. Options: weight (C), ignore_index,
 * reduction; label_smoothing and pos_weight are rejected. The input is not checked to be
 * log-probabilities.
 */
public final class NLLLoss extends Loss {
    private static final String OP = "nll_loss";

    public NLLLoss() {
        this(LossOptions.defaults());
    }

    public NLLLoss(LossOptions options) {
        super(OP, options, WEIGHT, IGNORE_INDEX);
    }

    @Override
    public Explanation explain(Variable input, Variable target) {
        return Explainer.nll(input, target, options());
    }

    @Override
    Variable compute(Variable input, Variable target, @Nullable Variable weight) {
        LossOptions o = options();
        IndexTargets targets = IndexTargets.validate(OP, input.value(), target.value(),
                weight == null ? null : weight.value(), o.ignoreIndex(), "nll_loss_out_frame");
        if (weight != null && weight.requiresGrad()) {
            throw Checks.notDifferentiable(OP, "nll_loss_forward", "weight");
        }
        return new NllLossOp(targets, o.reduction()).apply(input);
    }
}
