package io.github.backprop4j.losses.internal;

import io.github.backprop4j.autograd.Function;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * Binary cross-entropy on probabilities x ∈ [0, 1] with targets y ∈ [0, 1] (inputs x, y; the
 * weight w, already broadcast to x's shape, is a constant) — losses.md §5:
 *
 * <pre>
 *   l = w · ((y − 1)·max(log1p(−x), −100) − y·max(log x, −100))
 *   none → l     sum → Σ l     mean → Σ l / numel
 *   dx = scale · w · (x − y) / max(x(1 − x), 1e-12)        ({@link BceBackwardOp}; ignores the clamp)
 *   dy = scale · w · (−logit x) = scale · w · (−log(x / (1 − x)))
 * </pre>
 */
public final class BceOp extends Function {
    private final @Nullable Tensor weight;
    private final Reducer reducer;

    /** {@code weight}: null or broadcast to the input's shape. */
    public BceOp(@Nullable Tensor weight, Reducer reducer) {
        this.weight = weight;
        this.reducer = reducer;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        double[] x = Buffers.read(in[0]);
        double[] y = Buffers.read(in[1]);
        double[] w = weight == null ? null : Buffers.read(weight);
        double[] l = new double[x.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = BinaryKernels.bce(x[i], y[i]);
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
        Variable dx = x.requiresGrad() ? new BceBackwardOp(weight, reducer).apply(g, x, y) : null;
        Variable dy = null;
        if (y.requiresGrad()) {
            Variable negLogit = x.div(x.unaryMinus().plus(1)).log().unaryMinus();
            Variable scaled = reducer.scaleVar(g).times(negLogit);
            dy = weight == null ? scaled : scaled.times(Variable.of(weight));
        }
        return new Variable[] {dx, dy};
    }

    @Override
    public String name() {
        return "BinaryCrossEntropyBackward0";
    }
}
