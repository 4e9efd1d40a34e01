package io.github.backprop4j.losses.internal;

import io.github.backprop4j.losses.LossException;
import io.github.backprop4j.losses.LossOptions;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.util.Set;

/**
 * Argument checks shared by the losses, each failing with PyTorch's message: dtypes, options a
 * loss does not have, weights autograd cannot differentiate, dims. Broadcasting rules are in
 * {@link Broadcasts}, PyTorch's ways of printing names and numbers in {@link TorchText}.
 */
public final class Checks {
    private Checks() {
    }

    /** Integer input: {@code "<kernel>" not implemented for 'Long'}. */
    public static void requireFloatInput(String op, String kernel, Tensor input) {
        if (!input.dtype().isFloatingPoint()) {
            throw new LossException(op, "\"" + kernel + "\" not implemented for '" + TorchText.typeName(input.dtype()) + "'");
        }
    }

    /** A tensor that must have dtype {@code expected}: {@code expected scalar type Double but found Float}. */
    public static void requireScalarType(String op, Tensor t, DType expected) {
        if (t.dtype() != expected) {
            throw new LossException(op, "expected scalar type " + TorchText.typeName(expected) + " but found " + TorchText.typeName(t.dtype()));
        }
    }

    /**
     * Rejects the options {@code op} does not have — those whose PyTorch name is not in
     * {@code supported} — unless they hold their default value (no weight, ignore_index −100,
     * label_smoothing 0, no pos_weight).
     */
    public static void rejectUnsupported(String op, LossOptions o, Set<String> supported) {
        if (!supported.contains("weight") && o.weight() != null) {
            throw unsupported(op, "weight");
        }
        if (!supported.contains("ignore_index") && o.ignoreIndex() != LossOptions.DEFAULT_IGNORE_INDEX) {
            throw unsupported(op, "ignore_index");
        }
        if (!supported.contains("label_smoothing") && Double.compare(o.labelSmoothing(), 0.0) != 0) {
            throw unsupported(op, "label_smoothing");
        }
        if (!supported.contains("pos_weight") && o.posWeight() != null) {
            throw unsupported(op, "pos_weight");
        }
    }

    private static LossException unsupported(String op, String option) {
        return new LossException(op, op + " has no option " + option + " (leave it at its default)");
    }

    /**
     * The error autograd raises for a weight that requires a gradient where PyTorch cannot
     * differentiate it: {@code The function 'nll_loss_forward' is not differentiable with respect
     * to argument 'weight'. This input cannot have requires_grad True.}
     */
    public static LossException notDifferentiable(String op, String function, String argument) {
        return new LossException(op, "The function '" + function + "' is not differentiable with respect to argument '"
                + argument + "'. This input cannot have requires_grad True.");
    }

    /** Wraps {@code dim} into [0, rank) as PyTorch does (a 0-d tensor takes −1 and 0). */
    public static int wrapDim(String op, int dim, int rank) {
        int r = Math.max(rank, 1);
        if (dim < -r || dim >= r) {
            throw new LossException(op, "Dimension out of range (expected to be in range of [" + -r + ", " + (r - 1)
                    + "], but got " + dim + ")");
        }
        return dim < 0 ? dim + r : dim;
    }
}
