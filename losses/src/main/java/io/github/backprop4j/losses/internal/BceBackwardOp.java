package io.github.backprop4j.losses.internal;

import io.github.backprop4j.autograd.Function;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * The backward of BCE with respect to x, as an op of its own, inputs (g, x, y):
 * dx = scale · w · (x − y) / d with d = max(x(1 − x), EPS), EPS = (float) 1e-12. Its own
 * gradients (losses.md §5.3, with the same clamped d):
 *
 * <pre>
 *   ∂/∂g : reduce-adjoint( gg · w · (x − y) / d )
 *   ∂/∂x : gg · scale · w · (x² − 2xy + y) / d²
 *   ∂/∂y : −gg · scale · w / d
 * </pre>
 */
public final class BceBackwardOp extends Function {
    private final @Nullable Tensor weight;
    private final Reducer reducer;

    public BceBackwardOp(@Nullable Tensor weight, Reducer reducer) {
        this.weight = weight;
        this.reducer = reducer;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        double[] x = Buffers.read(in[1]);
        double[] y = Buffers.read(in[2]);
        double[] w = weight == null ? null : Buffers.read(weight);
        double[] s = reducer.elementScales(in[0]);
        double[] dx = new double[x.length];
        for (int i = 0; i < dx.length; i++) {
            dx[i] = s[i] * BinaryKernels.bceGrad(x[i], y[i]);
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
        Variable d = x.times(x.unaryMinus().plus(1)).clamp(BinaryKernels.BCE_EPS, Double.POSITIVE_INFINITY);
        Variable wgg = weight == null ? gg : gg.times(Variable.of(weight));
        Variable scaled = wgg.times(reducer.scaleVar(g));
        return new Variable[] {
            g.requiresGrad() ? reducer.reduceVar(wgg.times(x.minus(y)).div(d)) : null,
            x.requiresGrad()
                    ? scaled.times(x.times(x).minus(x.times(y).times(2)).plus(y)).div(d.times(d)) : null,
            y.requiresGrad() ? scaled.div(d).unaryMinus() : null};
    }

    @Override
    public String name() {
        return "BinaryCrossEntropyBackwardBackward0";
    }
}
