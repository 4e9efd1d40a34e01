package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;

/** ln x. ∂/∂x = g / x. */
public final class Log extends Op {
    /** A fresh, unapplied ln x node; {@link Variable#log()} applies one. */
    public Log() {
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].log();
    }

    @Override
    protected Variable[] backward(Variable g) {
        return new Variable[] {g.div(input(0))};
    }
}
