package io.github.backprop4j.losses.internal;

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
