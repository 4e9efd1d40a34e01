package io.github.backprop4j.losses.internal;

import io.github.backprop4j.losses.LossException;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Shape;
import java.util.Arrays;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/** Broadcasting as the losses' arguments meet it, with PyTorch's messages ({@link Shape} does the rule). */
public final class Broadcasts {
    private Broadcasts() {
    }

    /**
     * The broadcast of shapes {@code a} and {@code b} (NumPy rules), or PyTorch's {@code The size
     * of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0}.
     */
    public static int[] broadcast(String op, int[] a, int[] b) {
        try {
            return Shape.broadcast(op, Shape.of(a), Shape.of(b)).toArray();
        } catch (IllegalArgumentException e) { // PyTorch names the right-most dim that does not match
            for (int i = Math.max(a.length, b.length) - 1, ia = a.length - 1, ib = b.length - 1; i >= 0; i--, ia--, ib--) {
                int da = ia >= 0 ? a[ia] : 1;
                int db = ib >= 0 ? b[ib] : 1;
                if (da != db && da != 1 && db != 1) {
                    throw new LossException(op, "The size of tensor a (" + da + ") must match the size of tensor b ("
                            + db + ") at non-singleton dimension " + i);
                }
            }
            throw new LossException(op, e.getMessage()); // they broadcast, to more elements than a tensor holds
        }
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
                    ? "result type " + TorchText.typeName(result) + " can't be cast to the desired output type " + TorchText.typeName(input)
                    : what + " has dtype " + t.dtype().shortName() + " but the input has dtype " + input.shortName()
                            + " (they must match)";
            throw new LossException(op, msg);
        }
    }
}
