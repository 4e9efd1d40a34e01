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

    /**
     * The storage array of a contiguous float32 tensor, for reading only.
     *
     * @param t any tensor
     * @return the array holding {@code t}'s elements in row-major order from {@code t.offset()},
     *     or null if {@code t} is not float32 or not contiguous
     */
    public static float @Nullable [] floats(Tensor t) {
        return t.dtype() == DType.FLOAT32 && t.isContiguous() && TensorAccess.storage(t) instanceof FloatStorage f ? f.data() : null;
    }

    /**
     * The storage array of a contiguous float64 tensor, for reading only.
     *
     * @param t any tensor
     * @return the array holding {@code t}'s elements in row-major order from {@code t.offset()},
     *     or null if {@code t} is not float64 or not contiguous
     */
    public static double @Nullable [] doubles(Tensor t) {
        return t.dtype() == DType.FLOAT64 && t.isContiguous() && TensorAccess.storage(t) instanceof DoubleStorage d ? d.data() : null;
    }

    /**
     * A contiguous float32 tensor over {@code data}, which it takes over (no copy).
     *
     * @param data the elements in row-major order; the caller must not write into it afterwards
     * @param shape the sizes; their product should be {@code data.length}
     * @return a float32 tensor of {@code shape} at offset 0
     */
    public static Tensor wrapFloats(float[] data, int... shape) {
        return TensorAccess.wrap(new FloatStorage(data), shape);
    }

    /**
     * A contiguous float64 tensor over {@code data}, which it takes over (no copy).
     *
     * @param data the elements in row-major order; the caller must not write into it afterwards
     * @param shape the sizes; their product should be {@code data.length}
     * @return a float64 tensor of {@code shape} at offset 0
     */
    public static Tensor wrapDoubles(double[] data, int... shape) {
        return TensorAccess.wrap(new DoubleStorage(data), shape);
    }

    /**
     * ReLU's backward: {@code out[oo + i] = x[xo + i] ≤ 0 ? 0 : g[go + i]} for i &lt; n — the
     * gradient passes where the input was positive (0 at x = 0, as PyTorch's
     * {@code threshold_backward}; a NaN x passes g).
     *
     * @param x the forward input
     * @param xo the offset of its first element
     * @param g the incoming gradient
     * @param go the offset of its first element
     * @param out the gradient with respect to x (may be {@code g} or {@code x}, at the same offset)
     * @param oo the offset of its first element
     * @param n the number of elements
     */
    public static void reluBackward(float[] x, int xo, float[] g, int go, float[] out, int oo, int n) {
        Kernels.active().reluBackward(x, xo, g, go, out, oo, n);
    }

    /**
     * A bias added to every row: {@code c[co + r·n + j] += v[vo + j]} for r &lt; rows, j &lt; n.
     *
     * @param v the row vector (the bias), n elements
     * @param vo the offset of its first element
     * @param c the row-major rows×n matrix, updated in place
     * @param co the offset of its first element
     * @param rows the number of rows of c
     * @param n the length of a row
     */
    public static void addToRows(float[] v, int vo, float[] c, int co, int rows, int n) {
        Kernels.active().addToRows(v, vo, c, co, rows, n);
    }

    /**
     * The sums of a matrix's columns, as a bias gradient {@code Σ_rows g}:
     * {@code out[oo + j] = Σ_r x[xo + r·n + j]}, each added in float from 0 with r ascending, so
     * every kernel gives the same bits.
     *
     * @param x the row-major rows×n matrix
     * @param xo the offset of its first element
     * @param rows the number of rows
     * @param n the length of a row
     * @param out the n sums (overwritten)
     * @param oo the offset of the first sum
     */
    public static void columnSums(float[] x, int xo, int rows, int n, float[] out, int oo) {
        Kernels.active().columnSums(x, xo, rows, n, out, oo);
    }

    /**
     * c = a·b for an m×k a and a k×n b, each read through a row stride and a column stride (so
     * a transpose is read in place), into a row-major m×n c (overwritten):
     * {@code c[cOff + i·n + j] = Σ_p a[aOff + i·aRowStride + p·aColStride] · b[bOff + p·bRowStride + j·bColStride]},
     * accumulated in float like PyTorch's sgemm, over the pool when the product is large.
     *
     * @param a the left operand's storage
     * @param aOff the offset of a's element (0, 0)
     * @param aRowStride the step between a's rows ({@code k} when row-major, 1 for a transposed view)
     * @param aColStride the step between a's columns (1 when row-major)
     * @param b the right operand's storage
     * @param bOff the offset of b's element (0, 0)
     * @param bRowStride the step between b's rows
     * @param bColStride the step between b's columns
     * @param c the result, m·n elements from {@code cOff}, overwritten
     * @param cOff the offset of c's element (0, 0)
     * @param m the rows of a and c
     * @param k the columns of a, rows of b
     * @param n the columns of b and c
     */
    public static void matmul(float[] a, int aOff, int aRowStride, int aColStride, float[] b, int bOff,
                              int bRowStride, int bColStride, float[] c, int cOff, int m, int k, int n) {
        MatMul.multiply(a, aOff, aRowStride, aColStride, b, bOff, bRowStride, bColStride, c, cOff, m, k, n);
    }

    /**
     * The maximum of a row, the shift that keeps softmax's exponentials finite.
     *
     * @param x the array
     * @param xo the offset of the first element
     * @param n the number of elements
     * @return max of {@code x[xo .. xo + n)}; NaN if any element is NaN, −∞ if n is 0
     */
    public static float max(float[] x, int xo, int n) {
        return Kernels.active().max(x, xo, n);
    }

    /**
     * Softmax's denominator alone: {@code Σ_i e^(x[xo + i] − shift)}, each exponential in float,
     * summed in double.
     *
     * @param x the logits
     * @param xo the offset of the first element
     * @param shift subtracted before exponentiating, usually the row's {@link #max}
     * @param n the number of elements
     * @return the sum of the exponentials
     */
    public static double sumExp(float[] x, int xo, float shift, int n) {
        return Kernels.active().sumExp(x, xo, shift, n);
    }

    /**
     * Softmax's numerators and denominator in one pass: {@code out[oo + i] = e^(x[xo + i] − shift)}
     * for i &lt; n, and their sum.
     *
     * @param x the logits
     * @param xo the offset of the first element
     * @param shift subtracted before exponentiating, usually the row's {@link #max}
     * @param out receives the exponentials (may be {@code x})
     * @param oo the offset of the first output element
     * @param n the number of elements
     * @return Σ out[oo + i], accumulated in double
     */
    public static double expSum(float[] x, int xo, float shift, float[] out, int oo, int n) {
        return Kernels.active().expSum(x, xo, shift, out, oo, n);
    }

    /**
     * Elementwise exponential: {@code out[oo + i] = e^(x[xo + i])} for i &lt; n.
     *
     * @param x the input
     * @param xo the offset of its first element
     * @param out the result (in place when it is {@code x} with the same offset)
     * @param oo the offset of its first element
     * @param n the number of elements
     */
    public static void exp(float[] x, int xo, float[] out, int oo, int n) {
        Kernels.active().unary(UnaryOp.EXP, x, xo, out, oo, n);
    }

    /**
     * Multiplication by a scalar: {@code out[oo + i] = x[xo + i]·s} for i &lt; n.
     *
     * @param x the input
     * @param xo the offset of its first element
     * @param s the factor
     * @param out the result (in place when it is {@code x} with the same offset)
     * @param oo the offset of its first element
     * @param n the number of elements
     */
    public static void scale(float[] x, int xo, float s, float[] out, int oo, int n) {
        Kernels.active().binaryScalarRight(BinaryOp.MUL, x, xo, s, out, oo, n);
    }

    /**
     * A scaled difference, as a gradient step: {@code out[oo + i] = x[xo + i] − s·y[yo + i]} for
     * i &lt; n, the product rounded to float before the difference (the bits of
     * {@code x.minus(y.times(s))}), in one pass.
     *
     * @param x the minuend (a parameter)
     * @param xo the offset of its first element
     * @param s the factor (a learning rate)
     * @param y the scaled subtrahend (a gradient)
     * @param yo the offset of its first element
     * @param out the result (in place when it is {@code x} or {@code y} with the same offset)
     * @param oo the offset of its first element
     * @param n the number of elements
     */
    public static void subtractScaled(float[] x, int xo, float s, float[] y, int yo, float[] out, int oo, int n) {
        Kernels.active().subtractScaled(x, xo, s, y, yo, out, oo, n);
    }

    /**
     * A scaled softmax row, recomputed: {@code out[oo + i] = e^(x[xo + i] − shift)·scale} for
     * i &lt; n. With shift = max and scale = c / Σ e^(x − max) this writes c·softmax(x).
     *
     * @param x the logits
     * @param xo the offset of the first element
     * @param shift subtracted before exponentiating, usually the row's {@link #max}
     * @param scale the factor applied to each exponential
     * @param out the result (may be {@code x})
     * @param oo the offset of the first output element
     * @param n the number of elements
     */
    public static void expScale(float[] x, int xo, float shift, float scale, float[] out, int oo, int n) {
        Kernels.active().expScale(x, xo, shift, scale, out, oo, n);
    }

    /** Work on a range [from, to) of indices, for {@link #forRange}. */
    public interface RangeTask {
        /**
         * Processes the indices {@code from} (inclusive) to {@code to} (exclusive); may run on any
         * thread of the pool, concurrently with the other parts.
         *
         * @param from the first index of the part
         * @param to one past the last index of the part
         */
        void run(int from, int to);
    }

    /**
     * Runs {@code task} over [0, count) cut into consecutive parts (boundaries multiples of
     * {@code grain}) on the library's pool, the caller taking the first part; returns when all
     * are done, rethrowing a task's exception.
     *
     * @param count the number of indices, [0, count)
     * @param grain every part boundary is a multiple of it (e.g. a row length, or a cache line)
     * @param task the work, called once per part with that part's range
     */
    public static void forRange(int count, int grain, RangeTask task) {
        Parallel.forRange(count, grain, task::run);
    }
}
