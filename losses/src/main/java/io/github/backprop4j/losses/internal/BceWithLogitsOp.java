package io.github.backprop4j.losses.internal;

import io.github.backprop4j.autograd.Function;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * Binary cross-entropy on logits (inputs x, y; weight w and pos_weight pw, both broadcast to x's
 * shape, are constants) — losses.md §6, PyTorch's current formula:
 *
 * <pre>
 *   logσ(x) = min(x, 0) − log1p(e^−|x|)        lw = 1 + (pw − 1)·y   (1 without pos_weight)
 *   l  = w · ((1 − y)·x − lw·logσ(x))
 *   none → l     sum → Σ l     mean → Σ l / numel
 *   dx = scale · w · ((pw·y + 1 − y)·σ(x) − pw·y)      ({@link BceWithLogitsBackwardOp}; σ(x) − y without pw)
 *   dy = scale · w · (logσ(−x) − pw·logσ(x))          (−x without pw)
 * </pre>
 *
 * Exact for logits of ±1e4; infinite logits give NaN except x = +inf with y &lt; 1 (→ +inf).
 */
public final class BceWithLogitsOp extends Function {
    private final @Nullable Tensor weight;
    private final @Nullable Tensor posWeight;
    private final Reducer reducer;

    /** {@code weight} and {@code posWeight}: null or broadcast to the input's shape. */
    public BceWithLogitsOp(@Nullable Tensor weight, @Nullable Tensor posWeight, Reducer reducer) {
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
            l[i] = BinaryKernels.bceWithLogits(x[i], y[i], pw != null, pw == null ? 0 : pw[i]);
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
        Variable dx = null;
        if (x.requiresGrad()) {
            BceWithLogitsBackwardOp op = new BceWithLogitsBackwardOp(posWeight, reducer);
            dx = weight == null ? op.apply(g, x, y) : op.apply(g, x, y, Variable.of(weight));
        }
        Variable dy = null;
        if (y.requiresGrad()) {
            Variable d = posWeight == null ? x.unaryMinus()
                    : x.unaryMinus().logSigmoid().minus(x.logSigmoid().times(Variable.of(posWeight)));
            Variable scaled = reducer.scaleVar(g).times(d);
            dy = weight == null ? scaled : scaled.times(Variable.of(weight));
        }
        return new Variable[] {dx, dy};
    }

    @Override
    public String name() {
        return "BinaryCrossEntropyWithLogitsBackward0";
    }
}
