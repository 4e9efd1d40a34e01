package io.github.backprop4j.losses.internal;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.LossException;
import io.github.backprop4j.losses.LossOptions;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;
import java.util.Arrays;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Argument checks shared by the losses, each failing with PyTorch's message. */
public final class Checks {
    private Checks() {
    }

    /** PyTorch's scalar type name: Float, Double, Long. */
    public static String typeName(DType t) {
        return switch (t) {
            case FLOAT32 -> "Float";
            case FLOAT64 -> "Double";
            case INT64 -> "Long";
        };
    }

    /** How PyTorch prints a torch.Size: {@code torch.Size([2, 3])}. */
    public static String torchSize(int[] shape) {
        return "torch.Size(" + Arrays.toString(shape) + ")";
    }

    /** Integer input: {@code "<kernel>" not implemented for 'Long'}. */
    public static void requireFloatInput(String op, String kernel, Tensor input) {
        if (!input.dtype().isFloatingPoint()) {
            throw new LossException(op, "\"" + kernel + "\" not implemented for '" + typeName(input.dtype()) + "'");
        }
    }

    /** A tensor that must have dtype {@code expected}: {@code expected scalar type Double but found Float}. */
    public static void requireScalarType(String op, Tensor t, DType expected) {
        if (t.dtype() != expected) {
            throw new LossException(op, "expected scalar type " + typeName(expected) + " but found " + typeName(t.dtype()));
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
     * The broadcast of shapes {@code a} and {@code b} (NumPy rules), or PyTorch's {@code The size
     * of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0}.
     */
    public static int[] broadcast(String op, int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            int da = i - (n - a.length) >= 0 ? a[i - (n - a.length)] : 1;
            int db = i - (n - b.length) >= 0 ? b[i - (n - b.length)] : 1;
            if (da != db && da != 1 && db != 1) {
                throw new LossException(op, "The size of tensor a (" + da + ") must match the size of tensor b ("
                        + db + ") at non-singleton dimension " + i);
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /**
     * For an in-place update {@code out op= other}: {@code other} must broadcast to {@code out}
     * without enlarging it ({@code output with shape [3] doesn't match the broadcast shape [2, 3]}).
     */
    public static void broadcastsInto(String op, int[] out, int[] other) {
        int[] b = broadcast(op, out, other);
        if (!Arrays.equals(b, out)) {
            throw new LossException(op, "output with shape " + Arrays.toString(out)
                    + " doesn't match the broadcast shape " + Arrays.toString(b));
        }
    }

    /** A weight-like option must have the input's dtype; PyTorch's in-place multiply says so this way. */
    public static void requireSameDtypeInPlace(String op, String what, @Nullable Tensor t, DType input) {
        if (t != null && t.dtype() != input) {
            DType result = DType.promote(t.dtype(), input);
            String msg = result != input
                    ? "result type " + typeName(result) + " can't be cast to the desired output type " + typeName(input)
                    : what + " has dtype " + t.dtype().shortName() + " but the input has dtype " + input.shortName()
                            + " (they must match)";
            throw new LossException(op, msg);
        }
    }

    /**
     * The element weight of the BCE losses, which PyTorch multiplies into the loss in place and
     * cannot differentiate: it must broadcast into {@code shape} without enlarging it, have the
     * input's dtype and not require a gradient. Returns it expanded to {@code shape}.
     */
    public static Tensor bceWeight(String op, Variable weight, int[] shape, DType input) {
        broadcastsInto(op, shape, weight.value().shape().toArray());
        requireSameDtypeInPlace(op, "weight", weight.value(), input);
        if (weight.requiresGrad()) {
            throw notDifferentiable(op, op, "weight");
        }
        return weight.value().expand(Shape.of(shape));
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

    /** A double as C++'s {@code operator<<} prints it (6 significant digits, no trailing zeros): 1.5, 2, 1e-07. */
    public static String cppDouble(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        String g = String.format(java.util.Locale.ROOT, "%.6g", v);
        int e = g.indexOf('e');
        String mantissa = e < 0 ? g : g.substring(0, e);
        String exponent = e < 0 ? "" : g.substring(e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + exponent;
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
