package io.github.backprop4j.losses;

import static io.github.backprop4j.losses.internal.Checks.Option.WEIGHT;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.internal.BceOp;
import io.github.backprop4j.losses.internal.Buffers;
import io.github.backprop4j.losses.internal.Checks;
import io.github.backprop4j.losses.internal.Explainer;
import io.github.backprop4j.losses.internal.Reducer;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * Binary cross-entropy on probabilities, as {@code nn.BCELoss} (losses.md §5): input x ∈ [0, 1]
 * and target y ∈ [0, 1] of exactly the same shape, any shape.
 *
 * <pre>
 *   l = w · ((y − 1)·max(log1p(−x), −100) − y·max(log x, −100))
 *   none → l    sum → Σ l    mean → Σ l / numel
 *   dx = scale·w·(x − y) / max(x(1 − x), 1e-12)        dy = scale·w·(−logit x)
 * </pre>
 *
 * The −100 clamp keeps x ∈ {0, 1} finite (loss 100) while the gradient there is ±1e12, as in
 * PyTorch. Options: weight (broadcast to the target's shape, not differentiable), reduction.
 */
public final class BCELoss extends Loss {
    private static final String OP = "binary_cross_entropy";

    public BCELoss() {
        this(LossOptions.defaults());
    }

    public BCELoss(LossOptions options) {
        super(OP, options, WEIGHT);
    }

    @Override
    public Explanation explain(Variable input, Variable target) {
        return Explainer.bce(input, target, options());
    }

    @Override
    Variable compute(Variable input, Variable target, @Nullable Variable weight) {
        Tensor x = input.value();
        Tensor t = target.value();
        int[] shape = x.shape().toArray();
        if (!x.shape().equals(t.shape())) {
            throw new LossException(OP, "Using a target size (" + Checks.torchSize(t.shape().toArray())
                    + ") that is different to the input size (" + Checks.torchSize(shape) + ") is deprecated."
                    + " Please ensure they have the same size.");
        }
        if (weight != null) { // PyTorch broadcasts the weight before it checks the dtypes and the range
            Checks.broadcast(OP, shape, weight.value().shape().toArray());
        }
        if (t.dtype() != x.dtype()) {
            throw new LossException(OP, "Found dtype " + Checks.typeName(t.dtype()) + " but expected "
                    + Checks.typeName(x.dtype()));
        }
        Checks.requireFloatInput(OP, "binary_cross_entropy", x);
        double[] xs = Buffers.read(x);
        double[] ys = Buffers.read(t);
        for (int i = 0; i < xs.length; i++) {
            if (!(xs[i] >= 0 && xs[i] <= 1)) {
                throw new LossException(OP, "all elements of input should be between 0 and 1");
            }
            if (!(ys[i] >= 0 && ys[i] <= 1)) {
                throw new LossException(OP, "all elements of target should be between 0 and 1");
            }
        }
        Tensor w = weight == null ? null : Checks.bceWeight(OP, weight, shape, x.dtype());
        return new BceOp(w, Reducer.elementwise(options().reduction(), shape)).apply(input, target);
    }
}
