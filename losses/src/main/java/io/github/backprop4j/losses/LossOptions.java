package io.github.backprop4j.losses;

import io.github.backprop4j.tensor.Tensor;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The options of every loss in one immutable record, with PyTorch's defaults and names:
 *
 * <ul>
 *   <li>{@code weight} — class weights (NLL, cross-entropy: shape (C)) or element weights
 *       broadcast to the input (BCE family, multi-label soft margin); same dtype as the input.
 *   <li>{@code ignoreIndex} — a class-index target equal to this contributes nothing (NLL and
 *       cross-entropy with class indices); default −100.
 *   <li>{@code reduction} — {@link Reduction#MEAN} by default.
 *   <li>{@code labelSmoothing} — ε in [0, 1] for cross-entropy: the target becomes
 *       (1 − ε)·onehot + ε/C; a negative value counts as 0; default 0.
 *   <li>{@code posWeight} — BCE-with-logits only: the weight of positive examples, broadcast
 *       against the target along trailing dims (shape (C) weights the last dim).
 * </ul>
 *
 * A loss given an option it does not have (say {@code posWeight} for cross-entropy) rejects it
 * with a {@link LossException}, unless the option has its default value. Kotlin:
 * {@code LossOptions.defaults().withReduction(Reduction.SUM).withLabelSmoothing(0.1)}.
 *
 * @param weight class weights (C) or element weights, or null for none
 * @param ignoreIndex the class index whose targets contribute nothing
 * @param reduction how per-element losses are combined
 * @param labelSmoothing ε for cross-entropy
 * @param posWeight BCE-with-logits' weight of positive examples, or null for none
 */
public record LossOptions(@Nullable Tensor weight, long ignoreIndex, Reduction reduction, double labelSmoothing,
                          @Nullable Tensor posWeight) {
    /** PyTorch's default ignore_index. */
    public static final long DEFAULT_IGNORE_INDEX = -100;

    private static final LossOptions DEFAULTS = new LossOptions(null, DEFAULT_IGNORE_INDEX, Reduction.MEAN, 0.0, null);

    /**
     * Options as given; see the class comment for each one's meaning. Most code starts from
     * {@link #defaults()} and the {@code with} methods instead.
     *
     * @param weight class weights (C) or element weights, or null for none
     * @param ignoreIndex the class index that contributes nothing ({@link #DEFAULT_IGNORE_INDEX})
     * @param reduction how per-element losses are combined
     * @param labelSmoothing ε for cross-entropy, in [0, 1]
     * @param posWeight BCE-with-logits' weight of positive examples, or null for none
     * @throws NullPointerException if {@code reduction} is null
     */
    public LossOptions {
        Objects.requireNonNull(reduction, "reduction");
    }

    /**
     * No weight, ignore_index −100, mean, no label smoothing, no pos_weight: what every
     * {@code torch.nn} loss uses when given no keyword.
     *
     * @return the shared default options
     */
    public static LossOptions defaults() {
        return DEFAULTS;
    }

    /**
     * These options with another weight.
     *
     * @param w class weights (C) for NLL and cross-entropy, element weights broadcast to the input
     *        for the others; null for none
     * @return a copy with {@code weight = w}
     */
    public LossOptions withWeight(@Nullable Tensor w) {
        return new LossOptions(w, ignoreIndex, reduction, labelSmoothing, posWeight);
    }

    /**
     * These options with another ignore_index.
     *
     * @param i the class index whose targets contribute nothing (NLL, cross-entropy with indices)
     * @return a copy with {@code ignoreIndex = i}
     */
    public LossOptions withIgnoreIndex(long i) {
        return new LossOptions(weight, i, reduction, labelSmoothing, posWeight);
    }

    /**
     * These options with another reduction.
     *
     * @param r none, mean or sum
     * @return a copy with {@code reduction = r}
     * @throws NullPointerException if {@code r} is null
     */
    public LossOptions withReduction(Reduction r) {
        return new LossOptions(weight, ignoreIndex, r, labelSmoothing, posWeight);
    }

    /**
     * These options with another label smoothing, for cross-entropy: the target becomes
     * (1 − ε)·onehot + ε/C.
     *
     * @param e ε; a negative value counts as 0, above 1 is rejected when the loss is applied
     * @return a copy with {@code labelSmoothing = e}
     */
    public LossOptions withLabelSmoothing(double e) {
        return new LossOptions(weight, ignoreIndex, reduction, e, posWeight);
    }

    /**
     * These options with another pos_weight, for BCE-with-logits: the positive term of each
     * element is multiplied by it.
     *
     * @param pw weights broadcast against the target along trailing dims (shape (C) weights the
     *        last dim); null for none
     * @return a copy with {@code posWeight = pw}
     */
    public LossOptions withPosWeight(@Nullable Tensor pw) {
        return new LossOptions(weight, ignoreIndex, reduction, labelSmoothing, pw);
    }
}
