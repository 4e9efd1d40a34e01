package io.github.backprop4j.tensor;

import io.github.backprop4j.tensor.internal.BinaryOp;
import io.github.backprop4j.tensor.internal.DoubleStorage;
import io.github.backprop4j.tensor.internal.FloatStorage;
import io.github.backprop4j.tensor.internal.Kernels;
import io.github.backprop4j.tensor.internal.MatMul;
import io.github.backprop4j.tensor.internal.Parallel;
import io.github.backprop4j.tensor.internal.TensorAccess;
import io.github.backprop4j.tensor.internal.UnaryOp;
import org.jspecify.annotations.Nullable;

/**
 * Raw-array access and the few float32 kernels that the fast paths of the other modules use
 * (ReLU's backward, SGD's step, the fused linear layer, cross-entropy's softmax rows), so that
 * they need nothing from the kernel package, which is not exported.
 *
 * <p>Rules: an array handed out by {@link #floats} or {@link #doubles} is the tensor's own
 * storage — read it, never write into it (tensors are values, and views share storage); the
 * tensor's element {@code i} in row-major order is at {@code t.offset() + i}. An array handed
 * to {@link #wrapFloats} or {@link #wrapDoubles} becomes the new tensor's storage — the caller
 * must not keep writing into it. The kernels are the active ones (plain Java, or SIMD when the
 * JVM runs with {@code jdk.incubator.vector}); each names its arrays with an offset and a length.
 */
public final class RawKernels {
    private RawKernels() {
    }

    /** The storage array of a contiguous float32 tensor (elements from {@code t.offset()}), else null. */
    public static float @Nullable [] floats(Tensor t) {
        return t.dtype() == DType.FLOAT32 && t.isContiguous() && TensorAccess.storage(t) instanceof FloatStorage f ? f.data() : null;
    }

    /** The storage array of a contiguous float64 tensor (elements from {@code t.offset()}), else null. */
    public static double @Nullable [] doubles(Tensor t) {
        return t.dtype() == DType.FLOAT64 && t.isContiguous() && TensorAccess.storage(t) instanceof DoubleStorage d ? d.data() : null;
    }

    /** A contiguous float32 tensor of {@code shape} over {@code data}, which it takes over (no copy). */
    public static Tensor wrapFloats(float[] data, int... shape) {
        return TensorAccess.wrap(new FloatStorage(data), shape);
    }

    /** A contiguous float64 tensor of {@code shape} over {@code data}, which it takes over (no copy). */
    public static Tensor wrapDoubles(double[] data, int... shape) {
        return TensorAccess.wrap(new DoubleStorage(data), shape);
    }

    /** out[i] = x[i] &gt; 0 ? g[i] : 0, for n elements. */
    public static void reluBackward(float[] x, int xo, float[] g, int go, float[] out, int oo, int n) {
        Kernels.active().reluBackward(x, xo, g, go, out, oo, n);
    }

    /** c[r·n + j] += v[j] for each of {@code rows} rows of n: a bias added to every row. */
    public static void addToRows(float[] v, int vo, float[] c, int co, int rows, int n) {
        Kernels.active().addToRows(v, vo, c, co, rows, n);
    }

    /**
     * c = a·b for an m×k a and a k×n b, each read through a row stride and a column stride (so
     * a transpose is read in place), into a row-major m×n c (overwritten).
     */
    public static void matmul(float[] a, int aOff, int aRowStride, int aColStride, float[] b, int bOff,
                              int bRowStride, int bColStride, float[] c, int cOff, int m, int k, int n) {
        MatMul.multiply(a, aOff, aRowStride, aColStride, b, bOff, bRowStride, bColStride, c, cOff, m, k, n);
    }

    /** max of x[xo .. xo + n) (NaN if any is NaN). */
    public static float max(float[] x, int xo, int n) {
        return Kernels.active().max(x, xo, n);
    }

    /** Σ e^(x[i] − shift), summed in double. */
    public static double sumExp(float[] x, int xo, float shift, int n) {
        return Kernels.active().sumExp(x, xo, shift, n);
    }

    /** out[i] = e^(x[i] − shift); returns their sum, in double. */
    public static double expSum(float[] x, int xo, float shift, float[] out, int oo, int n) {
        return Kernels.active().expSum(x, xo, shift, out, oo, n);
    }

    /** out[i] = e^(x[i]) (in place when out is x). */
    public static void exp(float[] x, int xo, float[] out, int oo, int n) {
        Kernels.active().unary(UnaryOp.EXP, x, xo, out, oo, n);
    }

    /** out[i] = x[i]·s (in place when out is x). */
    public static void scale(float[] x, int xo, float s, float[] out, int oo, int n) {
        Kernels.active().binaryScalarRight(BinaryOp.MUL, x, xo, s, out, oo, n);
    }

    /** out[i] = e^(x[i] − shift)·scale. */
    public static void expScale(float[] x, int xo, float shift, float scale, float[] out, int oo, int n) {
        Kernels.active().expScale(x, xo, shift, scale, out, oo, n);
    }

    /** Work on a range [from, to) of indices, for {@link #forRange}. */
    public interface RangeTask {
        void run(int from, int to);
    }

    /**
     * Runs {@code task} over [0, count) cut into consecutive parts (boundaries multiples of
     * {@code grain}) on the library's pool, the caller taking the first part; returns when all
     * are done, rethrowing a task's exception.
     */
    public static void forRange(int count, int grain, RangeTask task) {
        Parallel.forRange(count, grain, task::run);
    }
}
