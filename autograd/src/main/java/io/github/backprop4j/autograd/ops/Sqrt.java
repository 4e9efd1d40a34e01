package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;

/** √x. ∂/∂x = g / (2·y), with y = √x the result. */
public final class Sqrt extends Op {
    /** A fresh, unapplied √x node; {@link Variable#sqrt()} applies one. */
    public Sqrt() {
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].sqrt();
    }

    @Override
    protected Variable[] backward(Variable g) {
        return new Variable[] {g.div(result().times(2))};
    }
}
