package io.github.backprop4j.losses.internal;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import io.github.backprop4j.tensor.internal.BinaryOp;
import io.github.backprop4j.tensor.internal.FloatKernels;
import io.github.backprop4j.tensor.internal.FloatStorage;
import io.github.backprop4j.tensor.internal.Kernels;
import io.github.backprop4j.tensor.internal.Parallel;
import io.github.backprop4j.tensor.internal.UnaryOp;
import org.jspecify.annotations.Nullable;

/**
 * The softmax-family kernels, one pass per row (see {@link Layout}), in PyTorch's evaluation
 * order (losses.md §2.2):
 *
 * <pre>
 *   m = max_j x_j      s = Σ_j exp(x_j − m)
 *   log_softmax_i = (x_i − m) − log s          softmax_i = exp(x_i − m) · (1 / s)
 * </pre>
 *
 * Logits of ±1e4 stay exact; a −inf logit gives −inf / 0 there; a row of all −inf, or with a
 * +inf or NaN, is NaN throughout (x − m is NaN), as in PyTorch.
 */
public final class SoftmaxKernels {
    private SoftmaxKernels() {
    }

    /**
     * The softmax of float32 logits whose classes are contiguous, kept by the forward pass for the
     * backward without copying the input to double: the float32 storage is read in place, and
     *
     * <pre>
     *   p[r, c] = e^(x[r, c] − max[r]) / sum[r],    sum[r] = Σ_c e^(x[r, c] − max[r])
     * </pre>
     *
     * with the {@link Kernels#active() active} float kernels (exponentials in float, sums in
     * double). Where e^x is {@link FloatKernels#cheapExp() cheap} (SIMD) only max and sum are kept
     * and the backward recomputes p (measured: 4096×1000, one thread, SIMD: a pass of e^x·c costs
     * 1.8 ms, allocating and writing p 16 MB more than that); otherwise p itself is kept
     * ({@code softmax}, row-major; plain: e^x in double costs some 20 ms a pass). Rows of
     * {@link #FEW_CLASSES} or fewer always keep p: it is small, and the backward then needs no e^x.
     */
    public record FloatRows(float[] max, double[] sum, float @Nullable [] softmax) {

        /**
         * The storage array of {@code x} when this path applies: float32, contiguous, classes
         * last ({@code layout.inner() == 1}); else null. Row r starts at {@code x.offset() + r·C}.
         */
        static float @Nullable [] data(Tensor x, Layout layout) {
            return x.dtype() == DType.FLOAT32 && x.isContiguous() && layout.inner() == 1
                    && x.storage() instanceof FloatStorage f ? f.data() : null;
        }

        /**
         * Elements at or above which the rows are shared out over the {@link Parallel} pool (the
         * hand-off, some 10–20 µs, is then a few percent of the work). Rows are independent, so the
         * result does not depend on the split.
         */
        static final int PARALLEL_ELEMENTS = 1 << 17;

        /**
         * Rows of at most this many classes keep p whatever the kernels, and compute it with one
         * e^x pass over all their elements at once rather than row by row: a row of 3 classes is
         * shorter than one vector, so the row-wise kernels would never use vectors.
         */
        static final int FEW_CLASSES = 16;

        /** max, sum (and p unless e^x is cheap) of every row of {@code x}, {@code data} being {@link #data}. */
        static FloatRows of(float[] data, int offset, Layout layout) {
            int classes = layout.classes();
            float[] max = new float[layout.rows()];
            double[] sum = new double[max.length];
            boolean fewClasses = classes <= FEW_CLASSES;
            float[] p = fewClasses || !Kernels.active().cheapExp() ? new float[layout.numel()] : null;
            forRows(layout, (r0, r1) -> {
                if (fewClasses) {
                    fewClasses(data, offset, classes, r0, r1, max, sum, p);
                    return;
                }
                FloatKernels k = Kernels.active();
                float[] scratch = p != null ? p : new float[classes];
                for (int r = r0, base = offset + r0 * classes; r < r1; r++, base += classes) {
                    int at = p != null ? r * classes : 0;
                    max[r] = k.max(data, base, classes);
                    sum[r] = k.expSum(data, base, max[r], scratch, at, classes);
                    if (p != null) {
                        k.binaryScalarRight(BinaryOp.MUL, p, at, (float) (1 / sum[r]), p, at, classes);
                    }
                }
            });
            return new FloatRows(max, sum, p);
        }

        /**
         * Rows [r0, r1) of max, sum and p, with the formulas of the row-wise kernels
         * ({@link FloatKernels#expSum}), but p[r, c] = x[r, c] − max[r] written for every row first
         * and e^p taken in one pass over them all.
         */
        private static void fewClasses(float[] data, int offset, int classes, int r0, int r1,
                                       float[] max, double[] sum, float[] p) {
            FloatKernels k = Kernels.active();
            for (int r = r0, base = offset + r0 * classes, at = r0 * classes; r < r1; r++, base += classes) {
                float m = k.max(data, base, classes);
                max[r] = m;
                for (int c = 0; c < classes; c++, at++) {
                    p[at] = data[base + c] - m;
                }
            }
            k.unary(UnaryOp.EXP, p, r0 * classes, p, r0 * classes, (r1 - r0) * classes);
            for (int r = r0, at = r0 * classes; r < r1; r++, at += classes) {
                double s = 0;
                for (int c = 0; c < classes; c++) {
                    s += p[at + c];
                }
                sum[r] = s;
                k.binaryScalarRight(BinaryOp.MUL, p, at, (float) (1 / s), p, at, classes);
            }
        }

        /** Runs {@code task} over all rows, split over the pool when there are enough elements. */
        static void forRows(Layout layout, Parallel.RangeTask task) {
            if (layout.numel() < PARALLEL_ELEMENTS) {
                task.run(0, layout.rows());
            } else {
                Parallel.forRange(layout.rows(), 1, task);
            }
        }

        /**
         * Writes {@code coef·p[r, ·]} into {@code out[r·C ..)} (one pass), then, unless t &lt; 0,
         * {@code out[r·C + t] = coef·(p[r, t] − 1)} with p[r, t] recomputed in double, which keeps
         * the target's gradient accurate when p[r, t] is close to 1. With coef = 0 the row is 0, or
         * NaN where p is NaN.
         */
        void scaledMinusOneHot(float[] data, int offset, int r, double coef, int t, float[] out) {
            int classes = out.length / max.length;
            int base = offset + r * classes;
            int at = r * classes;
            if (softmax != null) {
                Kernels.active().binaryScalarRight(BinaryOp.MUL, softmax, at, (float) coef, out, at, classes);
            } else {
                Kernels.active().expScale(data, base, max[r], (float) (coef / sum[r]), out, at, classes);
            }
            if (t >= 0) {
                double p = Math.exp((double) data[base + t] - max[r]) / sum[r];
                out[at + t] = (float) (coef * (p - 1));
            }
        }
    }

    /** The row maximum m (NaN-propagating). */
    static double rowMax(double[] x, int base, int classes, int stride) {
        double m = Double.NEGATIVE_INFINITY;
        for (int c = 0, k = base; c < classes; c++, k += stride) {
            double v = x[k];
            m = v > m || Double.isNaN(v) ? v : m;
            if (Double.isNaN(m)) {
                return m;
            }
        }
        return m;
    }

    /**
     * Writes exp(x − m) of one row into {@code out} (same positions as in x) and returns their
     * sum s: the shared first half of every softmax-family kernel.
     */
    static double expShifted(double[] x, int base, int classes, int stride, double m, double[] out) {
        double s = 0;
        for (int c = 0, k = base; c < classes; c++, k += stride) {
            double e = Math.exp(x[k] - m);
            out[k] = e;
            s += e;
        }
        return s;
    }

    /** log_softmax (when {@code log}) or softmax of every row of {@code x}. */
    public static double[] forward(double[] x, Layout layout, boolean log) {
        double[] out = new double[x.length];
        int classes = layout.classes();
        int stride = layout.inner();
        for (int r = 0, rows = layout.rows(); r < rows; r++) {
            int base = layout.base(r);
            double m = rowMax(x, base, classes, stride);
            double s = expShifted(x, base, classes, stride, m, out);
            if (log) {
                double logS = Math.log(s);
                for (int c = 0, k = base; c < classes; c++, k += stride) {
                    out[k] = (x[k] - m) - logS;
                }
            } else {
                double inv = 1 / s;
                for (int c = 0, k = base; c < classes; c++, k += stride) {
                    out[k] *= inv;
                }
            }
        }
        return out;
    }

    /** log_softmax backward: dx_i = g_i − exp(y_i) · Σ_j g_j, with y the log_softmax output. */
    public static double[] logSoftmaxBackward(double[] g, double[] y, Layout layout) {
        double[] dx = new double[g.length];
        int classes = layout.classes();
        int stride = layout.inner();
        for (int r = 0, rows = layout.rows(); r < rows; r++) {
            int base = layout.base(r);
            double sum = 0;
            for (int c = 0, k = base; c < classes; c++, k += stride) {
                sum += g[k];
            }
            for (int c = 0, k = base; c < classes; c++, k += stride) {
                dx[k] = g[k] - Math.exp(y[k]) * sum;
            }
        }
        return dx;
    }

    /** softmax backward: dx_i = y_i · (g_i − Σ_j g_j·y_j), with y the softmax output. */
    public static double[] softmaxBackward(double[] g, double[] y, Layout layout) {
        double[] dx = new double[g.length];
        int classes = layout.classes();
        int stride = layout.inner();
        for (int r = 0, rows = layout.rows(); r < rows; r++) {
            int base = layout.base(r);
            double dot = 0;
            for (int c = 0, k = base; c < classes; c++, k += stride) {
                dot += g[k] * y[k];
            }
            for (int c = 0, k = base; c < classes; c++, k += stride) {
                dx[k] = y[k] * (g[k] - dot);
            }
        }
        return dx;
    }
}
