package io.github.backprop4j.tensor.internal;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Kernels that move elements by index: nested-array import, cat, gather, scatter-add, index_select, one_hot. */
public final class Indexing {
    private Indexing() {
    }

    /** A tensor from a rectangular nested Java array of float, double, long or int. */
    public static Tensor fromNestedArray(Object nested) {
        List<Integer> dims = new ArrayList<>();
        Object level = nested;
        Class<?> type = nested.getClass();
        while (type.isArray() && type.getComponentType().isArray()) {
            dims.add(Array.getLength(level));
            if (Array.getLength(level) == 0) {
                throw new IllegalArgumentException("fromArray: cannot infer the shape of an empty nested array");
            }
            level = Array.get(level, 0);
            type = type.getComponentType();
        }
        if (!type.isArray()) {
            throw new IllegalArgumentException("fromArray: expected an array, got " + type.getName());
        }
        dims.add(Array.getLength(level));
        Class<?> leaf = type.getComponentType();
        DType dtype = leaf == float.class ? DType.FLOAT32
                : leaf == double.class ? DType.FLOAT64
                : leaf == long.class || leaf == int.class ? DType.INT64 : null;
        if (dtype == null) {
            throw new IllegalArgumentException("fromArray: unsupported element type " + leaf.getName()
                    + " (use float, double, long or int)");
        }
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        Storage out = Storage.allocate(dtype, Shape.of(shape).numel());
        fill(nested, 0, shape, out, new int[] {0});
        return TensorAccess.wrap(out, shape);
    }

    private static void fill(Object array, int depth, int[] shape, Storage out, int[] cursor) {
        int n = Array.getLength(array);
        if (n != shape[depth]) {
            throw new IllegalArgumentException("fromArray: ragged nested array: expected length " + shape[depth]
                    + " at depth " + depth + ", found " + n);
        }
        if (depth == shape.length - 1) {
            for (int i = 0; i < n; i++) {
                Object v = Array.get(array, i);
                if (out.dtype() == DType.INT64) {
                    out.setLong(cursor[0]++, ((Number) v).longValue());
                } else {
                    out.set(cursor[0]++, ((Number) v).doubleValue());
                }
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            fill(Array.get(array, i), depth + 1, shape, out, cursor);
        }
    }

    /** Concatenation along {@code dim}; dtypes promote. */
    public static Tensor cat(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("cat: expected a non-empty list of Tensors");
        }
        Tensor first = tensors.get(0);
        if (first.dim() == 0) {
            throw new IllegalArgumentException("cat: zero-dimensional tensor (at position 0) cannot be concatenated");
        }
        int d = Shape.normalizeDim(dim, first.dim(), "cat");
        int[] shape = first.shape().toArray();
        DType dtype = first.dtype();
        int total = 0;
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            int[] s = t.shape().toArray();
            boolean same = s.length == shape.length;
            for (int j = 0; same && j < s.length; j++) {
                same = j == d || s[j] == shape[j];
            }
            if (!same) {
                throw new IllegalArgumentException(String.format(
                        "cat: Sizes of tensors must match except in dimension %d. Expected shape like %s but got %s"
                                + " for tensor number %d in the list.", d, first.shape(), t.shape(), i));
            }
            total += s[d];
            dtype = DType.promote(dtype, t.dtype());
        }
        shape[d] = total;
        Tensor out = Tensor.zeros(dtype, shape);
        int at = 0;
        for (Tensor t : tensors) {
            int len = t.size(d);
            copyInto(t, out.narrow(d, at, len));
            at += len;
        }
        return out;
    }

    /** Writes {@code src}'s values into the (fresh, not yet shared) view {@code dst} of the same shape. */
    private static void copyInto(Tensor src, Tensor dst) {
        int[] shape = src.shape().toArray();
        Walk w = new Walk(shape, new int[] {src.offset(), dst.offset()}, src.strides(), dst.strides());
        Storage s = TensorAccess.storage(src);
        Storage o = TensorAccess.storage(dst);
        boolean longs = s.dtype() == DType.INT64 && o.dtype() == DType.INT64;
        for (int r = 0; r < w.rows(); r++, w.nextRow()) {
            for (int j = 0, p = w.offset(0), q = w.offset(1); j < w.rowLength();
                 j++, p += w.innerStride(0), q += w.innerStride(1)) {
                if (longs) {
                    o.setLong(q, s.getLong(p));
                } else {
                    o.set(q, s.get(p));
                }
            }
        }
    }

    private static void requireIndex(String op, Tensor index) {
        if (index.dtype() != DType.INT64) {
            throw new IllegalArgumentException(op + "(): Expected dtype int64 for index, got " + index.dtype().shortName());
        }
    }

    /**
     * out[i0..][j][..] = src[i0..][index[i0..][j][..]][..] along {@code dim}; index has the same rank
     * as src and no larger a size in any other dim.
     */
    public static Tensor gather(Tensor src, int dim, Tensor index) {
        requireIndex("gather", index);
        checkIndexShape("gather", src, dim, index);
        Tensor out = Tensor.zeros(src.dtype(), index.shape().toArray());
        int[] pos = new int[index.dim()];
        Storage o = TensorAccess.storage(out);
        int size = src.dim() == 0 ? 1 : src.size(dim);
        for (int flat = 0; flat < index.numel(); flat++) {
            long k = index.getLong(pos);
            if (k < -size || k >= size) {
                throw new IndexOutOfBoundsException(String.format(
                        "gather(): index %d is out of bounds for dimension %d with size %d", k, dim, size));
            }
            int[] at = pos.clone();
            if (at.length > 0) {
                at[dim] = (int) (k < 0 ? k + size : k);
            }
            o.set(flat, src.getDouble(at));
            increment(pos, index.shape().toArray());
        }
        return out;
    }

    /** A copy of {@code base} with src[i..] added at out[.., index[i..], ..] along {@code dim}. */
    public static Tensor scatterAdd(Tensor base, int dim, Tensor index, Tensor src) {
        requireIndex("scatter_add", index);
        checkIndexShape("scatter_add", base, dim, index);
        if (src.dim() != index.dim()) {
            throw new IllegalArgumentException("scatter_add(): Index tensor must have the same number of dimensions"
                    + " as src tensor (index " + index.shape() + ", src " + src.shape() + ")");
        }
        for (int d = 0; d < index.dim(); d++) {
            if (index.size(d) > src.size(d)) {
                throw new IllegalArgumentException("scatter_add(): Expected index " + index.shape()
                        + " to be smaller than src " + src.shape() + " apart from dimension " + dim);
            }
        }
        DType dtype = DType.promote(base.dtype(), src.dtype());
        Tensor out = Elementwise.copy(base, dtype);
        Storage o = TensorAccess.storage(out);
        int[] outStrides = out.strides();
        int size = base.dim() == 0 ? 1 : base.size(dim);
        int[] pos = new int[index.dim()];
        for (int flat = 0; flat < index.numel(); flat++) {
            long k = index.getLong(pos);
            if (k < -size || k >= size) {
                throw new IndexOutOfBoundsException(String.format(
                        "scatter_add(): index %d is out of bounds for dimension %d with size %d", k, dim, size));
            }
            int off = 0;
            for (int d = 0; d < pos.length; d++) {
                off += (d == dim ? (int) (k < 0 ? k + size : k) : pos[d]) * outStrides[d];
            }
            o.set(off, o.get(off) + src.getDouble(pos));
            increment(pos, index.shape().toArray());
        }
        return out;
    }

    private static void checkIndexShape(String op, Tensor src, int dim, Tensor index) {
        if (index.dim() != src.dim()) {
            throw new IllegalArgumentException(op + "(): Index tensor must have the same number of dimensions as"
                    + " input tensor (index " + index.shape() + ", input " + src.shape() + ")");
        }
        for (int d = 0; d < index.dim(); d++) {
            if (d != dim && index.size(d) > src.size(d)) {
                throw new IllegalArgumentException(String.format(
                        "%s(): Size does not match at dimension %d expected index %s to be smaller than self %s"
                                + " apart from dimension %d", op, d, index.shape(), src.shape(), dim));
            }
        }
    }

    private static void increment(int[] pos, int[] shape) {
        for (int d = pos.length - 1; d >= 0; d--) {
            if (++pos[d] < shape[d]) {
                return;
            }
            pos[d] = 0;
        }
    }

    /** The slices {@code src.select(dim, index[i])}, stacked along {@code dim}. */
    public static Tensor indexSelect(Tensor src, int dim, Tensor index) {
        requireIndex("index_select", index);
        if (index.dim() > 1) {
            throw new IllegalArgumentException("index_select(): Index is supposed to be a vector, got shape "
                    + index.shape());
        }
        if (src.dim() == 0) {
            return indexSelect(src.reshape(1), 0, index.reshape(-1)).reshape(index.shape().toArray());
        }
        long[] idx = index.toLongArray();
        int size = src.size(dim);
        for (long k : idx) {
            if (k < -size || k >= size) {
                throw new IndexOutOfBoundsException(String.format(
                        "index_select(): index %d out of range for tensor of size %s at dimension %d", k, src.shape(), dim));
            }
        }
        if (dim == 0 && src.isContiguous()) {
            return selectRows(src, idx);
        }
        List<Tensor> parts = new ArrayList<>();
        for (long k : idx) {
            parts.add(src.narrow(dim, (int) (k < 0 ? k + size : k), 1));
        }
        if (parts.isEmpty()) {
            int[] shape = src.shape().toArray();
            shape[dim] = 0;
            return Tensor.zeros(src.dtype(), shape);
        }
        return cat(parts, dim);
    }

    /**
     * index_select along dimension 0 of a contiguous tensor: each selected row is one block of
     * {@code numel / size(0)} elements, copied whole (the data loader's batches take this path).
     * The indices are already checked.
     */
    private static Tensor selectRows(Tensor src, long[] idx) {
        int size = src.size(0);
        int row = size == 0 ? 0 : src.numel() / size;
        int[] shape = src.shape().toArray();
        shape[0] = idx.length;
        Storage in = TensorAccess.storage(src);
        Storage out = Storage.allocate(src.dtype(), idx.length * row);
        for (int i = 0; i < idx.length; i++) {
            long k = idx[i] < 0 ? idx[i] + size : idx[i];
            Elementwise.copyBlock(in, src.offset() + (int) k * row, out, i * row, row);
        }
        return TensorAccess.wrap(out, shape);
    }

    /**
     * int64 one-hot: out[..., c] = 1 where c == t[...]; every value must lie in [0, numClasses).
     * {@code numClasses = -1} means max(t) + 1, as in PyTorch.
     */
    public static Tensor oneHot(Tensor t, int numClasses) {
        if (t.dtype() != DType.INT64) {
            throw new IllegalArgumentException("one_hot is only applicable to index tensor (int64), got "
                    + t.dtype().shortName());
        }
        long[] v = t.toLongArray();
        if (numClasses == -1) {
            if (v.length == 0) {
                throw new IllegalArgumentException("one_hot: Can not infer total number of classes from empty tensor.");
            }
            numClasses = (int) Math.min(Integer.MAX_VALUE, Arrays.stream(v).max().getAsLong() + 1);
        } else if (numClasses < 0) {
            throw new IllegalArgumentException("one_hot: num_classes must be -1 or non-negative, got " + numClasses);
        }
        int[] shape = Arrays.copyOf(t.shape().toArray(), t.dim() + 1);
        shape[t.dim()] = numClasses;
        long[] out = new long[v.length * numClasses];
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 0 || v[i] >= numClasses) {
                throw new IllegalArgumentException("one_hot: Class values must be in [0, " + numClasses
                        + "), got " + v[i]);
            }
            out[i * numClasses + (int) v[i]] = 1;
        }
        return TensorAccess.wrap(new LongStorage(out), shape);
    }
}
