package io.github.backprop4j.losses;

import io.github.backprop4j.autograd.Function;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.internal.Broadcasts;
import io.github.backprop4j.losses.internal.Buffers;
import io.github.backprop4j.losses.internal.Checks;
import io.github.backprop4j.losses.internal.Layout;
import io.github.backprop4j.losses.internal.Reducer;
import io.github.backprop4j.losses.internal.Report;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * Multi-label soft margin, as {@code nn.MultiLabelSoftMarginLoss} (losses.md §7): the classes are
 * the last dim of the input (C = input.size(−1)); target and weight just need to broadcast.
 *
 * <pre>
 *   e = −(y·logσ(x) + (1 − y)·logσ(−x)) · w       per = Σ_class e / C
 *   none → per    sum → Σ per    mean → Σ per / #per
 *   dx = scale·w·(σ(x) − y)     dy = scale·w·(logσ(−x) − logσ(x)) = scale·w·(−x)
 *   dw = scale·e₀      (e₀: e without w; scale = (g_row, g or g / #per) / C)
 *   second derivatives: dx is binary_cross_entropy_with_logits' gradient node ({@code BinaryCrossEntropy.java})
 * </pre>
 *
 * Input, target and weight are differentiable. Options: weight, reduction.
 */
public final class MultiLabelSoftMarginLoss extends Loss {
    private static final String OP = "multilabel_soft_margin_loss";

    /** The loss with PyTorch's defaults, as {@code nn.MultiLabelSoftMarginLoss()}: no weight, mean. */
    public MultiLabelSoftMarginLoss() {
        this(LossOptions.defaults());
    }

    /**
     * The loss with these options.
     *
     * @param options weight and reduction; ignore_index, label_smoothing and pos_weight must be at
     *        their defaults
     * @throws LossException if an option multilabel_soft_margin_loss does not have is set
     */
    public MultiLabelSoftMarginLoss(LossOptions options) {
        super(LossKind.MULTILABEL_SOFT_MARGIN, options);
    }

    /**
     * With a weight that may require a gradient (it replaces options().weight()): its gradient is
     * ∂l/∂w = scale·e₀, e₀ the unweighted per-element loss.
     *
     * @param input logits, the classes along the last dim (at least 1-D)
     * @param target 0/1 labels (or probabilities), broadcasting with the input
     * @param weight element weights, broadcasting with the input
     * @return the loss, reduced as {@code options().reduction()} says
     * @throws LossException for bad input, with PyTorch's message
     */
    public Variable apply(Variable input, Variable target, Variable weight) {
        return compute(input, target, weight);
    }

    @Override
    Variable compute(Variable input, Variable target, @Nullable Variable weight) {
        Tensor x = input.value();
        int[] shape = Broadcasts.broadcast(OP, target.value().shape().toArray(), x.shape().toArray());
        if (weight != null) {
            shape = Broadcasts.broadcast(OP, shape, weight.value().shape().toArray());
        }
        requireHeapFor(shape);
        if (x.dim() == 0) {
            throw new LossException(OP, "Dimension specified as -1 but tensor has no dimensions");
        }
        Checks.requireFloatInput(OP, "log_sigmoid_cpu", x);
        Variable y = target;
        if (!target.value().dtype().isFloatingPoint()) {
            y = Variable.of(target.value().to(x.dtype()));
        } else {
            Checks.requireScalarType(OP, target.value(), x.dtype());
        }
        if (weight != null) {
            Checks.requireScalarType(OP, weight.value(), x.dtype());
        }
        int classDim = x.dim() - 1;
        Layout layout = Layout.of(shape, classDim);
        int classes = x.size(-1);
        Reducer reducer = Reducer.rows(options().reduction(), layout, layout.rows(), classes);
        Shape s = Shape.of(shape);
        Node op = new Node(layout, reducer, classes);
        return weight == null ? op.apply(input.expand(s), y.expand(s))
                : op.apply(input.expand(s), y.expand(s), weight.expand(s));
    }

    /** Bytes held per element of the broadcast shape: x, y and w read as doubles, and the backward's arrays. */
    private static final long BYTES_PER_ELEMENT = 4 * Double.BYTES;

    /**
     * Input, target and weight are broadcast to {@code shape} before the loss is taken (a (N, 1)
     * input with an (N) weight becomes N × N): refuse a shape the heap cannot hold, before
     * allocating it, rather than end in an OutOfMemoryError.
     */
    private static void requireHeapFor(int[] shape) {
        long numel = 1;
        for (int d : shape) {
            numel = Math.multiplyHigh(numel, d) != 0 ? Long.MAX_VALUE : numel * d;
        }
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (numel > Integer.MAX_VALUE || numel * BYTES_PER_ELEMENT > available) {
            throw new LossException(OP, "input, target and weight broadcast to " + java.util.Arrays.toString(shape)
                    + " (" + numel + " elements), more than the heap can hold (about " + (available >> 20)
                    + " MiB free)");
        }
    }

    /** One multi-label soft-margin term (losses.md §7.2): −(y·logσ(x) + (1 − y)·logσ(−x)). */
    static double softMargin(double x, double y) {
        return -(y * BinaryCrossEntropy.logSigmoid(x) + (1 - y) * BinaryCrossEntropy.logSigmoid(-x));
    }

    /**
     * Multi-label soft margin (losses.md §7), inputs x, y and optionally w, already broadcast to one
     * shape; the rows run along {@code layout}'s class dim (input.dim() − 1) and are divided by C =
     * input.size(−1):
     *
     * <pre>
     *   e    = −(y·logσ(x) + (1 − y)·logσ(−x)) · w
     *   row  = Σ_class e / C          none → rows     sum → Σ rows     mean → Σ rows / #rows
     *   dx = scale · w · (σ(x) − y)              ({@link BceWithLogitsBackwardOp})
     *   dy = scale · w · (logσ(−x) − logσ(x))    ( = −x)
     *   dw = scale · (−(y·logσ(x) + (1 − y)·logσ(−x)))
     * </pre>
     *
     * with scale = (g_row, g or g / #rows) / C.
     */
    private static final class Node extends Function {
        private final Layout layout;
        private final Reducer reducer;
        private final int classes;

        /** {@code classes}: C = input.size(−1), the divisor of each row. */
        Node(Layout layout, Reducer reducer, int classes) {
            this.layout = layout;
            this.reducer = reducer;
            this.classes = classes;
        }

        @Override
        protected Tensor forward(Tensor... in) {
            double[] x = Buffers.read(in[0]);
            double[] y = Buffers.read(in[1]);
            double[] w = in.length > 2 ? Buffers.read(in[2]) : null;
            double[] rows = new double[layout.rows()];
            int stride = layout.inner();
            for (int r = 0; r < rows.length; r++) {
                double sum = 0;
                for (int c = 0, k = layout.base(r); c < layout.classes(); c++, k += stride) {
                    double e = softMargin(x[k], y[k]);
                    sum += w == null ? e : e * w[k];
                }
                rows[r] = sum / classes;
            }
            return reducer.reduce(rows, in[0].dtype());
        }

        @Override
        protected @Nullable Variable[] backward(Variable g) {
            Variable x = input(0);
            Variable y = input(1);
            @Nullable Variable w = inputCount() > 2 ? input(2) : null;
            Variable dx = null;
            if (x.requiresGrad()) {
                dx = BinaryCrossEntropy.gradNode(BinaryCrossEntropy.Kind.LOGITS, null, reducer, g, x, y, w);
            }
            Variable scale = reducer.scaleVar(g);
            Variable dy = null;
            if (y.requiresGrad()) {
                Variable d = scale.times(x.unaryMinus().logSigmoid().minus(x.logSigmoid()));
                dy = w == null ? d : d.times(w);
            }
            if (w == null) {
                return new Variable[] {dx, dy};
            }
            Variable dw = null;
            if (w.requiresGrad()) {
                Variable e = y.times(x.logSigmoid()).plus(y.unaryMinus().plus(1).times(x.unaryMinus().logSigmoid()));
                dw = scale.times(e).unaryMinus();
            }
            return new Variable[] {dx, dy, dw};
        }

        @Override
        public String name() {
            return "MultilabelSoftMarginLossBackward0";
        }
    }

    // ------------------------------------------------------------------ explanation

    /** multilabel_soft_margin_loss: per-label terms, the mean over the last dim, the reduction. */
    @Override
    public Explanation explain(Variable input, Variable target) {
        LossOptions o = options();
        Tensor xv = input.value();
        Tensor yv = target.value();
        Report.Run run = Report.run(x -> apply(x, Variable.of(yv)), xv);
        Tensor y = yv.to(xv.dtype());
        int classDim = xv.dim() - 1;
        int classes = xv.size(-1);

        Report r = new Report();
        r.line("multilabel_soft_margin_loss — " + Report.describe(o, false));
        r.tensor("logits x:", xv);
        r.tensor("target y (0/1 per label):", yv);
        r.line("");
        r.line("Forward, per label, then the mean over the " + classes + " labels of each sample:");
        Tensor ls = xv.logSigmoid();
        Tensor lsNeg = xv.unaryMinus().logSigmoid();
        r.step("log σ(x)", "min(x, 0) − log1p(exp(−|x|))", ls);
        r.step("log σ(−x)", "= log(1 − σ(x))", lsNeg);
        Tensor e = y.times(ls).plus(y.unaryMinus().plus(1).times(lsNeg)).unaryMinus();
        Tensor w = o.weight();
        if (w != null) {
            r.step("weights", "w", w);
            e = e.times(w);
        }
        r.step("per-label loss", "e = " + (w != null ? "w·" : "") + "(−y·log σ(x) − (1 − y)·log σ(−x))", e);
        Tensor per = e.sum(classDim, false).div(classes);
        r.step("per-sample loss", "Σ_labels e / C  (C = " + classes + ")", per);
        Tensor scale = r.reduce(per, o.reduction(), per.numel(), "the number of samples");
        r.tensor("loss (fused node):", run.result());
        Tensor closed = xv.sigmoid().minus(y);
        if (w != null) {
            closed = closed.times(w);
        }
        closed = closed.times(scale).div(classes).sumTo(xv.shape());
        String formula = (w != null ? "w · " : "") + "(σ(x) − y) / C"
                + Report.meanSuffix(o.reduction(), "N", per.numel());
        return r.backward(formula, Report.seedWords(o.reduction()), closed, run.grad());
    }
}
