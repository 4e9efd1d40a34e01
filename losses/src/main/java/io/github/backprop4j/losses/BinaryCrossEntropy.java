package io.github.backprop4j.losses;

import io.github.backprop4j.autograd.Function;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.internal.Broadcasts;
import io.github.backprop4j.losses.internal.Buffers;
import io.github.backprop4j.losses.internal.Checks;
import io.github.backprop4j.losses.internal.Reducer;
import io.github.backprop4j.losses.internal.Report;
import io.github.backprop4j.losses.internal.TorchText;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * The binary cross-entropy family — on probabilities ({@code nn.BCELoss}, losses.md §5) and on
 * logits ({@code nn.BCEWithLogitsLoss}, §6) — forward, closed-form backward, second derivatives
 * and explanation. One skeleton serves both: an elementwise term times the weight w, reduced
 * ({@link Node}), and its gradient as a node of its own ({@link GradNode}); {@link Kind} says
 * which formula. Multi-label soft margin reuses the logits gradient node.
 *
 * <pre>
 *   probabilities (x, y ∈ [0, 1]):
 *     l  = w · ((y − 1)·max(log1p(−x), −100) − y·max(log x, −100))
 *     dx = scale·w·(x − y) / d,   d = max(x(1 − x), 1e-12)          dy = scale·w·(−log(x / (1 − x)))
 *     ∂dx/∂x = scale·w·(x² − 2xy + y) / d²      ∂dx/∂y = −scale·w / d
 *   logits (any real x), logσ(x) = min(x, 0) − log1p(e^−|x|), pos_weight pw (1 without):
 *     l  = w · ((1 − y)·x − (1 + (pw − 1)·y)·logσ(x))
 *     dx = scale·w·(c·σ(x) − pw·y),  c = pw·y + 1 − y             dy = scale·w·(logσ(−x) − pw·logσ(x))
 *     ∂dx/∂x = scale·w·c·σ(x)(1 − σ(x))         ∂dx/∂y = scale·w·((pw − 1)·σ(x) − pw)
 *   both:   none → l    sum → Σ l    mean → Σ l / numel
 *     ∂dx/∂g = reduce-adjoint(w·grad)    ∂dx/∂w = scale·grad      (grad: dx without scale and w)
 * </pre>
 *
 * The −100 clamp keeps x ∈ {0, 1} finite (loss 100) while the gradient there is ±1e12, as in
 * PyTorch. The logits form is exact for logits of ±1e4; infinite logits give NaN except x = +inf
 * with y &lt; 1 (→ +inf). w and pw are broadcast to the input's shape and are constants here.
 */
final class BinaryCrossEntropy {
    /** BCE's gradient floor: PyTorch's {@code EPSILON = 1e-12} as a float, widened. */
    static final double BCE_EPS = (double) (float) 1e-12;

    private BinaryCrossEntropy() {
    }

    /** Which member of the family. */
    enum Kind {
        PROBABILITIES("binary_cross_entropy", "BinaryCrossEntropy"),
        LOGITS("binary_cross_entropy_with_logits", "BinaryCrossEntropyWithLogits");

        final String op;
        final String nodeName;

        Kind(String op, String nodeName) {
            this.op = op;
            this.nodeName = nodeName;
        }
    }

    // ------------------------------------------------------------------ validation, in PyTorch's order

    /** binary_cross_entropy: same shapes, weight broadcast, dtypes, then the [0, 1] ranges. */
    static Variable probabilities(Variable input, Variable target, @Nullable Variable weight, LossOptions o) {
        String op = Kind.PROBABILITIES.op;
        Tensor x = input.value();
        Tensor t = target.value();
        int[] shape = x.shape().toArray();
        if (!x.shape().equals(t.shape())) {
            throw new LossException(op, "Using a target size (" + TorchText.torchSize(t.shape().toArray())
                    + ") that is different to the input size (" + TorchText.torchSize(shape) + ") is deprecated."
                    + " Please ensure they have the same size.");
        }
        if (weight != null) { // PyTorch broadcasts the weight before it checks the dtypes and the range
            Broadcasts.broadcast(op, shape, weight.value().shape().toArray());
        }
        if (t.dtype() != x.dtype()) {
            throw new LossException(op, "Found dtype " + TorchText.typeName(t.dtype()) + " but expected "
                    + TorchText.typeName(x.dtype()));
        }
        Checks.requireFloatInput(op, "binary_cross_entropy", x);
        double[] xs = Buffers.read(x);
        double[] ys = Buffers.read(t);
        for (int i = 0; i < xs.length; i++) {
            if (!(xs[i] >= 0 && xs[i] <= 1)) {
                throw new LossException(op, "all elements of input should be between 0 and 1");
            }
            if (!(ys[i] >= 0 && ys[i] <= 1)) {
                throw new LossException(op, "all elements of target should be between 0 and 1");
            }
        }
        Tensor w = weight == null ? null : weight(op, weight, shape, x.dtype());
        return new Node(Kind.PROBABILITIES, w, null, Reducer.elementwise(o.reduction(), shape)).apply(input, target);
    }

    /** binary_cross_entropy_with_logits: same shapes, pos_weight, target dtype, weight. */
    static Variable logits(Variable input, Variable target, @Nullable Variable weight, LossOptions o) {
        String op = Kind.LOGITS.op;
        Tensor x = input.value();
        Tensor t = target.value();
        int[] shape = x.shape().toArray();
        if (!x.shape().equals(t.shape())) {
            throw new LossException(op, "Target size (" + TorchText.torchSize(t.shape().toArray())
                    + ") must be the same as input size (" + TorchText.torchSize(shape) + ")");
        }
        Checks.requireFloatInput(op, "log_sigmoid_cpu", x);
        Tensor pw = o.posWeight();
        if (pw != null) {
            int[] logWeight = Broadcasts.broadcast(op, pw.shape().toArray(), shape);
            Broadcasts.broadcastsInto(op, shape, logWeight);
            Broadcasts.requireSameDtypeInPlace(op, "pos_weight", pw, x.dtype());
            pw = pw.expand(Shape.of(shape));
        }
        if (t.dtype() != x.dtype()) {
            DType result = DType.promote(t.dtype(), x.dtype());
            throw new LossException(op, result != t.dtype()
                    ? "result type " + TorchText.typeName(result) + " can't be cast to the desired output type "
                            + TorchText.typeName(t.dtype())
                    : "target has dtype " + t.dtype().shortName() + " but the input has dtype " + x.dtype().shortName()
                            + " (they must match)");
        }
        Tensor w = weight == null ? null : weight(op, weight, shape, x.dtype());
        return new Node(Kind.LOGITS, w, pw, Reducer.elementwise(o.reduction(), shape)).apply(input, target);
    }

    /**
     * The element weight of the BCE losses, which PyTorch multiplies into the loss in place and
     * cannot differentiate: it must broadcast into {@code shape} without enlarging it, have the
     * input's dtype and not require a gradient. Returns it expanded to {@code shape}.
     */
    private static Tensor weight(String op, Variable weight, int[] shape, DType input) {
        Broadcasts.broadcastsInto(op, shape, weight.value().shape().toArray());
        Broadcasts.requireSameDtypeInPlace(op, "weight", weight.value(), input);
        if (weight.requiresGrad()) {
            throw Checks.notDifferentiable(op, op, "weight");
        }
        return weight.value().expand(Shape.of(shape));
    }


    // ------------------------------------------------------------------ scalar formulas

    /** σ(x) = 1 / (1 + e^−x), without overflow for any x. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /** log σ(x) = min(x, 0) − log1p(e^−|x|): finite for every finite x (PyTorch's log_sigmoid). */
    static double logSigmoid(double x) {
        return Math.min(x, 0) - Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** The loss term l / w of one element ({@code pw} is read only when {@code hasPw}). */
    static double term(Kind kind, double x, double y, boolean hasPw, double pw) {
        if (kind == Kind.PROBABILITIES) {
            return (y - 1) * Math.max(Math.log1p(-x), -100) - y * Math.max(Math.log(x), -100);
        }
        double ls = logSigmoid(x);
        double weighted = hasPw ? ls * ((pw - 1) * y + 1) : ls;
        return (1 - y) * x - weighted;
    }

    /** d term / dx: (x − y) / max(x(1 − x), EPS) (the backward ignores the clamp), or c·σ(x) − pw·y. */
    static double grad(Kind kind, double x, double y, boolean hasPw, double pw) {
        if (kind == Kind.PROBABILITIES) {
            return (x - y) / Math.max((1 - x) * x, BCE_EPS);
        }
        if (!hasPw) {
            return sigmoid(x) - y;
        }
        double t = pw * y;
        return (t + 1 - y) * sigmoid(x) - t;
    }

    // ------------------------------------------------------------------ the nodes

    /** l = w·term(x, y) elementwise, reduced; inputs (x, y). */
    private static final class Node extends Function {
        private final Kind kind;
        private final @Nullable Tensor weight;
        private final @Nullable Tensor posWeight;
        private final Reducer reducer;

        Node(Kind kind, @Nullable Tensor weight, @Nullable Tensor posWeight, Reducer reducer) {
            this.kind = kind;
            this.weight = weight;
            this.posWeight = posWeight;
            this.reducer = reducer;
        }

        @Override
        protected Tensor forward(Tensor... in) {
            double[] x = Buffers.read(in[0]);
            double[] y = Buffers.read(in[1]);
            double[] w = weight == null ? null : Buffers.read(weight);
            double[] pw = posWeight == null ? null : Buffers.read(posWeight);
            double[] l = new double[x.length];
            for (int i = 0; i < l.length; i++) {
                l[i] = term(kind, x[i], y[i], pw != null, pw == null ? 0 : pw[i]);
                if (w != null) {
                    l[i] *= w[i];
                }
            }
            return reducer.reduce(l, in[0].dtype());
        }

        @Override
        protected @Nullable Variable[] backward(Variable g) {
            Variable x = input(0);
            Variable y = input(1);
            @Nullable Variable w = weight == null ? null : Variable.of(weight);
            Variable dx = x.requiresGrad() ? gradNode(kind, posWeight, reducer, g, x, y, w) : null;
            Variable dy = null;
            if (y.requiresGrad()) {
                Variable d = kind == Kind.PROBABILITIES ? x.div(x.unaryMinus().plus(1)).log().unaryMinus()
                        : posWeight == null ? x.unaryMinus()
                        : x.unaryMinus().logSigmoid().minus(x.logSigmoid().times(Variable.of(posWeight)));
                Variable scaled = reducer.scaleVar(g).times(d);
                dy = w == null ? scaled : scaled.times(w);
            }
            return new Variable[] {dx, dy};
        }

        @Override
        public String name() {
            return kind.nodeName + "Backward0";
        }
    }

    /** The gradient node applied to (g, x, y[, w]): dx = scale·w·grad(x, y). */
    static Variable gradNode(Kind kind, @Nullable Tensor posWeight, Reducer reducer, Variable g, Variable x,
                             Variable y, @Nullable Variable w) {
        GradNode op = new GradNode(kind, posWeight, reducer);
        return w == null ? op.apply(g, x, y) : op.apply(g, x, y, w);
    }

    /** dx = scale·w·grad(x, y) as a node of its own, inputs (g, x, y[, w]), so that it can be differentiated. */
    private static final class GradNode extends Function {
        private final Kind kind;
        private final @Nullable Tensor posWeight;
        private final Reducer reducer;

        GradNode(Kind kind, @Nullable Tensor posWeight, Reducer reducer) {
            this.kind = kind;
            this.posWeight = posWeight;
            this.reducer = reducer;
        }

        @Override
        protected Tensor forward(Tensor... in) {
            double[] x = Buffers.read(in[1]);
            double[] y = Buffers.read(in[2]);
            double[] w = in.length > 3 ? Buffers.read(in[3]) : null;
            double[] pw = posWeight == null ? null : Buffers.read(posWeight);
            double[] s = reducer.elementScales(in[0]);
            double[] dx = new double[x.length];
            for (int i = 0; i < dx.length; i++) {
                dx[i] = s[i] * grad(kind, x[i], y[i], pw != null, pw == null ? 0 : pw[i]);
                if (w != null) {
                    dx[i] *= w[i];
                }
            }
            return Buffers.make(dx, in[1].dtype(), in[1].shape().toArray());
        }

        @Override
        protected @Nullable Variable[] backward(Variable gg) {
            Variable g = input(0);
            Variable x = input(1);
            Variable y = input(2);
            @Nullable Variable w = inputCount() > 3 ? input(3) : null;
            Variable wgg = w == null ? gg : gg.times(w);
            Variable scaled = wgg.times(reducer.scaleVar(g));
            Variable grad;
            Variable wGrad; // gg·w·grad, the element terms of ∂/∂g
            Variable dx;
            Variable dy;
            if (kind == Kind.PROBABILITIES) {
                Variable d = x.times(x.unaryMinus().plus(1)).clamp(BCE_EPS, Double.POSITIVE_INFINITY);
                grad = x.minus(y).div(d);
                wGrad = wgg.times(x.minus(y)).div(d);
                dx = x.requiresGrad() ? scaled.times(x.times(x).minus(x.times(y).times(2)).plus(y)).div(d.times(d)) : null;
                dy = y.requiresGrad() ? scaled.div(d).unaryMinus() : null;
            } else if (posWeight == null) {
                Variable s = x.sigmoid();
                grad = s.minus(y);
                wGrad = wgg.times(grad);
                dx = x.requiresGrad() ? scaled.times(s).times(s.unaryMinus().plus(1)) : null;
                dy = y.requiresGrad() ? scaled.unaryMinus() : null;
            } else {
                Variable s = x.sigmoid();
                Variable pw = Variable.of(posWeight);
                Variable pwy = pw.times(y);
                Variable c = pwy.plus(1).minus(y);
                grad = c.times(s).minus(pwy);
                wGrad = wgg.times(grad);
                dx = x.requiresGrad() ? scaled.times(c).times(s).times(s.unaryMinus().plus(1)) : null;
                dy = y.requiresGrad() ? scaled.times(pw.minus(1).times(s).minus(pw)) : null;
            }
            Variable dg = g.requiresGrad() ? reducer.reduceVar(wGrad) : null;
            if (w == null) {
                return new Variable[] {dg, dx, dy};
            }
            Variable dw = w.requiresGrad() ? gg.times(reducer.scaleVar(g)).times(grad) : null;
            return new Variable[] {dg, dx, dy, dw};
        }

        @Override
        public String name() {
            return kind.nodeName + "BackwardBackward0";
        }
    }

    // ------------------------------------------------------------------ explanation

    /**
     * Element by element on the input's own shape: the (clamped) logs or log-sigmoids, pos_weight
     * and weights, the per-element loss, the reduction, then the closed-form gradient next to
     * autograd's. {@code loss} is the configured loss, run once to fail on bad input.
     */
    static Explanation explain(Kind kind, Loss loss, Variable input, Variable target) {
        LossOptions o = loss.options();
        Tensor xv = input.value();
        Tensor yv = target.value();
        Report.Run run = Report.run(x -> loss.apply(x, Variable.of(yv)), xv);
        Tensor w = o.weight() == null ? null : o.weight().expand(xv.shape());
        Tensor pw = o.posWeight() == null ? null : o.posWeight().expand(xv.shape());

        Report r = new Report();
        r.line(kind.op + " — " + Report.describe(o, false));
        r.tensor(kind == Kind.PROBABILITIES ? "input x (probabilities):" : "logits x:", xv);
        r.tensor("target y:", yv);
        r.line("");
        r.line("Forward, per element:");
        Tensor l;
        Tensor closed;
        String lossFormula;
        String gradFormula;
        if (kind == Kind.PROBABILITIES) {
            Tensor logX = xv.log().clamp(-100, Double.POSITIVE_INFINITY);
            Tensor log1mX = xv.unaryMinus().log1p().clamp(-100, Double.POSITIVE_INFINITY);
            r.step("log x", "max(log x, −100)", logX);
            r.step("log (1 − x)", "max(log1p(−x), −100)", log1mX);
            l = yv.minus(1).times(log1mX).minus(yv.times(logX));
            lossFormula = "(−y·log x − (1 − y)·log(1 − x))";
            closed = xv.minus(yv).div(xv.times(xv.unaryMinus().plus(1)).clamp(BCE_EPS, Double.POSITIVE_INFINITY));
            gradFormula = "(x − y) / max(x·(1 − x), 1e-12)";
        } else {
            Tensor ls = xv.logSigmoid();
            r.step("log σ(x)", "min(x, 0) − log1p(exp(−|x|))", ls);
            r.step("log σ(−x)", "= log(1 − σ(x))", xv.unaryMinus().logSigmoid());
            Tensor lw = Tensor.ones(xv.dtype(), xv.shape().toArray());
            if (pw != null) {
                r.step("pos_weight", "pw (broadcast)", pw);
                lw = pw.minus(1).times(yv).plus(1);
                r.step("log weight", "lw = 1 + (pw − 1)·y", lw);
            }
            l = yv.unaryMinus().plus(1).times(xv).minus(lw.times(ls));
            lossFormula = "((1 − y)·x − " + (pw != null ? "lw·" : "") + "log σ(x))  = −" + (pw != null ? "pw·" : "")
                    + "y·log σ(x) − (1 − y)·log σ(−x)";
            Tensor sig = xv.sigmoid();
            closed = pw == null ? sig.minus(yv) : pw.times(yv).plus(1).minus(yv).times(sig).minus(pw.times(yv));
            gradFormula = pw == null ? "(σ(x) − y)" : "((pw·y + 1 − y)·σ(x) − pw·y)";
        }
        if (w != null) {
            r.step("weights", "w (broadcast)", w);
            l = l.times(w);
            closed = closed.times(w);
        }
        r.step("per-element loss", "l = " + (w != null ? "w·" : "") + lossFormula, l);
        Tensor scale = r.reduce(l, o.reduction(), xv.numel(), "numel");
        r.tensor("loss (fused node):", run.result());
        closed = closed.times(scale);
        return r.backward((w != null ? "w · " : "") + gradFormula + Report.meanSuffix(o.reduction(), "n", xv.numel()),
                Report.seedWords(o.reduction()), closed, run.grad());
    }
}
