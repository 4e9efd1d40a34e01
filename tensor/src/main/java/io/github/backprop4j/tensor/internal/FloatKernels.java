package io.github.backprop4j.tensor.internal;

/**
 * The inner loops of the float32 kernels, over contiguous runs of primitive arrays, in plain
 * Java. {@link Kernels#active()} returns either this class or its SIMD subclass
 * ({@code internal.simd.SimdFloatKernels}, on {@code jdk.incubator.vector}), which overrides the
 * hot loops and hands its tails (the last {@code n mod lanes} elements) back to these methods,
 * so every formula is written once here.
 *
 * <p>Why these loops exist: the generic kernels read and write through {@link Storage#get} and
 * {@link Storage#set} (a virtual call and a double conversion per element) and apply an
 * {@link BinaryOp} through a virtual call per element. Here each op has its own tight loop on
 * {@code float[]}, which the JIT compiles to straight-line code (and often auto-vectorizes).
 *
 * <p>Results are bit-identical to the generic kernels: for +, −, ·, / a float32 result computed
 * in double and rounded to float equals the float operation itself, since double has more than
 * 2·24 + 2 bits of precision.
 *
 * <p>All ranges are {@code [offset, offset + n)}; callers check bounds and shapes.
 */
public class FloatKernels {

    /** The plain kernels; the SIMD subclass is made reflectively by {@link Kernels}. */
    protected FloatKernels() {
    }

    /** A short description of this implementation, for {@code Vectorization.describe()}. */
    public String describe() {
        return "plain Java";
    }

    /** True when the operation has its own loop here (add, sub, mul, div); others go the generic way. */
    public static boolean hasLoop(BinaryOp op) {
        return op == BinaryOp.ADD || op == BinaryOp.SUB || op == BinaryOp.MUL || op == BinaryOp.DIV;
    }

    /** True when the function has its own loop here (see {@link #unary}). */
    public static boolean hasLoop(UnaryOp op) {
        return switch (op) {
            case NEG, ABS, RELU, SQUARE, EXP, SQRT -> true;
            default -> false;
        };
    }

    // ------------------------------------------------------------------ elementwise, two operands

    /**
     * {@code out[o + i] = x[xo + i] op y[yo + i]} for {@code i < n}; op is one that
     * {@link #hasLoop(BinaryOp)}.
     */
    public void binary(BinaryOp op, float[] x, int xo, float[] y, int yo, float[] out, int oo, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) { out[oo + i] = x[xo + i] + y[yo + i]; } }
            case SUB -> { for (int i = 0; i < n; i++) { out[oo + i] = x[xo + i] - y[yo + i]; } }
            case MUL -> { for (int i = 0; i < n; i++) { out[oo + i] = x[xo + i] * y[yo + i]; } }
            case DIV -> { for (int i = 0; i < n; i++) { out[oo + i] = x[xo + i] / y[yo + i]; } }
            default -> throw new IllegalArgumentException("no float32 loop for " + op);
        }
    }

    /** {@code out[o + i] = x[xo + i] op s}: a broadcast scalar (or size-1 dim) on the right. */
    public void binaryScalarRight(BinaryOp op, float[] x, int xo, float s, float[] out, int oo, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) { out[oo + i] = x[xo + i] + s; } }
            case SUB -> { for (int i = 0; i < n; i++) { out[oo + i] = x[xo + i] - s; } }
            case MUL -> { for (int i = 0; i < n; i++) { out[oo + i] = x[xo + i] * s; } }
            case DIV -> { for (int i = 0; i < n; i++) { out[oo + i] = x[xo + i] / s; } }
            default -> throw new IllegalArgumentException("no float32 loop for " + op);
        }
    }

    /** {@code out[o + i] = s op y[yo + i]}: a broadcast scalar on the left (as in {@code 1 − p}). */
    public void binaryScalarLeft(BinaryOp op, float s, float[] y, int yo, float[] out, int oo, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) { out[oo + i] = s + y[yo + i]; } }
            case SUB -> { for (int i = 0; i < n; i++) { out[oo + i] = s - y[yo + i]; } }
            case MUL -> { for (int i = 0; i < n; i++) { out[oo + i] = s * y[yo + i]; } }
            case DIV -> { for (int i = 0; i < n; i++) { out[oo + i] = s / y[yo + i]; } }
            default -> throw new IllegalArgumentException("no float32 loop for " + op);
        }
    }

    /**
     * {@code c[co + r·n + j] += v[vo + j]} for r &lt; rows, j &lt; n: a row vector (a bias) added to
     * every row of a row-major matrix, in one call rather than one per row.
     */
    public void addToRows(float[] v, int vo, float[] c, int co, int rows, int n) {
        for (int r = 0, o = co; r < rows; r++, o += n) {
            for (int j = 0; j < n; j++) {
                c[o + j] += v[vo + j];
            }
        }
    }

    /** {@code out[oo + i] = x[xo + i] − s·y[yo + i]}: two IEEE roundings, the product's first. */
    public void subtractScaled(float[] x, int xo, float s, float[] y, int yo, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i] = x[xo + i] - s * y[yo + i];
        }
    }

    /**
     * {@code out[oo + j] = Σ_r x[xo + r·n + j]} for j &lt; n: the sums of a row-major rows×n
     * matrix's columns (a bias gradient), each added in float from 0, rows in ascending order.
     * Four columns at a time, so that four independent sums are in flight.
     */
    public void columnSums(float[] x, int xo, int rows, int n, float[] out, int oo) {
        columnSumsFrom(0, x, xo, rows, n, out, oo);
    }

    /** {@link #columnSums} of the columns from {@code first} on. */
    protected static void columnSumsFrom(int first, float[] x, int xo, int rows, int n, float[] out, int oo) {
        int j = first;
        int end = xo + rows * n;
        for (; j + 4 <= n; j += 4) {
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            for (int o = xo + j; o < end; o += n) {
                s0 += x[o];
                s1 += x[o + 1];
                s2 += x[o + 2];
                s3 += x[o + 3];
            }
            out[oo + j] = s0;
            out[oo + j + 1] = s1;
            out[oo + j + 2] = s2;
            out[oo + j + 3] = s3;
        }
        for (; j < n; j++) {
            float s = 0;
            for (int o = xo + j; o < end; o += n) {
                s += x[o];
            }
            out[oo + j] = s;
        }
    }

    // ------------------------------------------------------------------ elementwise, one operand

    /**
     * e^x of one float, the formula of every float32 e^x in these kernels: here
     * {@code Math.exp} in double rounded to float (bit-identical to the generic kernel); the SIMD
     * subclass uses {@link FloatExp}, the formula of its vector lanes, in its tails too. Either
     * gives the same bits at every JIT tier.
     */
    protected float exp(float x) {
        return (float) Math.exp(x);
    }

    /**
     * {@code out[o + i] = f(x[xo + i])} for f one that {@link #hasLoop(UnaryOp)}: −x, |x|,
     * relu(x) = (x &gt; 0 or NaN ? x : +0), x², e^x ({@link #exp(float)}) and √x. √x goes
     * through double, as the generic kernel does.
     */
    public void unary(UnaryOp op, float[] x, int xo, float[] out, int oo, int n) {
        switch (op) {
            case NEG -> { for (int i = 0; i < n; i++) { out[oo + i] = -x[xo + i]; } }
            case ABS -> { for (int i = 0; i < n; i++) { out[oo + i] = Math.abs(x[xo + i]); } }
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    float v = x[xo + i];
                    out[oo + i] = v <= 0 ? 0f : v; // NaN > 0 and NaN <= 0 are both false: NaN stays
                }
            }
            case SQUARE -> { for (int i = 0; i < n; i++) { float v = x[xo + i]; out[oo + i] = v * v; } }
            case EXP -> { for (int i = 0; i < n; i++) { out[oo + i] = exp(x[xo + i]); } }
            case SQRT -> { for (int i = 0; i < n; i++) { out[oo + i] = (float) Math.sqrt(x[xo + i]); } }
            default -> throw new IllegalArgumentException("no float32 loop for " + op);
        }
    }

    /**
     * relu's backward: {@code out[o + i] = x[xo + i] ≤ 0 ? 0 : g[go + i]} (0 at x = 0, as
     * PyTorch's {@code threshold_backward}; a NaN x passes g, as {@code maskedFill(x ≤ 0, 0)} does).
     */
    public void reluBackward(float[] x, int xo, float[] g, int go, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i] = x[xo + i] <= 0 ? 0f : g[go + i];
        }
    }

    // ------------------------------------------------------------------ row reductions (softmax family)

    /** max over {@code x[xo .. xo+n)}; NaN if any element is NaN; −∞ for n = 0. */
    public float max(float[] x, int xo, int n) {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            float v = x[xo + i];
            if (v != v) {
                return v;
            }
            m = v > m ? v : m;
        }
        return m;
    }

    /** max over {@code x[xo .. xo+n)}; NaN if any element is NaN; −∞ for n = 0. */
    public double max(double[] x, int xo, int n) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = x[xo + i];
            if (v != v) {
                return v;
            }
            m = v > m ? v : m;
        }
        return m;
    }

    /**
     * The softmax numerator and denominator of one row: {@code out[o + i] = e^(x[xo + i] − shift)}
     * and the return value Σ_i out[o + i], accumulated in double, e^x being {@link #exp(float)}.
     * The SIMD version adds lane-wise partial sums, a different order, but a fixed one.
     */
    public double expSum(float[] x, int xo, float shift, float[] out, int oo, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            float e = exp(x[xo + i] - shift);
            out[oo + i] = e;
            s += e;
        }
        return s;
    }

    /** The softmax denominator alone: {@link #expSum(float[], int, float, float[], int, int)} writing nothing. */
    public double sumExp(float[] x, int xo, float shift, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += exp(x[xo + i] - shift);
        }
        return s;
    }

    /**
     * {@code out[o + i] = e^(x[xo + i] − shift)} and their sum, in double throughout (the
     * evaluation order of PyTorch's log_softmax: losses.md §2.2). The SIMD kernels use this one
     * too: the Vector API's e^x in double gives different bits interpreted and compiled.
     */
    public double expSum(double[] x, int xo, double shift, double[] out, int oo, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.exp(x[xo + i] - shift);
            out[oo + i] = e;
            s += e;
        }
        return s;
    }

    /**
     * A scaled softmax row, recomputed: {@code out[o + i] = e^(x[xo + i] − shift) · scale}, the
     * exponential as in {@link #expSum(float[], int, float, float[], int, int)} and one float
     * product. With shift = max and scale = c / Σ e^(x − max) this writes c·softmax(x).
     */
    public void expScale(float[] x, int xo, float shift, float scale, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i] = exp(x[xo + i] - shift) * scale;
        }
    }

    // ------------------------------------------------------------------ matrix product

    /**
     * Rows {@code [i0, i1)} of C = A·B, C (m×n) row-major at {@code cOff}; A is read as
     * {@code A[i][p] = a[aOff + i·ars + p·acs]} and B as {@code B[p][j] = b[bOff + p·brs + j·bcs]},
     * so a transposed operand is read in place. See {@link MatMul#plainRows} for the kernel.
     *
     * <p>Each C element is one chain {@code s = fma(A[i][p], B[p][j], s)} over p ascending,
     * whichever tile or thread computes it, so the result does not depend on how the rows are
     * split, nor on whether these kernels or the SIMD ones compute it.
     */
    public final void matmulRows(float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs, int bcs,
                                 float[] c, int cOff, int i0, int i1, int k, int n) {
        matmulRows(a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, n, i0, i1, k, n);
    }

    /**
     * {@link #matmulRows(float[], int, int, int, float[], int, int, int, float[], int, int, int, int, int)}
     * with C's rows {@code ldc} apart: n columns of a wider C, for a pool that splits C's columns.
     */
    public void matmulRows(float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs, int bcs,
                           float[] c, int cOff, int ldc, int i0, int i1, int k, int n) {
        MatMul.plainRows(a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, i0, i1, k, n);
    }

    /**
     * The whole of C = A·B for a small product (m·k·n below {@link SmallMatMul#THRESHOLD}), C
     * contiguous at {@code cOff}, operands read as in {@link #matmulRows}: the layers of a toy
     * model, where set-up costs more than arithmetic. Plain: {@link SmallMatMul}.
     */
    public void matmulSmall(float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs, int bcs,
                            float[] c, int cOff, int m, int k, int n) {
        SmallMatMul.multiply(a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, m, k, n);
    }

    /**
     * 2·m·k·n at or above which a product splits its rows over the {@link Parallel} pool. Below,
     * handing rows to another thread (some 10–20 µs) costs more than it saves. Measured on
     * 2 cores (benchmarks/README.md): the plain kernel breaks even near 2–4 million operations
     * and gains up to 1.6× at 4.2 M (128³); the SIMD kernel, ten times faster, breaks even near
     * 16 million and gains 1.4× at 25.7 M (64×784·784×256).
     */
    public long parallelFlops() {
        return 1L << 22;
    }
}
