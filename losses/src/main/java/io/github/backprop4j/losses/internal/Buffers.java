package io.github.backprop4j.losses.internal;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.RawKernels;
import io.github.backprop4j.tensor.Tensor;

/**
 * Moves tensor elements in and out of flat {@code double[]} arrays for the loss kernels. Kernels
 * compute in double precision and round once when they write a float32 result.
 */
public final class Buffers {
    private Buffers() {
    }

    /**
     * The elements of {@code t} in row-major order. For a contiguous float64 tensor that covers its
     * whole storage this is the storage array itself: callers must never write into the result.
     */
    public static double[] read(Tensor t) {
        int n = t.numel();
        double[] a = RawKernels.doubles(t);
        if (a != null) {
            if (t.offset() == 0 && a.length == n) {
                return a;
            }
            double[] out = new double[n];
            System.arraycopy(a, t.offset(), out, 0, n);
            return out;
        }
        float[] f = RawKernels.floats(t);
        if (f != null) {
            double[] out = new double[n];
            for (int i = 0, j = t.offset(); i < n; i++, j++) {
                out[i] = f[j];
            }
            return out;
        }
        return t.toDoubleArray();
    }

    /** The elements of an int64 tensor in row-major order. */
    public static long[] readLong(Tensor t) {
        return t.toLongArray();
    }

    /** A fresh tensor of {@code dtype} and {@code shape} holding {@code data} (rounded once for float32). */
    public static Tensor make(double[] data, DType dtype, int[] shape) {
        if (dtype == DType.FLOAT64) {
            return RawKernels.wrapDoubles(data, shape);
        }
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) data[i];
        }
        return RawKernels.wrapFloats(f, shape);
    }

    /** A 0-d tensor holding {@code value}. */
    public static Tensor scalar(double value, DType dtype) {
        return make(new double[] {value}, dtype, new int[0]);
    }
}
