package io.github.backprop4j.losses;

import io.github.backprop4j.autograd.Function;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.internal.Buffers;
import io.github.backprop4j.losses.internal.Checks;
import io.github.backprop4j.losses.internal.IndexTargets;
import io.github.backprop4j.losses.internal.Layout;
import io.github.backprop4j.losses.internal.Reducer;
import io.github.backprop4j.losses.internal.Report;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * Negative log-likelihood on log-probabilities, as {@code nn.NLLLoss} (losses.md §3): input (C),
 * (N, C) or (N, C, d1…dK); int64 class-index target of shape (), (N) or (N, d1…dK).
 *
 * <pre>
 *   l_r = ignored_r ? 0 : −w[t_r] · x[r, t_r]        W = Σ_{r not ignored} w[t_r]
 *   none → l     sum → Σ l     mean → Σ l / W          (0/0 = NaN when every target is ignored)
 *
 *   backward:  dx[r, t_r] = −w[t_r] · scale_r,  0 elsewhere and on ignored rows
 *              (scale_r = g_r, g, or g / W for mean)
 *   second derivative: the backward is linear in g, so ∂/∂g of it is nll_loss applied to gg (§3.4)
 * </pre>
 *
 * Options: weight (C), ignore_index, reduction; label_smoothing and pos_weight are rejected. The
 * input is not checked to be log-probabilities.
 */
public final class NLLLoss extends Loss {
    private static final String OP = "nll_loss";

    /** The loss with PyTorch's defaults, as {@code nn.NLLLoss()}: no weight, ignore_index −100, mean. */
    public NLLLoss() {
        this(LossOptions.defaults());
    }

    /**
     * The loss with these options.
     *
     * @param options weight (C), ignore_index and reduction; label_smoothing and pos_weight must
     *        be at their defaults
     * @throws LossException if label_smoothing or pos_weight is set
     */
    public NLLLoss(LossOptions options) {
        super(LossKind.NLL, options);
    }

    @Override
    Variable compute(Variable input, Variable target, @Nullable Variable weight) {
        LossOptions o = options();
        IndexTargets targets = IndexTargets.validate(OP, input.value(), target.value(),
                weight == null ? null : weight.value(), o.ignoreIndex(), "nll_loss_out_frame");
        if (weight != null && weight.requiresGrad()) {
            throw Checks.notDifferentiable(OP, "nll_loss_forward", "weight");
        }
        return new Node(targets, o.reduction()).apply(input);
    }

    /** The reducer of NLL and of cross-entropy with class indices: the mean divides by W. */
    static Reducer reducer(IndexTargets targets, Reduction reduction) {
        return Reducer.rows(reduction, targets.layout(), targets.totalWeight(), 1);
    }

    /** l_r = −w[t_r]·x[r, t_r] (0 when ignored), reduced. */
    private static final class Node extends Function {
        private final IndexTargets targets;
        private final Reduction reduction;

        Node(IndexTargets targets, Reduction reduction) {
            this.targets = targets;
            this.reduction = reduction;
        }

        @Override
        protected Tensor forward(Tensor... in) {
            Tensor x = in[0];
            double[] xs = Buffers.read(x);
            Layout layout = targets.layout();
            double[] rows = new double[targets.rows()];
            for (int r = 0; r < rows.length; r++) {
                if (!targets.ignored(r)) {
                    int t = targets.target(r);
                    rows[r] = -targets.classWeight(t) * xs[layout.base(r) + t * layout.inner()];
                }
            }
            return reducer(targets, reduction).reduce(rows, x.dtype());
        }

        @Override
        protected Variable[] backward(Variable g) {
            return new Variable[] {new BackwardNode(targets, reduction, input(0).dtype()).apply(g)};
        }

        @Override
        public String name() {
            return "NllLossBackward0";
        }
    }

    /** dx[r, t_r] = −w[t_r]·scale_r from g; its own gradient is {@link Node} applied to gg. */
    private static final class BackwardNode extends Function {
        private final IndexTargets targets;
        private final Reduction reduction;
        private final DType dtype;

        BackwardNode(IndexTargets targets, Reduction reduction, DType dtype) {
            this.targets = targets;
            this.reduction = reduction;
            this.dtype = dtype;
        }

        @Override
        protected Tensor forward(Tensor... in) {
            Layout layout = targets.layout();
            double[] scale = reducer(targets, reduction).scales(in[0], targets.rows());
            double[] dx = new double[layout.numel()];
            for (int r = 0; r < scale.length; r++) {
                if (!targets.ignored(r)) {
                    int t = targets.target(r);
                    dx[layout.base(r) + t * layout.inner()] = -scale[r] * targets.classWeight(t);
                }
            }
            return Buffers.make(dx, dtype, layout.shape());
        }

        @Override
        protected Variable[] backward(Variable gg) {
            return new Variable[] {new Node(targets, reduction).apply(gg)};
        }

        @Override
        public String name() {
            return "NllLossBackwardBackward0";
        }
    }

    // ------------------------------------------------------------------ explanation

    @Override
    public Explanation explain(Variable input, Variable target) {
        LossOptions o = options();
        Tensor xv = input.value();
        Tensor tv = target.value();
        Report.Run run = Report.run(x -> apply(x, Variable.of(tv)), xv);
        int classDim = xv.dim() == 1 ? 0 : 1;
        int classes = xv.size(classDim);
        Tensor rowsX = Report.rows(xv, classDim);
        Picks k = new Picks(tv, o, classes, xv.dtype());

        Report r = new Report();
        r.line("nll_loss — " + Report.describe(o, false));
        r.tensor("input x (log-probabilities), " + Report.shapeWords(rowsX), rowsX);
        r.tensor("targets t:", tv);
        r.line("");
        r.line("Forward:");
        Tensor picked = k.pick(rowsX);
        r.step("picked entries", "x[t]" + k.ignoredNote(), picked);
        r.step("weights", "w[t]" + k.ignoredNote(), k.wt);
        Tensor l = k.mask(k.wt.times(picked).unaryMinus());
        r.step("per-sample loss", "l = −w[t]·x[t]", l);
        Tensor scale = r.reduce(l, o.reduction(), k.totalWeight(), "Σ w[t]");
        r.tensor("loss (fused node):", run.result());
        Tensor closed = k.mask2(k.onehot.times(k.wt.reshape(-1, 1)).unaryMinus()).times(scale);
        return r.backward("−onehot(t) · w[t]" + Report.meanSuffix(o.reduction(), "Σw[t]", k.totalWeight()),
                Report.seedWords(o.reduction()), closed, Report.rows(run.grad(), classDim));
    }

    /** Class-index targets in row order with ignore masks, picked weights and one-hot rows (for explanations). */
    static final class Picks {
        final Tensor ignored;   // (R) int64 mask
        final Tensor safe;      // (R) targets with ignored ones replaced by 0
        final Tensor wt;        // (R) w[t], 0 where ignored
        final Tensor onehot;    // (R, C), zero rows where ignored
        final boolean anyIgnored;

        Picks(Tensor targets, LossOptions o, int classes, DType dt) {
            Tensor t = targets.reshape(-1);
            ignored = t.eq((double) o.ignoreIndex());
            anyIgnored = ignored.sum().item() > 0;
            safe = Tensor.where(ignored, Tensor.scalar(0, DType.INT64), t);
            Tensor w = o.weight() == null ? Tensor.ones(dt, classes) : o.weight().reshape(-1);
            wt = mask(w.indexSelect(0, safe));
            onehot = mask2(safe.oneHot(classes).to(dt));
        }

        Tensor pick(Tensor rowsByClasses) {
            return mask(rowsByClasses.gather(1, safe.reshape(-1, 1)).reshape(-1));
        }

        /** v (R) with 0 at ignored rows. */
        Tensor mask(Tensor v) {
            return Tensor.where(ignored, Tensor.scalar(0, v.dtype()), v);
        }

        /** v (R, C) with zero rows where ignored. */
        Tensor mask2(Tensor v) {
            return Tensor.where(ignored.reshape(-1, 1), Tensor.scalar(0, v.dtype()), v);
        }

        double totalWeight() {
            return wt.sum().item();
        }

        String ignoredNote() {
            return anyIgnored ? "   (0 where t = ignore_index)" : "";
        }
    }
}
