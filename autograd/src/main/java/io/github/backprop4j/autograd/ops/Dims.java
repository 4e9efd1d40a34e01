package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Shape;
import org.jspecify.annotations.Nullable;

/** Shape bookkeeping shared by the reductions' backward passes. */
final class Dims {
    private Dims() {
    }

    /**
     * {@code in} with each reduced dim set to 1: the keepdim shape of a reduction over
     * {@code dims} (null or empty means every dim, as in PyTorch).
     */
    static int[] keptShape(Shape in, int @Nullable [] dims, String op) {
        int[] kept = in.toArray();
        if (dims == null || dims.length == 0) {
            java.util.Arrays.fill(kept, 1);
        } else if (kept.length > 0) {
            for (int d : dims) {
                kept[Shape.normalizeDim(d, kept.length, op)] = 1;
            }
        }
        return kept;
    }

    /**
     * The gradient (or result) of a reduction put back into the keepdim shape, so it broadcasts
     * against the input: the reduced dims re-inserted as size 1.
     */
    static Variable restore(Variable reduced, Shape in, int @Nullable [] dims, String op) {
        int[] kept = keptShape(in, dims, op);
        return reduced.shape().equals(Shape.of(kept)) ? reduced : reduced.reshape(kept);
    }
}
