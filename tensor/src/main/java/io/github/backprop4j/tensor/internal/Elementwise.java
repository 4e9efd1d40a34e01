package io.github.backprop4j.tensor.internal;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;

/**
 * Elementwise kernels: copy, map one operand, combine two (with broadcasting), select among
 * three. Each writes a fresh contiguous tensor. Contiguous operands of equal shape take a flat
 * loop; everything else walks rows with {@link Walk}.
 */
public final class Elementwise {
    private Elementwise() {
    }

    /** A contiguous copy of {@code t} converted to {@code dtype}. */
    public static Tensor copy(Tensor t, DType dtype) {
        int[] shape = t.shape().toArray();
        Storage out = Storage.allocate(dtype, t.numel());
        Storage src = t.storage();
        if (t.isContiguous() && src.dtype() == dtype && t.numel() > 0) {
            copyFlat(src, t.offset(), out, t.numel());
        } else if (src.dtype() == DType.INT64 && dtype == DType.INT64) {
            Walk w = new Walk(shape, new int[] {t.offset()}, t.strides());
            int o = 0;
            for (int r = 0; r < w.rows(); r++, w.nextRow()) {
                for (int j = 0, a = w.offset(0); j < w.rowLength(); j++, a += w.innerStride(0)) {
                    out.setLong(o++, src.getLong(a));
                }
            }
        } else {
            Walk w = new Walk(shape, new int[] {t.offset()}, t.strides());
            int o = 0;
            for (int r = 0; r < w.rows(); r++, w.nextRow()) {
                for (int j = 0, a = w.offset(0); j < w.rowLength(); j++, a += w.innerStride(0)) {
                    out.set(o++, src.get(a));
                }
            }
        }
        return Tensor.wrap(out, shape);
    }

    private static void copyFlat(Storage src, int offset, Storage dst, int n) {
        if (src instanceof FloatStorage f) {
            System.arraycopy(f.data(), offset, ((FloatStorage) dst).data(), 0, n);
        } else if (src instanceof DoubleStorage d) {
            System.arraycopy(d.data(), offset, ((DoubleStorage) dst).data(), 0, n);
        } else {
            System.arraycopy(((LongStorage) src).data(), offset, ((LongStorage) dst).data(), 0, n);
        }
    }

    /** {@code op} applied to every element; the result has dtype {@code outType}. */
    public static Tensor map(UnaryOp op, Tensor t, DType outType) {
        int[] shape = t.shape().toArray();
        Storage out = Storage.allocate(outType, t.numel());
        Storage src = t.storage();
        if (t.isContiguous() && src instanceof FloatStorage f && out instanceof FloatStorage g) {
            float[] a = f.data();
            float[] o = g.data();
            for (int i = 0, s = t.offset(); i < o.length; i++, s++) {
                o[i] = (float) op.apply(a[s]);
            }
        } else if (t.isContiguous() && src instanceof DoubleStorage d && out instanceof DoubleStorage g) {
            double[] a = d.data();
            double[] o = g.data();
            for (int i = 0, s = t.offset(); i < o.length; i++, s++) {
                o[i] = op.apply(a[s]);
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
        return Tensor.wrap(out, shape);
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
        Storage sa = a.storage();
        Storage sb = b.storage();
        boolean flat = a.isContiguous() && b.isContiguous() && a.numel() == n && b.numel() == n;
        if (flat && sa instanceof FloatStorage fa && sb instanceof FloatStorage fb && out instanceof FloatStorage fo) {
            float[] x = fa.data();
            float[] y = fb.data();
            float[] o = fo.data();
            for (int i = 0, p = a.offset(), q = b.offset(); i < n; i++, p++, q++) {
                o[i] = (float) op.apply(x[p], y[q]);
            }
        } else if (flat && sa instanceof DoubleStorage da && sb instanceof DoubleStorage db
                && out instanceof DoubleStorage dout) {
            double[] x = da.data();
            double[] y = db.data();
            double[] o = dout.data();
            for (int i = 0, p = a.offset(), q = b.offset(); i < n; i++, p++, q++) {
                o[i] = op.apply(x[p], y[q]);
            }
        } else {
            Walk w = new Walk(shape, new int[] {a.offset(), b.offset()},
                    broadcastStrides(a, shape), broadcastStrides(b, shape));
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
        return Tensor.wrap(out, shape);
    }

    /** {@code cond != 0 ? a : b}, all three broadcast together; dtype {@code outType}. */
    public static Tensor where(Tensor cond, Tensor a, Tensor b, DType outType) {
        int[] shape = Shape.broadcast("where", Shape.broadcast("where", cond.shape(), a.shape()), b.shape())
                .toArray();
        Storage out = Storage.allocate(outType, Shape.of(shape).numel());
        Storage sc = cond.storage();
        Storage sa = a.storage();
        Storage sb = b.storage();
        Walk w = new Walk(shape, new int[] {cond.offset(), a.offset(), b.offset()},
                broadcastStrides(cond, shape), broadcastStrides(a, shape), broadcastStrides(b, shape));
        int o = 0;
        for (int r = 0; r < w.rows(); r++, w.nextRow()) {
            int c = w.offset(0);
            int p = w.offset(1);
            int q = w.offset(2);
            for (int j = 0; j < w.rowLength(); j++) {
                out.set(o++, sc.get(c) != 0 ? sa.get(p) : sb.get(q));
                c += w.innerStride(0);
                p += w.innerStride(1);
                q += w.innerStride(2);
            }
        }
        return Tensor.wrap(out, shape);
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
