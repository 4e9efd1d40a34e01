package io.github.backprop4j.losses.internal;

import java.util.Arrays;

/**
 * The geometry of a tensor seen along one "class" dimension: shape = (outer…, C, inner…) viewed
 * as (outer, C, inner). A <em>row</em> is one position (o, i) of the other dims; its C elements
 * sit at {@code base(row) + c·inner} in row-major order. Rows are numbered o·inner + i, which is
 * the row-major order of the shape with the class dim removed (the order of class-index targets).
 *
 * @param shape    the full shape
 * @param classDim the class dimension, already wrapped to [0, rank)
 */
public record Layout(int[] shape, int classDim, int outer, int classes, int inner) {

    /** The layout of {@code shape} along {@code classDim} (which must be valid). */
    public static Layout of(int[] shape, int classDim) {
        int outer = 1;
        for (int d = 0; d < classDim; d++) {
            outer *= shape[d];
        }
        int inner = 1;
        for (int d = classDim + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        return new Layout(shape.clone(), classDim, outer, shape[classDim], inner);
    }

    /** Number of rows: outer · inner. */
    public int rows() {
        return outer * inner;
    }

    /** Number of elements. */
    public int numel() {
        return outer * classes * inner;
    }

    /** Flat index of class 0 of {@code row}; class c is at {@code base(row) + c * inner}. */
    public int base(int row) {
        return (row / inner) * classes * inner + row % inner;
    }

    /** The shape without the class dimension (the shape of a 'none' loss). */
    public int[] rowShape() {
        int[] out = new int[shape.length - 1];
        System.arraycopy(shape, 0, out, 0, classDim);
        System.arraycopy(shape, classDim + 1, out, classDim, shape.length - classDim - 1);
        return out;
    }

    /** The shape with the class dimension set to 1 (per-row values that broadcast over classes). */
    public int[] keepShape() {
        int[] out = shape.clone();
        out[classDim] = 1;
        return out;
    }

    /** Shape (1, C, 1, …) of a per-class vector broadcast against this shape. */
    public int[] classVectorShape() {
        int[] out = new int[shape.length];
        Arrays.fill(out, 1);
        out[classDim] = classes;
        return out;
    }

    /** All dims except the class dim (to sum a per-element value down to one per class). */
    public int[] otherDims() {
        int[] out = new int[shape.length - 1];
        for (int d = 0, k = 0; d < shape.length; d++) {
            if (d != classDim) {
                out[k++] = d;
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Layout l && Arrays.equals(shape, l.shape) && classDim == l.classDim;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + classDim;
    }

    @Override
    public String toString() {
        return "Layout" + Arrays.toString(shape) + " along dim " + classDim;
    }
}
