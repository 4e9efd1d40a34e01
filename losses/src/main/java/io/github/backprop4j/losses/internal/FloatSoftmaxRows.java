package io.github.backprop4j.losses.internal;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.RawKernels;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * The softmax of float32 logits whose classes are contiguous, computed by cross-entropy's forward
 * pass for its backward without copying the input to double: the float32 storage is read in
 * place, and
 *
 * <pre>
 *   p[r, c] = e[r, c] / sum[r],    e[r, c] = e^(x[r, c] − max[r]),    sum[r] = Σ_c e[r, c]
 * </pre>
 *
 * with the active float kernels ({@link RawKernels}) (exponentials in float, sums in double).
 *
 * <p>When a backward will follow, the forward keeps e (row-major, the size of x), and the first
 * backward turns it into the gradient in place, coef_r·p − onehot: one multiply per element
 * instead of a second e^x, and no second array. A later backward of the same graph (retained)
 * finds e taken and recomputes it from x. Without a backward only max and sum are kept.
 */
public final class FloatSoftmaxRows {
    /**
     * Elements at or above which the rows are shared out over the library's pool (the
     * hand-off, some 10–20 µs, is then a few percent of the work). Rows are independent, so the
     * result does not depend on the split.
     */
    static final int PARALLEL_ELEMENTS = 1 << 17;

    /**
     * Rows of at most this many classes take e^x in one pass over all their elements at once
     * rather than row by row: a row of 3 classes is shorter than one vector, so the row-wise
     * kernels would never use vectors.
     */
    static final int FEW_CLASSES = 16;

    private final Layout layout;
    private final float[] max;
    private final double[] sum;
    private float @Nullable [] exps;

    private FloatSoftmaxRows(Layout layout, float[] max, double[] sum, float @Nullable [] exps) {
        this.layout = layout;
        this.max = max;
        this.sum = sum;
        this.exps = exps;
    }

    /**
     * The storage array of {@code x} when this path applies: float32, contiguous, classes last
     * ({@code layout.inner() == 1}); else null. Row r starts at {@code x.offset() + r·C}.
     */
    public static float @Nullable [] data(Tensor x, Layout layout) {
        return layout.inner() == 1 ? RawKernels.floats(x) : null;
    }

    /**
     * max and sum of every row of x ({@code data} being {@link #data}, rows from {@code offset}),
     * and e when {@code forBackward}.
     */
    public static FloatSoftmaxRows of(float[] data, int offset, Layout layout, boolean forBackward) {
        int classes = layout.classes();
        float[] max = new float[layout.rows()];
        double[] sum = new double[max.length];
        boolean fewClasses = classes <= FEW_CLASSES;
        if (forBackward && !fewClasses && layout.numel() >= PARALLEL_ELEMENTS) {
            return maxesWhileAllocating(data, offset, layout, max, sum);
        }
        float[] exps = forBackward || fewClasses ? new float[layout.numel()] : null;
        forRows(layout, (r0, r1) -> {
            if (fewClasses) {
                fewClasses(data, offset, classes, r0, r1, max, sum, exps);
                return;
            }
            for (int r = r0, base = offset + r0 * classes; r < r1; r++, base += classes) {
                max[r] = RawKernels.max(data, base, classes);
                sum[r] = exps == null ? RawKernels.sumExp(data, base, max[r], classes)
                        : RawKernels.expSum(data, base, max[r], exps, r * classes, classes);
            }
        });
        return new FloatSoftmaxRows(layout, max, sum, forBackward ? exps : null);
    }

    /**
     * {@link #of} for a backward on a large input, in two passes: one thread allocates e's array
     * (which the JVM clears, on that thread alone: over 1 ms for 4096×1000) while the other
     * finds every row's max; then both take e and the sums, row by row.
     */
    private static FloatSoftmaxRows maxesWhileAllocating(float[] data, int offset, Layout layout, float[] max,
                                                         double[] sum) {
        int classes = layout.classes();
        float[][] allocated = new float[1][];
        RawKernels.forRange(2, 1, (first, end) -> {
            for (int part = first; part < end; part++) {
                if (part == 0) {
                    allocated[0] = new float[layout.numel()];
                } else {
                    for (int r = 0; r < max.length; r++) {
                        max[r] = RawKernels.max(data, offset + r * classes, classes);
                    }
                }
            }
        });
        float[] exps = allocated[0];
        forRows(layout, (r0, r1) -> {
            for (int r = r0, base = offset + r0 * classes; r < r1; r++, base += classes) {
                sum[r] = RawKernels.expSum(data, base, max[r], exps, r * classes, classes);
            }
        });
        return new FloatSoftmaxRows(layout, max, sum, exps);
    }

    /**
     * Rows [r0, r1) of max, sum and e, with the formulas of the row-wise kernels
     * ({@link RawKernels#expSum}), but x − max written for every row first and e^x taken in
     * one pass over them all.
     */
    private static void fewClasses(float[] data, int offset, int classes, int r0, int r1,
                                   float[] max, double[] sum, float[] exps) {
        for (int r = r0, base = offset + r0 * classes, at = r0 * classes; r < r1; r++, base += classes) {
            float m = RawKernels.max(data, base, classes);
            max[r] = m;
            for (int c = 0; c < classes; c++, at++) {
                exps[at] = data[base + c] - m;
            }
        }
        RawKernels.exp(exps, r0 * classes, exps, r0 * classes, (r1 - r0) * classes);
        for (int r = r0, at = r0 * classes; r < r1; r++, at += classes) {
            double s = 0;
            for (int c = 0; c < classes; c++) {
                s += exps[at + c];
            }
            sum[r] = s;
        }
    }

    /** Runs {@code task} over all rows, split over the pool when there are enough elements. */
    static void forRows(Layout layout, RawKernels.RangeTask task) {
        if (layout.numel() < PARALLEL_ELEMENTS) {
            task.run(0, layout.rows());
        } else {
            RawKernels.forRange(layout.rows(), 1, task);
        }
    }

    /** max[r] = max_c x[r, c]. */
    public float max(int r) {
        return max[r];
    }

    /** sum[r] = Σ_c e^(x[r, c] − max[r]). */
    public double sum(int r) {
        return sum[r];
    }

    /**
     * The gradient {@code dx[r, ·] = coef[r]·(p[r, ·] − onehot(t[r]))} ({@code t[r] < 0}: no
     * one-hot), in e's array if the forward kept it and no earlier backward took it. The target's
     * element is computed from p[r, t] recomputed in double, which keeps it accurate when
     * p[r, t] is close to 1. With coef = 0 a row is 0, or NaN where p is NaN.
     */
    public float[] scaledMinusOneHot(float[] data, int offset, double[] coef, int[] t) {
        float[] kept = exps;
        exps = null;
        float[] out = kept != null ? kept : new float[layout.numel()];
        int classes = layout.classes();
        forRows(layout, (r0, r1) -> {
            for (int r = r0, at = r0 * classes; r < r1; r++, at += classes) {
                float scale = (float) (coef[r] / sum[r]);
                if (kept != null) {
                    RawKernels.scale(out, at, scale, out, at, classes);
                } else {
                    RawKernels.expScale(data, offset + at, max[r], scale, out, at, classes);
                }
                if (t[r] >= 0) {
                    double p = Math.exp((double) data[offset + at + t[r]] - max[r]) / sum[r];
                    out[at + t[r]] = (float) (coef[r] * (p - 1));
                }
            }
        });
        return out;
    }
}
