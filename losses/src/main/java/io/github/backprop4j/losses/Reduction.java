package io.github.backprop4j.losses;

import java.util.Locale;

/**
 * How a loss turns its per-element values into the result, as PyTorch's {@code reduction}
 * argument: {@link #NONE} keeps them, {@link #SUM} adds them up, {@link #MEAN} divides that sum
 * by a denominator each loss defines (the count of elements, or for NLL and cross-entropy with
 * class indices the total weight of the non-ignored targets; see each loss).
 */
public enum Reduction {
    /** {@code 'none'}: the unreduced losses, one per element (or per sample), no reduction. */
    NONE,
    /** {@code 'mean'} (the default): the sum divided by the loss's denominator; 0/0 = NaN when empty. */
    MEAN,
    /** {@code 'sum'}: the sum of the losses, 0 when empty. */
    SUM;

    /**
     * Parses {@code "none"}, {@code "mean"} or {@code "sum"}; {@code "elementwise_mean"} is
     * PyTorch's deprecated alias of {@code "mean"}.
     *
     * @param s PyTorch's reduction string
     * @return the reduction it names
     * @throws IllegalArgumentException {@code "<s> is not a valid value for reduction"}
     */
    public static Reduction parse(String s) {
        return switch (s) {
            case "none" -> NONE;
            case "mean", "elementwise_mean" -> MEAN;
            case "sum" -> SUM;
            default -> throw new IllegalArgumentException(s + " is not a valid value for reduction");
        };
    }

    /**
     * Parses a reduction the way {@code op} (a PyTorch op name such as {@code cross_entropy})
     * does. All ops accept what {@link #parse} accepts, except
     * {@code multilabel_soft_margin_loss}, which compares the strings itself: it rejects
     * {@code "elementwise_mean"} too, and its message is {@code "<s> is not valid"}.
     *
     * @param op the PyTorch name of the op that parses it
     * @param s PyTorch's reduction string
     * @return the reduction it names
     * @throws LossException {@code "<op>: <s> is not a valid value for reduction"} (or
     *         {@code "<op>: <s> is not valid"} for multilabel_soft_margin_loss)
     */
    public static Reduction parseFor(String op, String s) {
        if (op.equals("multilabel_soft_margin_loss")) {
            return switch (s) {
                case "none" -> NONE;
                case "mean" -> MEAN;
                case "sum" -> SUM;
                default -> throw new LossException(op, s + " is not valid");
            };
        }
        try {
            return parse(s);
        } catch (IllegalArgumentException e) {
            throw new LossException(op, e.getMessage());
        }
    }

    /**
     * The name PyTorch uses: {@code none}, {@code mean} or {@code sum}.
     *
     * @return the string PyTorch's {@code reduction=} argument takes
     */
    public String pytorchName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
