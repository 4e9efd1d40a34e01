package io.github.backprop4j.losses.internal;

import io.github.backprop4j.autograd.Function;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

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
public final class MultiLabelSoftMarginOp extends Function {
    private final Layout layout;
    private final Reducer reducer;
    private final int classes;

    /** {@code classes}: C = input.size(−1), the divisor of each row. */
    public MultiLabelSoftMarginOp(Layout layout, Reducer reducer, int classes) {
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
                double e = BinaryKernels.softMargin(x[k], y[k]);
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
            BceWithLogitsBackwardOp op = new BceWithLogitsBackwardOp(null, reducer);
            dx = w == null ? op.apply(g, x, y) : op.apply(g, x, y, w);
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
