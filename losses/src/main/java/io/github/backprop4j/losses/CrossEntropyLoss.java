package io.github.backprop4j.losses;

import io.github.backprop4j.autograd.Function;
import io.github.backprop4j.autograd.GradMode;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.internal.Buffers;
import io.github.backprop4j.losses.internal.Checks;
import io.github.backprop4j.losses.internal.TorchText;
import io.github.backprop4j.losses.internal.FloatSoftmaxRows;
import io.github.backprop4j.losses.internal.IndexTargets;
import io.github.backprop4j.losses.internal.Layout;
import io.github.backprop4j.losses.internal.Reducer;
import io.github.backprop4j.losses.internal.Report;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.RawKernels;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * Cross-entropy on unnormalised logits, as {@code nn.CrossEntropyLoss} (losses.md §4): log_softmax
 * over the class dim (dim 1, or 0 for an unbatched (C) input) fused with the negative
 * log-likelihood, in one node. This file holds the whole loss: validation, forward, closed-form
 * backward, its second derivatives and the explanation.
 *
 * <pre>
 *   logp = (x − m) − log s,   p = softmax(x)           (per row, {@code SoftmaxFamily}'s row pass)
 *
 *   class indices (int64 target, the input's shape without the class dim):
 *     l_r = ignored_r ? 0 : (1 − ε)·w[t_r]·(−logp[r, t_r]) + (ε/C)·Σ_c w_c·(−logp[r, c])
 *     none → l    sum → Σ l    mean → Σ l / W,  W = Σ_{non-ignored} w[t_r]   (every target ignored: NaN)
 *   class probabilities (floating target, the input's shape):
 *     t' = (1 − ε)·t + ε/C    l_r = −Σ_c w_c·t'[r, c]·logp[r, c]    mean → Σ l / (numel / C)
 *
 *   backward, one closed form for both, B a row of target coefficients:
 *     dx[r, c] = scale_r·(p[r, c]·Σ_k B_k − B_c)
 *     indices:        B = (1 − ε)·w[t]·onehot(t) + (ε/C)·w        (ε = 0: dx = scale·w[t]·(p − onehot))
 *     probabilities:  B = w ⊙ t'                                  (no weight: dx = scale·(p − t'))
 *     dt = −scale·(1 − ε)·w·logp     dw_c = −Σ_r scale_r·t'[r, c]·logp[r, c]     (probabilities only)
 *
 *   second derivatives of the backward node (inputs g, x[, t, w]), with A = Σ_c B_c:
 *     ∂/∂g = reduce-adjoint(Σ_c gg·(p·A − B))     ∂/∂x = softmax_backward(gg·scale·A, p)
 *     ∂/∂B = scale·(Σ_c gg·p − gg)  →  ∂/∂t = ∂/∂B·w·(1 − ε),  ∂/∂w = Σ_rows ∂/∂B·t'
 * </pre>
 *
 * Options: weight (C), ignore_index (index targets only; must be negative for probabilities),
 * reduction, label_smoothing ∈ [0, 1] (negative counts as 0). pos_weight is rejected. With
 * probability targets, input, target and weight are all differentiable; with class indices the
 * weight must not require a gradient.
 */
public final class CrossEntropyLoss extends Loss {
    private static final String OP = "cross_entropy";

    /** Defaults: no weight, ignore_index −100, mean, no smoothing. */
    public CrossEntropyLoss() {
        this(LossOptions.defaults());
    }

    /**
     * The loss with these options.
     *
     * @param options weight (C), ignore_index, reduction and label_smoothing; pos_weight must be
     *        unset
     * @throws LossException if pos_weight is set
     */
    public CrossEntropyLoss(LossOptions options) {
        super(LossKind.CROSS_ENTROPY, options);
    }

    /**
     * With a weight that may require a gradient (probability targets only; it replaces
     * options().weight()): ∂l/∂w_c = −Σᵣ scaleᵣ·t'[r, c]·logp[r, c].
     *
     * @param input logits, (C), (N, C) or (N, C, d1…dK)
     * @param target int64 class indices or class probabilities (the input's shape)
     * @param weight class weights (C)
     * @return the loss, reduced as {@code options().reduction()} says
     * @throws LossException for bad input, or a weight requiring a gradient with class-index
     *         targets, with PyTorch's message
     */
    public Variable apply(Variable input, Variable target, Variable weight) {
        return compute(input, target, weight);
    }

    /** Validation in PyTorch's order (losses.md §4.2, §11), then the fused node. */
    @Override
    Variable compute(Variable input, Variable target, @Nullable Variable weight) {
        LossOptions o = options();
        Tensor x = input.value();
        Tensor t = target.value();
        @Nullable Tensor w = weight == null ? null : weight.value();
        double eps = o.labelSmoothing() > 0 ? o.labelSmoothing() : 0;
        if (x.shape().equals(t.shape())) {
            if (!t.dtype().isFloatingPoint()) {
                throw new LossException(OP, "Expected floating point type for target with class probabilities, got "
                        + TorchText.typeName(t.dtype()));
            }
            if (o.ignoreIndex() >= 0) {
                throw new LossException(OP, "ignore_index is not supported for floating point target");
            }
            if (x.dim() == 0) {
                throw new LossException(OP, "Dimension specified as 1 but tensor has no dimensions");
            }
            int classDim = x.dim() == 1 ? 0 : 1;
            int classes = x.size(classDim);
            if (w != null && (w.dim() != 1 || w.numel() != classes)) {
                throw new LossException(OP, "cross_entropy: weight tensor should be defined either for all " + classes
                        + " classes or no classes but got weight tensor of shape: " + w.shape());
            }
            Checks.requireFloatInput(OP, classDim == x.dim() - 1 ? "log_softmax_lastdim_kernel_impl"
                    : "log_softmax_kernel_impl", x);
            checkSmoothing(eps);
            Checks.requireScalarType(OP, t, x.dtype());
            if (w != null) {
                Checks.requireScalarType(OP, w, x.dtype());
            }
            ProbNode op = new ProbNode(Layout.of(x.shape().toArray(), classDim), o.reduction(), eps);
            return weight == null ? op.apply(input, target) : op.apply(input, target, weight);
        }
        checkSmoothing(eps);
        if (x.dim() == 0) {
            throw new LossException(OP, "Dimension out of range (expected to be in range of [-1, 0], but got 1)");
        }
        Checks.requireFloatInput(OP, x.dim() <= 2 ? "log_softmax_lastdim_kernel_impl" : "log_softmax_kernel_impl", x);
        IndexTargets targets = IndexTargets.validate(OP, x, t, w, o.ignoreIndex(), null);
        if (weight != null && weight.requiresGrad()) {
            throw Checks.notDifferentiable(OP, "nll_loss_forward", "weight");
        }
        return new IndexNode(targets, o.reduction(), eps).apply(input);
    }

    private static void checkSmoothing(double eps) {
        if (eps > 1) {
            throw new LossException(OP, "label_smoothing must be between 0.0 and 1.0. Got: " + TorchText.cppDouble(eps));
        }
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

    /** {@code v} rounded to float32 when {@code f32}: a float32 intermediate of PyTorch's, which overflows to ±inf. */
    private static double asDtype(double v, boolean f32) {
        return f32 ? (float) v : v;
    }

    // ------------------------------------------------------------------ the nodes

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
     * ({@link BackwardNode}); without smoothing that is (p − onehot)·w[t]·scale.
     *
     * <p>Float32 logits with the classes last and no smoothing take a faster path: the float32
     * storage is read in place, and m and s of each row are kept, with e^(x − m) when a backward will
     * follow ({@link FloatSoftmaxRows}). The loss is still summed in double.
     */
    private static final class IndexNode extends Function {
        private final IndexTargets targets;
        private final Reduction reduction;
        private final double eps;
        private double[] softmax = new double[0];
        private @Nullable FloatSoftmaxRows floatRows;

        /** {@code eps} must be in [0, 1] (callers map negative and NaN smoothing to 0). */
        IndexNode(IndexTargets targets, Reduction reduction, double eps) {
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
            double nllSum = 0;
            double smoothSum = 0;
            for (int r = 0; r < rows.length; r++) {
                int base = layout.base(r);
                double m = SoftmaxFamily.rowMax(xs, base, classes, stride);
                double s = SoftmaxFamily.expShifted(xs, base, classes, stride, m, p);
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
                    // float32 as PyTorch: log p and the smoothing sum are float32 values (overflow to inf)
                    boolean f32 = x.dtype() == DType.FLOAT32;
                    double smooth = 0;
                    for (int c = 0, k = base; c < classes; c++, k += stride) {
                        smooth += targets.classWeight(c) * -asDtype((xs[k] - m) - logS, f32);
                    }
                    smooth = asDtype(smooth, f32);
                    rows[r] = (1 - eps) * nll + eps / classes * smooth;
                    nllSum += nll;
                    smoothSum += smooth;
                } else {
                    rows[r] = nll;
                }
            }
            softmax = p;
            Reducer reducer = reducer();
            if (eps > 0 && reduction == Reduction.MEAN && reducer.denominator() == 0) {
                // PyTorch divides each term by W on its own; the NLL term is then 0/0 = NaN, and so is the sum
                double mean = (1 - eps) * (nllSum / 0.0) + eps / classes * (smoothSum / 0.0);
                return Buffers.scalar(mean, x.dtype());
            }
            return reducer.reduce(rows, x.dtype());
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
            return NLLLoss.reducer(targets, reduction);
        }

        @Override
        protected Variable[] backward(Variable g) {
            return new Variable[] {
                BackwardNode.forIndices(targets, eps, reducer(), softmax, floatRows).apply(g, input(0))};
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
     *   dx[r, c] = scale_r · (p[r, c]·Σ_k w_k t'[r, k] − w_c t'[r, c])     ({@link BackwardNode})
     *   dt[r, c] = −scale_r · (1 − ε) · w_c · logp[r, c]                  ((1 − ε) only when ε > 0)
     *   dw_c     = −Σ_r scale_r · t'[r, c] · logp[r, c]
     * </pre>
     */
    private static final class ProbNode extends Function {
        private final Layout layout;
        private final Reduction reduction;
        private final double eps;
        private double[] softmax = new double[0];
        private @Nullable Tensor logp;

        /** {@code layout}: the input's shape along its class dim; {@code eps} in [0, 1]. */
        ProbNode(Layout layout, Reduction reduction, double eps) {
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
                double m = SoftmaxFamily.rowMax(xs, base, classes, stride);
                double s = SoftmaxFamily.expShifted(xs, base, classes, stride, m, p);
                double logS = Math.log(s);
                double inv = 1 / s;
                double sum = 0;
                for (int c = 0, k = base; c < classes; c++, k += stride) {
                    p[k] *= inv;
                    lp[k] = asDtype((xs[k] - m) - logS, x.dtype() == DType.FLOAT32); // float32 as PyTorch
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
                    ? BackwardNode.forProbabilities(layout, eps, reducer, softmax).apply(withWeight(g, x, t, w))
                    : null;
            Variable dt = null;
            Variable dw = null;
            if (t.requiresGrad() || (w != null && w.requiresGrad())) {
                Tensor saved = logp;
                // Under createGraph the log-probabilities must be a function of x, so recompute them as a node.
                Variable lp = GradMode.isEnabled() || saved == null
                        ? SoftmaxFamily.node(x, layout.classDim(), true) : Variable.of(saved);
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
    private static final class BackwardNode extends Function {
        private final Layout layout;
        private final @Nullable IndexTargets targets;
        private final double eps;
        private final Reducer reducer;
        private double[] softmax;
        private @Nullable FloatSoftmaxRows floatRows;

        private BackwardNode(Layout layout, @Nullable IndexTargets targets, double eps, Reducer reducer,
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
        static BackwardNode forIndices(IndexTargets targets, double eps, Reducer reducer,
                                                        double[] softmax, @Nullable FloatSoftmaxRows floatRows) {
            return new BackwardNode(targets.layout(), targets, eps, reducer, softmax, floatRows);
        }

        /** For probability targets; apply to (g, x, t) or (g, x, t, w). */
        static BackwardNode forProbabilities(Layout layout, double eps, Reducer reducer,
                                                              double[] softmax) {
            return new BackwardNode(layout, null, eps, reducer, softmax, null);
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
            double[] p = softmax.length == x.numel() ? softmax : SoftmaxFamily.forward(Buffers.read(x), layout, false);
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
            return RawKernels.wrapFloats(dx, it.layout().shape());
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
            Variable p = SoftmaxFamily.node(x, dim, false);
            IndexTargets it = targets;
            @Nullable Variable t = it == null ? input(2) : null;
            @Nullable Variable w = it == null && inputCount() > 3 ? input(3) : null;
            Variable tPrime = t == null ? null : smoothed(t, eps, layout);
            Variable b = it != null ? Variable.of(indexCoefficientTensor(it, x.value()))
                    : w == null ? tPrime : tPrime.times(w.reshape(layout.classVectorShape()));
            Variable a = b.sum(dim, true);
            Variable scale = reducer.scaleVar(g);
            Variable dg = g.requiresGrad() ? reducer.reduceVar(gg.times(p.times(a).minus(b))) : null;
            Variable dx = x.requiresGrad() ? SoftmaxFamily.backwardNode(gg.times(scale).times(a), p, dim, false) : null;
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
                    dw = perClass(db.times(tPrime), layout);
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

    // ------------------------------------------------------------------ explanation

    /**
     * Each step on the input viewed as rows × classes: max-shift, exp, sum, log-probabilities,
     * softmax, the (smoothed) targets and weights, the per-sample loss, the reduction; then
     * the closed-form gradient next to autograd's.
     */
    @Override
    public Explanation explain(Variable input, Variable target) {
        LossOptions o = options();
        Tensor xv = input.value();
        Tensor tv = target.value();
        Report.Run run = Report.run(x -> apply(x, Variable.of(tv)), xv);
        boolean probabilities = xv.shape().equals(tv.shape());
        int classDim = xv.dim() == 1 ? 0 : 1;
        int classes = xv.size(classDim);
        double eps = o.labelSmoothing() > 0 ? o.labelSmoothing() : 0;
        DType dt = xv.dtype();
        Tensor w = o.weight() == null ? Tensor.ones(dt, classes) : o.weight().reshape(-1);
        Tensor wRow = w.reshape(1, classes);

        Report r = new Report();
        r.line("cross_entropy with class " + (probabilities ? "probabilities" : "indices") + " — "
                + Report.describe(o, true));
        Tensor rowsX = Report.rows(xv, classDim);
        r.tensor("logits x, " + Report.shapeWords(rowsX), rowsX);
        r.tensor("targets t:", probabilities ? Report.rows(tv, classDim) : tv);
        r.line("");
        r.line("Forward: log-softmax over the classes, then the negative log-likelihood");
        Tensor m = rowsX.max(1, true).values();
        Tensor shifted = rowsX.minus(m);
        Tensor e = shifted.exp();
        Tensor sum = e.sum(1, true);
        Tensor logp = shifted.minus(sum.log());
        Tensor p = e.div(sum);
        r.step("max-shift", "m = max_c x_c", m.reshape(-1));
        r.step("shifted logits", "x − m", shifted);
        r.step("exp", "exp(x − m)", e);
        r.step("sum", "s = Σ_c exp(x_c − m)", sum.reshape(-1));
        r.step("log-probabilities", "log p = (x − m) − log s", logp);
        r.step("softmax", "p = exp(x − m) / s", p);
        Tensor closed;
        String formula;
        String denominatorName;
        if (probabilities) {
            Tensor t = Report.rows(tv, classDim);
            if (eps > 0) {
                t = t.times(1 - eps).plus(eps / classes);
                r.step("smoothed target", "t' = (1 − ε)·t + ε/C  (ε = " + Report.num(eps) + ", C = " + classes + ")", t);
            }
            if (o.weight() != null) {
                r.step("class weights", "w", w);
            }
            Tensor wt = t.times(wRow);
            Tensor l = logp.times(wt).sum(1, false).unaryMinus();
            r.step("per-sample loss", "l = −Σ_c " + (o.weight() != null ? "w_c·" : "") + (eps > 0 ? "t'_c" : "t_c")
                    + "·log p_c", l);
            denominatorName = "N (samples)";
            Tensor scale = r.reduce(l, o.reduction(), rowsX.size(0), denominatorName);
            closed = p.times(wt.sum(1, true)).minus(wt).times(scale);
            String tt = eps > 0 ? "t'" : "t";
            formula = (o.weight() == null ? "(softmax − " + tt + ")" : "(softmax · Σ_c w_c·" + tt + "_c − w·" + tt + ")")
                    + Report.meanSuffix(o.reduction(), "N", rowsX.size(0));
        } else {
            NLLLoss.Picks k = new NLLLoss.Picks(tv, o, classes, dt);
            Tensor picked = k.pick(logp);
            r.step("picked entries", "log p[t]" + k.ignoredNote(), picked);
            r.step("weights", "w[t]" + k.ignoredNote(), k.wt);
            Tensor nll = k.mask(k.wt.times(picked).unaryMinus());
            Tensor l = nll;
            if (eps > 0) {
                r.step("nll term", "−w[t]·log p[t]", nll);
                Tensor smooth = k.mask(logp.times(wRow).sum(1, false).unaryMinus());
                r.step("smoothing term", "Σ_c w_c·(−log p_c)" + k.ignoredNote(), smooth);
                l = nll.times(1 - eps).plus(smooth.times(eps / classes));
                r.step("per-sample loss", "l = (1 − ε)·nll + (ε/C)·smoothing  (ε = " + Report.num(eps) + ", C = "
                        + classes + ")", l);
            } else {
                r.step("per-sample loss", "l = −w[t]·log p[t]", l);
            }
            Tensor scale = r.reduce(l, o.reduction(), k.totalWeight(), o.weight() == null
                    ? "the number of non-ignored targets" : "Σ w[t] over non-ignored targets", eps > 0
                    ? "nan   (PyTorch divides the NLL term and the smoothing term by it separately:"
                            + " (1 − ε)·(Σ nll / 0) + (ε/C)·(Σ smoothing / 0), and Σ nll / 0 is 0/0 = NaN)"
                    : null);
            Tensor b = k.onehot.times(k.wt.reshape(-1, 1));
            if (eps > 0) {
                b = b.times(1 - eps).plus(k.mask2(wRow.times(eps / classes).expand(b.shape())));
            }
            if (Double.isInfinite(scale.item())) {
                // a mean over W = 0: in PyTorch's order, G = −scale·B then G − p·ΣG, so 0·inf = NaN fills the row
                Tensor gb = b.times(scale).unaryMinus();
                closed = k.mask2(gb.minus(p.times(gb.sum(1, true))));
            } else {
                closed = k.mask2(p.times(b.sum(1, true)).minus(b)).times(scale);
            }
            String wt = o.weight() == null ? "" : " · w[t]";
            formula = eps > 0
                    ? (o.weight() == null ? "(softmax − (1 − ε)·onehot − ε/C)"
                            : "((1 − ε)·w[t]·(softmax − onehot) + (ε/C)·(softmax·Σw − w))")
                    : "(softmax − onehot)" + wt;
            formula += Report.meanSuffix(o.reduction(), o.weight() == null ? "N" : "Σw[t]", k.totalWeight());
        }
        r.tensor("loss (fused node):", run.result());
        return r.backward(formula, Report.seedWords(o.reduction()), closed, Report.rows(run.grad(), classDim));
    }
}
