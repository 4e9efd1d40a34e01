package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;

/** ln(1 + x). ∂/∂x = g / (1 + x). */
public final class Log1p extends Op {
    /** A fresh, unapplied ln(1 + x) node; {@link Variable#log1p()} applies one. */
    public Log1p() {
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].log1p();
    }

    @Override
    protected Variable[] backward(Variable g) {
        return new Variable[] {g.div(input(0).plus(1))};
    }
}
