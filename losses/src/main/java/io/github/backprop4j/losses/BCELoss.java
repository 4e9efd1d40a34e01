package io.github.backprop4j.losses;

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
 * The code, shared with its sibling (see {@link BinaryCrossEntropyLoss}), is in
 * {@code BinaryCrossEntropy.java}.
 */
public final class BCELoss extends BinaryCrossEntropyLoss {
    /** The loss with PyTorch's defaults, as {@code nn.BCELoss()}: no weight, mean. */
    public BCELoss() {
        this(LossOptions.defaults());
    }

    /**
     * The loss with these options.
     *
     * @param options weight and reduction; the others must be at their defaults
     * @throws LossException if an option binary_cross_entropy does not have is set
     */
    public BCELoss(LossOptions options) {
        super(LossKind.BCE, BinaryCrossEntropy.Kind.PROBABILITIES, options);
    }
}
