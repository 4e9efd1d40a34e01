package io.github.backprop4j.losses.internal;

import io.github.backprop4j.autograd.Function;
import io.github.backprop4j.autograd.GradMode;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.Reduction;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * Cross-entropy with class-probability targets (inputs x, t and optionally a weight w), fused
 * (losses.md §4.5):
 *
 * <pre>
 *   logp = log_softmax(x)        t' = ε > 0 ? t·(1 − ε) + ε/C : t
 *   l_r  = −Σ_c w_c · t'[r, c] · logp[r, c]
 *   none → l     sum → Σ l     mean → Σ l / (numel / C)      (weights not in the denominator)
 * </pre>
 *
 * Gradients (§4.6), with scale_r = g_r, g or g / (numel / C):
 *
 * <pre>
 *   dx[r, c] = scale_r · (p[r, c]·Σ_k w_k t'[r, k] − w_c t'[r, c])     ({@link CrossEntropyBackwardOp})
 *   dt[r, c] = −scale_r · (1 − ε) · w_c · logp[r, c]                  ((1 − ε) only when ε > 0)
 *   dw_c     = −Σ_r scale_r · t'[r, c] · logp[r, c]
 * </pre>
 */
public final class CrossEntropyProbOp extends Function {
    private final Layout layout;
    private final Reduction reduction;
    private final double eps;
    private double[] softmax = new double[0];
    private @Nullable Tensor logp;

    /** {@code layout}: the input's shape along its class dim; {@code eps} in [0, 1]. */
    public CrossEntropyProbOp(Layout layout, Reduction reduction, double eps) {
        this.layout = layout;
        this.reduction = reduction;
        this.eps = eps;
    }

    Reducer reducer() {
        return Reducer.rows(reduction, layout, layout.rows(), 1);
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];
        double[] xs = Buffers.read(x);
        double[] ts = Buffers.read(in[1]);
        double[] w = in.length > 2 ? Buffers.read(in[2]) : null;
        int classes = layout.classes();
        int stride = layout.inner();
        double[] p = new double[xs.length];
        double[] lp = new double[xs.length];
        double[] rows = new double[layout.rows()];
        for (int r = 0; r < rows.length; r++) {
            int base = layout.base(r);
            double m = SoftmaxKernels.rowMax(xs, base, classes, stride);
            double s = SoftmaxKernels.expShifted(xs, base, classes, stride, m, p);
            double logS = Math.log(s);
            double inv = 1 / s;
            double sum = 0;
            for (int c = 0, k = base; c < classes; c++, k += stride) {
                p[k] *= inv;
                lp[k] = (xs[k] - m) - logS;
                double tp = eps > 0 ? ts[k] * (1 - eps) + eps / classes : ts[k];
                sum += lp[k] * tp * (w == null ? 1 : w[c]);
            }
            rows[r] = -sum;
        }
        softmax = p;
        logp = Buffers.make(lp, x.dtype(), layout.shape());
        return reducer().reduce(rows, x.dtype());
    }

    @Override
    protected @Nullable Variable[] backward(Variable g) {
        Variable x = input(0);
        Variable t = input(1);
        @Nullable Variable w = inputCount() > 2 ? input(2) : null;
        Reducer reducer = reducer();
        Variable dx = x.requiresGrad()
                ? CrossEntropyBackwardOp.forProbabilities(layout, eps, reducer, softmax).apply(withWeight(g, x, t, w))
                : null;
        Variable dt = null;
        Variable dw = null;
        if (t.requiresGrad() || (w != null && w.requiresGrad())) {
            Tensor saved = logp;
            // Under createGraph the log-probabilities must be a function of x, so recompute them as a node.
            Variable lp = GradMode.isEnabled() || saved == null
                    ? new LogSoftmaxOp(layout.classDim()).apply(x) : Variable.of(saved);
            Variable scaledLp = reducer.scaleVar(g).times(lp).unaryMinus();
            if (t.requiresGrad()) {
                Variable v = w == null ? scaledLp : scaledLp.times(w.reshape(layout.classVectorShape()));
                dt = eps > 0 ? v.times(1 - eps) : v;
            }
            if (w != null && w.requiresGrad()) {
                dw = perClass(scaledLp.times(smoothed(t, eps, layout)), layout);
            }
        }
        return w == null ? new Variable[] {dx, dt} : new Variable[] {dx, dt, dw};
    }

    private static Variable[] withWeight(Variable g, Variable x, Variable t, @Nullable Variable w) {
        return w == null ? new Variable[] {g, x, t} : new Variable[] {g, x, t, w};
    }

    /** Σ of an element-shaped {@code v} over every dim but the class dim: shape (C). */
    static Variable perClass(Variable v, Layout layout) {
        int[] others = layout.otherDims();
        return (others.length == 0 ? v : v.sum(others, false)).reshape(layout.classes());
    }

    /** t' = t·(1 − ε) + ε/C when ε > 0, else t. */
    static Variable smoothed(Variable t, double eps, Layout layout) {
        return eps > 0 ? t.times(1 - eps).plus(eps / layout.classes()) : t;
    }

    @Override
    protected void releaseSaved() {
        softmax = new double[0];
        logp = null;
    }

    @Override
    public String name() {
        return "CrossEntropyLossBackward0";
    }
}
