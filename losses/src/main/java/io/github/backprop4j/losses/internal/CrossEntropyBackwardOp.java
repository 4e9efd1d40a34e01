package io.github.backprop4j.losses.internal;

import io.github.backprop4j.autograd.Function;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;
import io.github.backprop4j.tensor.internal.FloatStorage;
import org.jspecify.annotations.Nullable;

/**
 * The backward of cross-entropy with respect to the logits, as an op of its own. Every variant
 * has the same closed form: per row r, with a row of target coefficients B and A = Σ_c B_c,
 *
 * <pre>
 *   dx[r, c] = G_c − p[r, c]·Σ_k G_k,   G = −scale_r · B      ( = scale_r·(p·A − B) )
 *
 *   class indices:        B = (1 − ε)·w[t]·onehot(t) + (ε/C)·w     (ε = 0: dx = scale·w[t]·(p − onehot))
 *   class probabilities:  B = w ⊙ t',  t' = t·(1 − ε) + ε/C          (no weight, Σt' = 1: dx = scale·(p − t'))
 * </pre>
 *
 * which is PyTorch's nll_loss backward followed by log_softmax's, so NaN and ±inf land where they
 * land in PyTorch. Ignored rows get 0 (NaN where the softmax is NaN). Inputs (g, x) for indices,
 * (g, x, t[, w]) for probabilities. Its own gradients, written with variable ops (p = softmax(x)
 * recomputed as a node so that they stay differentiable):
 *
 * <pre>
 *   ∂/∂g : reduce-adjoint( Σ_c gg·(p·A − B) )
 *   ∂/∂x : softmax_backward(gg·scale·A, p)
 *   ∂/∂B : scale·(Σ_c gg·p − gg)      → ∂/∂t = ∂/∂B · w · (1 − ε),  ∂/∂w = Σ_rows ∂/∂B · t'
 * </pre>
 */
public final class CrossEntropyBackwardOp extends Function {
    private final Layout layout;
    private final @Nullable IndexTargets targets;
    private final double eps;
    private final Reducer reducer;
    private double[] softmax;
    private @Nullable FloatSoftmaxRows floatRows;

    private CrossEntropyBackwardOp(Layout layout, @Nullable IndexTargets targets, double eps, Reducer reducer,
                                   double[] softmax, @Nullable FloatSoftmaxRows floatRows) {
        this.layout = layout;
        this.targets = targets;
        this.eps = eps;
        this.reducer = reducer;
        this.softmax = softmax;
        this.floatRows = floatRows;
    }

    /**
     * For class-index targets; apply to (g, x). p of the forward pass is either {@code softmax}
     * or, on the float32 path (ε = 0), given by {@code floatRows}.
     */
    public static CrossEntropyBackwardOp forIndices(IndexTargets targets, double eps, Reducer reducer,
                                                    double[] softmax, @Nullable FloatSoftmaxRows floatRows) {
        return new CrossEntropyBackwardOp(targets.layout(), targets, eps, reducer, softmax, floatRows);
    }

    /** For probability targets; apply to (g, x, t) or (g, x, t, w). */
    public static CrossEntropyBackwardOp forProbabilities(Layout layout, double eps, Reducer reducer,
                                                          double[] softmax) {
        return new CrossEntropyBackwardOp(layout, null, eps, reducer, softmax, null);
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[1];
        IndexTargets indices = targets;
        FloatSoftmaxRows stats = floatRows;
        float[] data = FloatSoftmaxRows.data(x, layout);
        if (indices != null && eps == 0 && stats != null && data != null) {
            return forwardFloat(indices, stats, data, x.offset(), reducer.scales(in[0], layout.rows()));
        }
        double[] p = softmax.length == x.numel() ? softmax : SoftmaxKernels.forward(Buffers.read(x), layout, false);
        double[] scale = reducer.scales(in[0], layout.rows());
        double[] tp = targets == null ? Buffers.read(in[2]) : null;
        double[] w = targets == null && in.length > 3 ? Buffers.read(in[3]) : null;
        int classes = layout.classes();
        int stride = layout.inner();
        double[] b = new double[classes];
        double[] dx = new double[p.length];
        for (int r = 0, rows = layout.rows(); r < rows; r++) {
            int base = layout.base(r);
            IndexTargets it = targets;
            if (it != null) {
                if (it.ignored(r)) {
                    for (int c = 0, k = base; c < classes; c++, k += stride) {
                        dx[k] = 0 - p[k] * 0;
                    }
                    continue;
                }
                indexCoefficients(it, r, b);
            } else {
                for (int c = 0, k = base; c < classes; c++, k += stride) {
                    double t = eps > 0 ? tp[k] * (1 - eps) + eps / classes : tp[k];
                    b[c] = w == null ? t : w[c] * t;
                }
            }
            double s = scale[r];
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                b[c] = -s * b[c];
                sum += b[c];
            }
            for (int c = 0, k = base; c < classes; c++, k += stride) {
                dx[k] = b[c] - p[k] * sum;
            }
        }
        return Buffers.make(dx, x.dtype(), layout.shape());
    }

    /**
     * The float32 path for index targets without smoothing, one pass per row:
     * dx[r, ·] = coef_r·(p[r, ·] − onehot(t_r)), coef_r = scale_r·w[t_r] (0 for ignored rows).
     */
    private static Tensor forwardFloat(IndexTargets it, FloatSoftmaxRows stats, float[] data, int offset,
                                       double[] scale) {
        int rows = it.rows();
        double[] coef = new double[rows];
        int[] target = new int[rows];
        for (int r = 0; r < rows; r++) {
            boolean ignored = it.ignored(r);
            target[r] = ignored ? -1 : it.target(r);
            coef[r] = ignored ? 0 : scale[r] * it.classWeight(target[r]);
        }
        float[] dx = stats.scaledMinusOneHot(data, offset, coef, target);
        return Tensor.wrap(new FloatStorage(dx), it.layout().shape());
    }

    /** B for row r of index targets: (1 − ε)·w[t]·onehot(t) + (ε/C)·w (just w[t]·onehot(t) when ε = 0). */
    private void indexCoefficients(IndexTargets it, int r, double[] b) {
        int t = it.target(r);
        int classes = b.length;
        if (eps > 0) {
            for (int c = 0; c < classes; c++) {
                b[c] = eps / classes * it.classWeight(c);
            }
            b[t] += (1 - eps) * it.classWeight(t);
        } else {
            java.util.Arrays.fill(b, 0);
            b[t] = it.classWeight(t);
        }
    }

    /** B as a tensor of the input's shape (index targets), for the second derivatives. */
    private Tensor indexCoefficientTensor(IndexTargets it, Tensor like) {
        int classes = layout.classes();
        int stride = layout.inner();
        double[] out = new double[layout.numel()];
        double[] b = new double[classes];
        for (int r = 0, rows = layout.rows(); r < rows; r++) {
            if (!it.ignored(r)) {
                indexCoefficients(it, r, b);
                for (int c = 0, k = layout.base(r); c < classes; c++, k += stride) {
                    out[k] = b[c];
                }
            }
        }
        return Buffers.make(out, like.dtype(), layout.shape());
    }

    @Override
    protected @Nullable Variable[] backward(Variable gg) {
        Variable g = input(0);
        Variable x = input(1);
        int dim = layout.classDim();
        Variable p = new SoftmaxOp(dim).apply(x);
        IndexTargets it = targets;
        @Nullable Variable t = it == null ? input(2) : null;
        @Nullable Variable w = it == null && inputCount() > 3 ? input(3) : null;
        Variable tPrime = t == null ? null : CrossEntropyProbOp.smoothed(t, eps, layout);
        Variable b = it != null ? Variable.of(indexCoefficientTensor(it, x.value()))
                : w == null ? tPrime : tPrime.times(w.reshape(layout.classVectorShape()));
        Variable a = b.sum(dim, true);
        Variable scale = reducer.scaleVar(g);
        Variable dg = g.requiresGrad() ? reducer.reduceVar(gg.times(p.times(a).minus(b))) : null;
        Variable dx = x.requiresGrad() ? new SoftmaxBackwardOp(dim).apply(gg.times(scale).times(a), p) : null;
        if (it != null) {
            return new Variable[] {dg, dx};
        }
        Variable dt = null;
        Variable dw = null;
        if (t.requiresGrad() || (w != null && w.requiresGrad())) {
            Variable db = scale.times(gg.times(p).sum(dim, true).minus(gg));
            if (t.requiresGrad()) {
                Variable v = w == null ? db : db.times(w.reshape(layout.classVectorShape()));
                dt = eps > 0 ? v.times(1 - eps) : v;
            }
            if (w != null && w.requiresGrad()) {
                dw = CrossEntropyProbOp.perClass(db.times(tPrime), layout);
            }
        }
        return w == null ? new Variable[] {dg, dx, dt} : new Variable[] {dg, dx, dt, dw};
    }

    @Override
    protected void releaseSaved() {
        softmax = new double[0];
        floatRows = null;
    }

    @Override
    public String name() {
        return "CrossEntropyLossBackwardBackward0";
    }
}
