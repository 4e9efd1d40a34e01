package io.github.backprop4j.losses.internal;

import io.github.backprop4j.autograd.Function;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * The logit-space gradient shared by BCE-with-logits and multi-label soft margin, as an op of
 * its own, inputs (g, x, y) or (g, x, y, w) of one shape (pos_weight pw, broadcast to it, is a
 * constant): dx = scale · w · (c·σ(x) − pw·y) with c = pw·y + 1 − y; without pos_weight
 * dx = scale · w · (σ(x) − y). Its own gradients, with s = σ(x):
 *
 * <pre>
 *   ∂/∂g : reduce-adjoint( gg · w · (c·s − pw·y) )
 *   ∂/∂x : gg · scale · w · c · s·(1 − s)
 *   ∂/∂y : gg · scale · w · ((pw − 1)·s − pw)          (−gg · scale · w without pos_weight)
 *   ∂/∂w : gg · scale · (c·s − pw·y)
 * </pre>
 */
public final class BceWithLogitsBackwardOp extends Function {
    private final @Nullable Tensor posWeight;
    private final Reducer reducer;

    public BceWithLogitsBackwardOp(@Nullable Tensor posWeight, Reducer reducer) {
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
            dx[i] = BinaryKernels.bceWithLogitsGrad(x[i], y[i], pw != null, pw == null ? 0 : pw[i]) * s[i];
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
        Variable s = x.sigmoid();
        Variable wgg = w == null ? gg : gg.times(w);
        Variable scaled = wgg.times(reducer.scaleVar(g));
        Variable grad;
        Variable dx;
        Variable dy;
        if (posWeight == null) {
            grad = s.minus(y);
            dx = x.requiresGrad() ? scaled.times(s).times(s.unaryMinus().plus(1)) : null;
            dy = y.requiresGrad() ? scaled.unaryMinus() : null;
        } else {
            Variable pw = Variable.of(posWeight);
            Variable pwy = pw.times(y);
            Variable c = pwy.plus(1).minus(y);
            grad = c.times(s).minus(pwy);
            dx = x.requiresGrad() ? scaled.times(c).times(s).times(s.unaryMinus().plus(1)) : null;
            dy = y.requiresGrad() ? scaled.times(pw.minus(1).times(s).minus(pw)) : null;
        }
        Variable dg = g.requiresGrad() ? reducer.reduceVar(wgg.times(grad)) : null;
        if (w == null) {
            return new Variable[] {dg, dx, dy};
        }
        Variable dw = w.requiresGrad() ? gg.times(reducer.scaleVar(g)).times(grad) : null;
        return new Variable[] {dg, dx, dy, dw};
    }

    @Override
    public String name() {
        return "BinaryCrossEntropyWithLogitsBackwardBackward0";
    }
}
