package io.github.backprop4j.tensor.internal;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reductions over a set of dimensions. The reduced dimensions are permuted to the end and copied
 * into one double buffer, so each output element reduces one contiguous run of {@code R} values
 * (R = product of the reduced sizes). Sums accumulate in double precision.
 *
 * <p>Two cases skip the copy: a contiguous float64 tensor reduced over its trailing dims is
 * already in runs; and a sum over the leading dims of a contiguous tensor (the bias gradient,
 * (N, C) summed to (C), and most {@code sumTo}s) adds whole rows into a row of accumulators
 * instead of transposing. Both add each run in the same order as the general path, so the
 * results are the same to the bit.
 */
public final class Reductions {
    private Reductions() {
    }

    /** What to compute over each run of values. */
    public enum Kind {
        /** Σ v. */
        SUM,
        /** Σ v / R (NaN when R = 0). */
        MEAN,
        /** m + log Σ exp(v − m) with m = max v (m taken as 0 when it is infinite, as PyTorch does). */
        LOGSUMEXP,
        /** Largest value; NaN if any value is NaN. */
        MAX,
        /** Smallest value; NaN if any value is NaN. */
        MIN,
        /** Position of the largest value within the run (first one on ties; a NaN wins). */
        ARGMAX,
        /** Position of the smallest value within the run (first one on ties; a NaN wins). */
        ARGMIN
    }

    /**
     * Reduces {@code t} over {@code dims} (already normalised, distinct).
     *
     * @param outType the result's dtype
     */
    public static Tensor reduce(Tensor t, int[] dims, boolean keepdim, Kind kind, DType outType) {
        if ((kind == Kind.SUM || kind == Kind.MEAN) && dims.length < t.dim() && isLeading(dims) && t.isContiguous()
                && t.dtype().isFloatingPoint()) {
            return leadingSums(t, dims.length, keepdim, kind == Kind.MEAN, outType);
        }
        Runs runs = Runs.of(t, dims, keepdim);
        if (runs.length == 0 && kind != Kind.SUM && kind != Kind.MEAN && kind != Kind.LOGSUMEXP
                && runs.count > 0) {
            throw new IllegalArgumentException(String.format(
                    "%s: Expected reduction dim to have non-zero size (input shape %s)",
                    kind.name().toLowerCase(Locale.ROOT), t.shape()));
        }
        Storage out = Storage.allocate(outType, runs.count);
        double[] v = runs.values;
        int len = runs.length;
        for (int r = 0; r < runs.count; r++) {
            int from = runs.base + r * len;
            int to = from + len;
            out.set(r, switch (kind) {
                case SUM -> sum(v, from, to);
                case MEAN -> sum(v, from, to) / len;
                case LOGSUMEXP -> logSumExp(v, from, to);
                case MAX -> extreme(v, from, to, true);
                case MIN -> extreme(v, from, to, false);
                case ARGMAX -> argExtreme(v, from, to, true);
                case ARGMIN -> argExtreme(v, from, to, false);
            });
        }
        return TensorAccess.wrap(out, runs.outShape);
    }

    /**
     * Σ over {@code dims} (normalised, distinct) of an int64 tensor in exact {@code long}
     * arithmetic, wrapping around on overflow as PyTorch's int64 sum does. The reduced dims are
     * permuted to the end, so each output element adds one contiguous run.
     */
    public static Tensor sumLongs(Tensor t, int[] dims, boolean keepdim) {
        int[] shape = t.shape().toArray();
        boolean[] reduced = new boolean[shape.length];
        for (int d : dims) {
            reduced[d] = true;
        }
        int[] perm = new int[shape.length];
        int[] outShape = new int[keepdim ? shape.length : shape.length - dims.length];
        int k = 0;
        int o = 0;
        for (int d = 0; d < shape.length; d++) {
            if (!reduced[d]) {
                perm[k++] = d;
            }
            if (!reduced[d] || keepdim) {
                outShape[o++] = reduced[d] ? 1 : shape[d];
            }
        }
        int runLength = 1;
        for (int d : dims) {
            perm[k++] = d;
            runLength *= shape[d];
        }
        Tensor runs = Elementwise.copy(t.permute(perm), DType.INT64);
        long[] x = ((LongStorage) TensorAccess.storage(runs)).data();
        long[] out = new long[Shape.of(outShape).numel()];
        for (int r = 0; r < out.length; r++) {
            long acc = 0;
            for (int i = r * runLength; i < (r + 1) * runLength; i++) {
                acc += x[i];
            }
            out[r] = acc;
        }
        return TensorAccess.wrap(new LongStorage(out), outShape);
    }

    /**
     * Variance over {@code dims}: Σ (v − mean)² / max(0, R − correction), by two passes.
     * With {@code correction = 1} this is PyTorch's default (unbiased) estimate.
     */
    public static Tensor variance(Tensor t, int[] dims, int correction, boolean keepdim, DType outType) {
        Runs runs = Runs.of(t, dims, keepdim);
        Storage out = Storage.allocate(outType, runs.count);
        double[] v = runs.values;
        int len = runs.length;
        for (int r = 0; r < runs.count; r++) {
            int from = runs.base + r * len;
            double mean = sum(v, from, from + len) / len;
            double squares = 0;
            for (int i = from; i < from + len; i++) {
                double d = v[i] - mean;
                squares += d * d;
            }
            out.set(r, squares / Math.max(0, len - correction));
        }
        return TensorAccess.wrap(out, runs.outShape);
    }

    /** True when {@code dims} (distinct) are exactly {0, 1, ..., dims.length − 1}. */
    private static boolean isLeading(int[] dims) {
        for (int d : dims) {
            if (d >= dims.length) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sum (or mean) over the first {@code lead} dims of a contiguous float tensor:
     * {@code out[j] = Σ_r x[r·cols + j]}, row r added to all accumulators at once, r ascending.
     */
    private static Tensor leadingSums(Tensor t, int lead, boolean keepdim, boolean mean, DType outType) {
        int[] shape = t.shape().toArray();
        int rows = 1;
        int cols = 1;
        for (int d = 0; d < shape.length; d++) {
            if (d < lead) {
                rows *= shape[d];
            } else {
                cols *= shape[d];
            }
        }
        double[] acc = new double[cols];
        int off = t.offset();
        if (TensorAccess.storage(t) instanceof FloatStorage f) {
            float[] x = f.data();
            for (int r = 0, base = off; r < rows; r++, base += cols) {
                for (int j = 0; j < cols; j++) {
                    acc[j] += x[base + j];
                }
            }
        } else {
            double[] x = ((DoubleStorage) TensorAccess.storage(t)).data();
            for (int r = 0, base = off; r < rows; r++, base += cols) {
                for (int j = 0; j < cols; j++) {
                    acc[j] += x[base + j];
                }
            }
        }
        Storage out = Storage.allocate(outType, cols);
        for (int j = 0; j < cols; j++) {
            out.set(j, mean ? acc[j] / rows : acc[j]);
        }
        int[] outShape = keepdim ? shape.clone() : Arrays.copyOfRange(shape, lead, shape.length);
        for (int d = 0; keepdim && d < lead; d++) {
            outShape[d] = 1;
        }
        return TensorAccess.wrap(out, outShape);
    }

    static double sum(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s;
    }

    static double logSumExp(double[] v, int from, int to) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            m = Math.max(m, v[i]);
        }
        if (Double.isInfinite(m)) {
            m = 0;
        }
        double s = 0;
        for (int i = from; i < to; i++) {
            s += Math.exp(v[i] - m);
        }
        return Math.log(s) + m;
    }

    static double extreme(double[] v, int from, int to, boolean max) {
        return v[argExtreme(v, from, to, max) + from];
    }

    static int argExtreme(double[] v, int from, int to, boolean max) {
        int best = from;
        for (int i = from + 1; i < to; i++) {
            if (Double.isNaN(v[best])) {
                break;
            }
            if (Double.isNaN(v[i]) || (max ? v[i] > v[best] : v[i] < v[best])) {
                best = i;
            }
        }
        return best - from;
    }

    /** The values of {@code t} regrouped so that each output element's inputs are contiguous. */
    private static final class Runs {
        final double[] values;
        final int base;
        final int count;
        final int length;
        final int[] outShape;

        private Runs(double[] values, int base, int count, int length, int[] outShape) {
            this.values = values;
            this.base = base;
            this.count = count;
            this.length = length;
            this.outShape = outShape;
        }

        static Runs of(Tensor t, int[] dims, boolean keepdim) {
            int rank = t.dim();
            boolean[] reduced = new boolean[rank];
            for (int d : dims) {
                reduced[d] = true;
            }
            int[] perm = new int[rank];
            int[] shape = t.shape().toArray();
            int p = 0;
            int kept = 0;
            for (int d = 0; d < rank; d++) {
                if (!reduced[d]) {
                    perm[p++] = d;
                    kept++;
                }
            }
            for (int d : dims) {
                perm[p++] = d;
            }
            int length = 1;
            for (int d : dims) {
                length *= shape[d];
            }
            int[] outShape = new int[keepdim ? rank : kept];
            for (int d = 0, o = 0; d < rank; d++) {
                if (!reduced[d]) {
                    outShape[o++] = shape[d];
                } else if (keepdim) {
                    outShape[o++] = 1;
                }
            }
            int count = Shape.of(outShape).numel();
            Tensor grouped = t.permute(perm);
            if (!(grouped.isContiguous() && TensorAccess.storage(grouped) instanceof DoubleStorage)) {
                grouped = Elementwise.copy(grouped, DType.FLOAT64);
            }
            return new Runs(((DoubleStorage) TensorAccess.storage(grouped)).data(), grouped.offset(), count, length, outShape);
        }
    }
}
