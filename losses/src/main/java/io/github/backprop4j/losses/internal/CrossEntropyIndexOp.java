package io.github.backprop4j.losses.internal;

import io.github.backprop4j.autograd.Function;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.Reduction;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * Cross-entropy with class-index targets and label smoothing ε ∈ [0, 1], fused: one pass per
 * row computes m = max x, s = Σ exp(x − m), logp = (x − m) − log s and the loss
 * (losses.md §4.3–4.4):
 *
 * <pre>
 *   l_r = ignored_r ? 0 : (1 − ε)·w[t_r]·(−logp[r, t_r]) + (ε / C)·Σ_c w_c·(−logp[r, c])
 *   none → l     sum → Σ l     mean → Σ l / W,   W = Σ_{r not ignored} w[t_r]
 * </pre>
 *
 * (ε = 0 drops the second term.) The softmax p = exp(x − m)/s is kept for the backward, which is
 * the closed form {@code scale_r · (p·Σ_c B_c − B)} with B = (1 − ε)·w[t]·onehot(t) + (ε/C)·w
 * ({@link CrossEntropyBackwardOp}); without smoothing that is (p − onehot)·w[t]·scale.
 *
 * <p>Float32 logits with the classes last and no smoothing take a faster path: the float32
 * storage is read in place, and m and s of each row are kept, with e^(x − m) when a backward will
 * follow ({@link FloatSoftmaxRows}). The loss is still summed in double.
 */
public final class CrossEntropyIndexOp extends Function {
    private final IndexTargets targets;
    private final Reduction reduction;
    private final double eps;
    private double[] softmax = new double[0];
    private @Nullable FloatSoftmaxRows floatRows;

    /** {@code eps} must be in [0, 1] (callers map negative and NaN smoothing to 0). */
    public CrossEntropyIndexOp(IndexTargets targets, Reduction reduction, double eps) {
        this.targets = targets;
        this.reduction = reduction;
        this.eps = eps;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];
        Layout layout = targets.layout();
        float[] data = eps == 0 ? FloatSoftmaxRows.data(x, layout) : null;
        if (data != null) {
            return forwardFloat(data, x.offset(), layout);
        }
        double[] xs = Buffers.read(x);
        int classes = layout.classes();
        int stride = layout.inner();
        double[] p = new double[xs.length];
        double[] rows = new double[targets.rows()];
        for (int r = 0; r < rows.length; r++) {
            int base = layout.base(r);
            double m = SoftmaxKernels.rowMax(xs, base, classes, stride);
            double s = SoftmaxKernels.expShifted(xs, base, classes, stride, m, p);
            double inv = 1 / s;
            for (int c = 0, k = base; c < classes; c++, k += stride) {
                p[k] *= inv;
            }
            if (targets.ignored(r)) {
                continue;
            }
            double logS = Math.log(s);
            int t = targets.target(r);
            double nll = -targets.classWeight(t) * ((xs[base + t * stride] - m) - logS);
            if (eps > 0) {
                double smooth = 0;
                for (int c = 0, k = base; c < classes; c++, k += stride) {
                    smooth += targets.classWeight(c) * -((xs[k] - m) - logS);
                }
                rows[r] = (1 - eps) * nll + eps / classes * smooth;
            } else {
                rows[r] = nll;
            }
        }
        softmax = p;
        return reducer().reduce(rows, x.dtype());
    }

    /** l_r = −w[t_r]·((x[r, t_r] − m_r) − log s_r), ignored rows 0, from the float32 storage in place. */
    private Tensor forwardFloat(float[] data, int offset, Layout layout) {
        FloatSoftmaxRows stats = FloatSoftmaxRows.of(data, offset, layout, recording());
        double[] rows = new double[targets.rows()];
        for (int r = 0, classes = layout.classes(); r < rows.length; r++) {
            if (!targets.ignored(r)) {
                int t = targets.target(r);
                double shifted = (double) data[offset + r * classes + t] - stats.max(r);
                rows[r] = -targets.classWeight(t) * (shifted - Math.log(stats.sum(r)));
            }
        }
        floatRows = stats;
        return reducer().reduce(rows, DType.FLOAT32);
    }

    private Reducer reducer() {
        return NllLossOp.reducer(targets, reduction);
    }

    @Override
    protected Variable[] backward(Variable g) {
        return new Variable[] {
            CrossEntropyBackwardOp.forIndices(targets, eps, reducer(), softmax, floatRows).apply(g, input(0))};
    }

    @Override
    protected void releaseSaved() {
        softmax = new double[0];
        floatRows = null;
    }

    @Override
    public String name() {
        return "CrossEntropyLossBackward0";
    }
}
