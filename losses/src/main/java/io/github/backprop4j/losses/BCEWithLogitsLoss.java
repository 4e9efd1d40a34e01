package io.github.backprop4j.losses;

import static io.github.backprop4j.losses.internal.Checks.Option.POS_WEIGHT;
import static io.github.backprop4j.losses.internal.Checks.Option.WEIGHT;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.internal.BceWithLogitsOp;
import io.github.backprop4j.losses.internal.Checks;
import io.github.backprop4j.losses.internal.Explainer;
import io.github.backprop4j.losses.internal.Reducer;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * Binary cross-entropy on logits, as {@code nn.BCEWithLogitsLoss} (losses.md §6): input x (any
 * real) and target y of the same shape (not range-checked).
 *
 * <pre>
 *   logσ(x) = min(x, 0) − log1p(e^−|x|)     lw = 1 + (pos_weight − 1)·y
 *   l = w · ((1 − y)·x − lw·logσ(x))        none → l    sum → Σ l    mean → Σ l / numel
 *   dx = scale·w·((pw·y + 1 − y)·σ(x) − pw·y)           dy = scale·w·(logσ(−x) − pw·logσ(x))
 * </pre>
 *
 * Stable for any finite logit. Options: weight and pos_weight (each must broadcast to the input's
 * shape; a (C) pos_weight weights the last dim; neither is differentiable), reduction.
 */
public final class BCEWithLogitsLoss extends Loss {
    private static final String OP = "binary_cross_entropy_with_logits";

    public BCEWithLogitsLoss() {
        this(LossOptions.defaults());
    }

    public BCEWithLogitsLoss(LossOptions options) {
        super(OP, options, WEIGHT, POS_WEIGHT);
    }

    @Override
    public Explanation explain(Variable input, Variable target) {
        return Explainer.bceWithLogits(input, target, options());
    }

    @Override
    Variable compute(Variable input, Variable target, @Nullable Variable weight) {
        LossOptions o = options();
        Tensor x = input.value();
        Tensor t = target.value();
        int[] shape = x.shape().toArray();
        if (!x.shape().equals(t.shape())) {
            throw new LossException(OP, "Target size (" + Checks.torchSize(t.shape().toArray())
                    + ") must be the same as input size (" + Checks.torchSize(shape) + ")");
        }
        Checks.requireFloatInput(OP, "log_sigmoid_cpu", x);
        Tensor pw = o.posWeight();
        if (pw != null) {
            int[] logWeight = Checks.broadcast(OP, pw.shape().toArray(), shape);
            Checks.broadcastsInto(OP, shape, logWeight);
            Checks.requireSameDtypeInPlace(OP, "pos_weight", pw, x.dtype());
            pw = pw.expand(Shape.of(shape));
        }
        if (t.dtype() != x.dtype()) {
            DType result = DType.promote(t.dtype(), x.dtype());
            throw new LossException(OP, result != t.dtype()
                    ? "result type " + Checks.typeName(result) + " can't be cast to the desired output type "
                            + Checks.typeName(t.dtype())
                    : "target has dtype " + t.dtype().shortName() + " but the input has dtype " + x.dtype().shortName()
                            + " (they must match)");
        }
        Tensor w = weight == null ? null : Checks.bceWeight(OP, weight, shape, x.dtype());
        return new BceWithLogitsOp(w, pw, Reducer.elementwise(o.reduction(), shape)).apply(input, target);
    }
}
