package io.github.backprop4j.losses;

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
 * The code, shared with its sibling (see {@link BinaryCrossEntropyLoss}), is in
 * {@code BinaryCrossEntropy.java}.
 */
public final class BCEWithLogitsLoss extends BinaryCrossEntropyLoss {
    /** The loss with PyTorch's defaults, as {@code nn.BCEWithLogitsLoss()}: no weight, mean. */
    public BCEWithLogitsLoss() {
        this(LossOptions.defaults());
    }

    /**
     * The loss with these options.
     *
     * @param options weight, reduction and pos_weight; the others must be at their defaults
     * @throws LossException if an option binary_cross_entropy_with_logits does not have is set
     */
    public BCEWithLogitsLoss(LossOptions options) {
        super(LossKind.BCE_WITH_LOGITS, BinaryCrossEntropy.Kind.LOGITS, options);
    }
}
