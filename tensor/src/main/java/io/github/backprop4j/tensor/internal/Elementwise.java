package io.github.backprop4j.tensor.internal;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;

/**
 * Elementwise kernels: copy, map one operand, combine two (with broadcasting), select among
 * three. Each writes a fresh contiguous tensor.
 *
 * <p>Fast paths, because toy models spend their time in many small ops: float32 add, sub, mul
 * and div run the {@link FloatKernels} loops (plain or SIMD) over whole contiguous operands, a
 * contiguous operand and a scalar, or row by row when one operand is broadcast along rows (the
 * bias of {@code x·Wᵀ + b}, shape (N, C) + (C)). Everything else walks rows with {@link Walk},
 * reading float32 and float64 arrays directly. Two int64 operands with an int64 result are
 * combined in exact {@code long} arithmetic ({@link BinaryOp#applyLong}), so values beyond 2^53
 * survive and overflow wraps around as in PyTorch; other dtype mixes go through {@link Storage#get}.
 */
public final class Elementwise {
    private Elementwise() {
    }

    /** A contiguous copy of {@code t} converted to {@code dtype}. */
    public static Tensor copy(Tensor t, DType dtype) {
        int[] shape = t.shape().toArray();
        Storage out = Storage.allocate(dtype, t.numel());
        Storage src = TensorAccess.storage(t);
        if (t.isContiguous() && src.dtype() == dtype && t.numel() > 0) {
            copyBlock(src, t.offset(), out, 0, t.numel());
        } else {
            Walk w = new Walk(shape, new int[] {t.offset()}, t.strides());
            int len = w.rowLength();
            for (int r = 0; r < w.rows(); r++, w.nextRow()) {
                copyRow(src, w.offset(0), w.innerStride(0), out, r * len, len);
            }
        }
        return TensorAccess.wrap(out, shape);
    }

    /** {@code dst[to + j] = src[from + j]} for j &lt; n, both storages of one dtype: one array copy. */
    static void copyBlock(Storage src, int from, Storage dst, int to, int n) {
        if (src instanceof FloatStorage f) {
            System.arraycopy(f.data(), from, ((FloatStorage) dst).data(), to, n);
        } else if (src instanceof DoubleStorage d) {
            System.arraycopy(d.data(), from, ((DoubleStorage) dst).data(), to, n);
        } else {
            System.arraycopy(((LongStorage) src).data(), from, ((LongStorage) dst).data(), to, n);
        }
    }

    /** {@code dst[o + j] = src[a + j·step]} for j &lt; len, converted as {@link Storage#set} does. */
    private static void copyRow(Storage src, int a, int step, Storage dst, int o, int len) {
        if (src instanceof FloatStorage f && dst instanceof FloatStorage g) {
            float[] x = f.data();
            float[] y = g.data();
            for (int j = 0; j < len; j++, a += step) {
                y[o + j] = x[a];
            }
        } else if (src instanceof FloatStorage f && dst instanceof DoubleStorage g) {
            float[] x = f.data();
            double[] y = g.data();
            for (int j = 0; j < len; j++, a += step) {
                y[o + j] = x[a];
            }
        } else if (src instanceof DoubleStorage f && dst instanceof DoubleStorage g) {
            double[] x = f.data();
            double[] y = g.data();
            for (int j = 0; j < len; j++, a += step) {
                y[o + j] = x[a];
            }
        } else if (src instanceof LongStorage f && dst instanceof LongStorage g) {
            long[] x = f.data();
            long[] y = g.data();
            for (int j = 0; j < len; j++, a += step) {
                y[o + j] = x[a];
            }
        } else {
            for (int j = 0; j < len; j++, a += step) {
                dst.set(o + j, src.get(a));
            }
        }
    }

    /** {@code op} applied to every element; the result has dtype {@code outType}. */
    public static Tensor map(UnaryOp op, Tensor t, DType outType) {
        int[] shape = t.shape().toArray();
        Storage out = Storage.allocate(outType, t.numel());
        Storage src = TensorAccess.storage(t);
        if (t.isContiguous() && src instanceof FloatStorage f && out instanceof FloatStorage g) {
            float[] a = f.data();
            float[] o = g.data();
            if (FloatKernels.hasLoop(op)) {
                Kernels.active().unary(op, a, t.offset(), o, 0, o.length);
            } else {
                for (int i = 0, s = t.offset(); i < o.length; i++, s++) {
                    o[i] = (float) op.apply(a[s]);
                }
            }
        } else if (t.isContiguous() && src instanceof DoubleStorage d && out instanceof DoubleStorage g) {
            double[] a = d.data();
            double[] o = g.data();
            for (int i = 0, s = t.offset(); i < o.length; i++, s++) {
                o[i] = op.apply(a[s]);
            }
        } else if (src instanceof LongStorage l && out instanceof LongStorage g) {
            long[] x = l.data();
            long[] o = g.data();
            Walk w = new Walk(shape, new int[] {t.offset()}, t.strides());
            int i = 0;
            for (int r = 0; r < w.rows(); r++, w.nextRow()) {
                for (int j = 0, a = w.offset(0); j < w.rowLength(); j++, a += w.innerStride(0)) {
                    o[i++] = op.applyLong(x[a]);
                }
            }
        } else {
            Walk w = new Walk(shape, new int[] {t.offset()}, t.strides());
            int o = 0;
            for (int r = 0; r < w.rows(); r++, w.nextRow()) {
                for (int j = 0, a = w.offset(0); j < w.rowLength(); j++, a += w.innerStride(0)) {
                    out.set(o++, op.apply(src.get(a)));
                }
            }
        }
        return TensorAccess.wrap(out, shape);
    }

    /**
     * {@code op(a, b)} with NumPy broadcasting; the result has dtype {@code outType}.
     *
     * @throws IllegalArgumentException when the shapes do not broadcast
     */
    public static Tensor combine(BinaryOp op, Tensor a, Tensor b, DType outType) {
        int[] shape = Shape.broadcast(op.opName(), a.shape(), b.shape()).toArray();
        int n = Shape.of(shape).numel();
        Storage out = Storage.allocate(outType, n);
        Storage sa = TensorAccess.storage(a);
        Storage sb = TensorAccess.storage(b);
        boolean aFull = a.isContiguous() && a.numel() == n;
        boolean bFull = b.isContiguous() && b.numel() == n;
        if (sa instanceof FloatStorage fa && sb instanceof FloatStorage fb) {
            float[] x = fa.data();
            float[] y = fb.data();
            if (out instanceof FloatStorage fo && FloatKernels.hasLoop(op)) {
                FloatKernels k = Kernels.active();
                if (aFull && bFull) {
                    k.binary(op, x, a.offset(), y, b.offset(), fo.data(), 0, n);
                } else if (aFull && b.numel() == 1) {
                    k.binaryScalarRight(op, x, a.offset(), y[b.offset()], fo.data(), 0, n);
                } else if (bFull && a.numel() == 1) {
                    k.binaryScalarLeft(op, x[a.offset()], y, b.offset(), fo.data(), 0, n);
                } else {
                    combineRows(op, k, x, y, walk(a, b, shape), fo.data());
                }
            } else {
                combineWalk(op, x, y, walk(a, b, shape), out);
            }
        } else if (aFull && bFull && sa instanceof DoubleStorage da && sb instanceof DoubleStorage db
                && out instanceof DoubleStorage dout) {
            double[] x = da.data();
            double[] y = db.data();
            double[] o = dout.data();
            for (int i = 0, p = a.offset(), q = b.offset(); i < n; i++, p++, q++) {
                o[i] = op.apply(x[p], y[q]);
            }
        } else if (sa instanceof LongStorage la && sb instanceof LongStorage lb && out instanceof LongStorage lo) {
            combineLongs(op, la.data(), lb.data(), walk(a, b, shape), lo.data());
        } else {
            Walk w = walk(a, b, shape);
            int o = 0;
            int da = w.innerStride(0);
            int db = w.innerStride(1);
            for (int r = 0; r < w.rows(); r++, w.nextRow()) {
                int p = w.offset(0);
                int q = w.offset(1);
                for (int j = 0; j < w.rowLength(); j++, p += da, q += db) {
                    out.set(o++, op.apply(sa.get(p), sb.get(q)));
                }
            }
        }
        return TensorAccess.wrap(out, shape);
    }

    private static Walk walk(Tensor a, Tensor b, int[] shape) {
        return new Walk(shape, new int[] {a.offset(), b.offset()}, broadcastStrides(a, shape), broadcastStrides(b, shape));
    }

    /**
     * Row by row with the float32 loops: a row where both operands step by 1 is a
     * {@link FloatKernels#binary}; where one is broadcast along the row (stride 0), a scalar
     * loop; any other strides (transposed views), an indexed loop.
     */
    private static void combineRows(BinaryOp op, FloatKernels k, float[] x, float[] y, Walk w, float[] o) {
        int len = w.rowLength();
        int da = w.innerStride(0);
        int db = w.innerStride(1);
        for (int r = 0, base = 0; r < w.rows(); r++, base += len, w.nextRow()) {
            int p = w.offset(0);
            int q = w.offset(1);
            if (da == 1 && db == 1) {
                k.binary(op, x, p, y, q, o, base, len);
            } else if (da == 1 && db == 0) {
                k.binaryScalarRight(op, x, p, y[q], o, base, len);
            } else if (da == 0 && db == 1) {
                k.binaryScalarLeft(op, x[p], y, q, o, base, len);
            } else {
                for (int j = 0; j < len; j++, p += da, q += db) {
                    o[base + j] = (float) op.apply(x[p], y[q]);
                }
            }
        }
    }

    /** int64 operands and result: exact long arithmetic, wrapping on overflow. */
    private static void combineLongs(BinaryOp op, long[] x, long[] y, Walk w, long[] o) {
        int len = w.rowLength();
        int da = w.innerStride(0);
        int db = w.innerStride(1);
        for (int r = 0, base = 0; r < w.rows(); r++, base += len, w.nextRow()) {
            for (int j = 0, p = w.offset(0), q = w.offset(1); j < len; j++, p += da, q += db) {
                o[base + j] = op.applyLong(x[p], y[q]);
            }
        }
    }

    /** float32 operands, any op and output dtype (comparisons give int64): direct array reads. */
    private static void combineWalk(BinaryOp op, float[] x, float[] y, Walk w, Storage out) {
        int len = w.rowLength();
        int da = w.innerStride(0);
        int db = w.innerStride(1);
        for (int r = 0, base = 0; r < w.rows(); r++, base += len, w.nextRow()) {
            int p = w.offset(0);
            int q = w.offset(1);
            if (out instanceof LongStorage lo) {
                long[] o = lo.data();
                for (int j = 0; j < len; j++, p += da, q += db) {
                    o[base + j] = (long) op.apply(x[p], y[q]);
                }
            } else if (out instanceof FloatStorage fo) {
                float[] o = fo.data();
                for (int j = 0; j < len; j++, p += da, q += db) {
                    o[base + j] = (float) op.apply(x[p], y[q]);
                }
            } else {
                for (int j = 0; j < len; j++, p += da, q += db) {
                    out.set(base + j, op.apply(x[p], y[q]));
                }
            }
        }
    }

    /** {@code cond != 0 ? a : b}, all three broadcast together; dtype {@code outType}. */
    public static Tensor where(Tensor cond, Tensor a, Tensor b, DType outType) {
        int[] shape = Shape.broadcast("where", Shape.broadcast("where", cond.shape(), a.shape()), b.shape())
                .toArray();
        Storage out = Storage.allocate(outType, Shape.of(shape).numel());
        Storage sc = TensorAccess.storage(cond);
        Storage sa = TensorAccess.storage(a);
        Storage sb = TensorAccess.storage(b);
        Walk w = new Walk(shape, new int[] {cond.offset(), a.offset(), b.offset()},
                broadcastStrides(cond, shape), broadcastStrides(a, shape), broadcastStrides(b, shape));
        int len = w.rowLength();
        int dc = w.innerStride(0);
        int da = w.innerStride(1);
        int db = w.innerStride(2);
        if (sc instanceof LongStorage lc && sa instanceof FloatStorage fa && sb instanceof FloatStorage fb
                && out instanceof FloatStorage fo) {
            // masked_fill on float32 with an int64 mask (relu's backward): direct array reads
            long[] m = lc.data();
            float[] x = fa.data();
            float[] y = fb.data();
            float[] o = fo.data();
            for (int r = 0, base = 0; r < w.rows(); r++, base += len, w.nextRow()) {
                for (int j = 0, c = w.offset(0), p = w.offset(1), q = w.offset(2); j < len; j++, c += dc, p += da, q += db) {
                    o[base + j] = m[c] != 0 ? x[p] : y[q];
                }
            }
        } else if (sa instanceof LongStorage la && sb instanceof LongStorage lb && out instanceof LongStorage lo) {
            long[] x = la.data();
            long[] y = lb.data();
            long[] o = lo.data();
            for (int r = 0, base = 0; r < w.rows(); r++, base += len, w.nextRow()) {
                for (int j = 0, c = w.offset(0), p = w.offset(1), q = w.offset(2); j < len; j++, c += dc, p += da, q += db) {
                    o[base + j] = sc.get(c) != 0 ? x[p] : y[q];
                }
            }
        } else {
            for (int r = 0, base = 0; r < w.rows(); r++, base += len, w.nextRow()) {
                for (int j = 0, c = w.offset(0), p = w.offset(1), q = w.offset(2); j < len; j++, c += dc, p += da, q += db) {
                    out.set(base + j, sc.get(c) != 0 ? sa.get(p) : sb.get(q));
                }
            }
        }
        return TensorAccess.wrap(out, shape);
    }

    /**
     * The strides that read {@code t} as if expanded to {@code shape}: leading missing dims and
     * size-1 dims get stride 0.
     */
    public static int[] broadcastStrides(Tensor t, int[] shape) {
        int[] own = t.shape().toArray();
        int[] ownStrides = t.strides();
        int[] s = new int[shape.length];
        int lead = shape.length - own.length;
        for (int i = 0; i < own.length; i++) {
            s[lead + i] = own[i] == 1 && shape[lead + i] != 1 ? 0 : ownStrides[i];
        }
        return s;
    }
}
