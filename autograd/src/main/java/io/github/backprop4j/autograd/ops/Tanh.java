package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;

/** tanh x. ∂/∂x = g·(1 − y²), with y the result, written g − g·y·y. */
public final class Tanh extends Op {
    /** A fresh, unapplied tanh x node; {@link Variable#tanh()} applies one. */
    public Tanh() {
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].tanh();
    }

    @Override
    protected Variable[] backward(Variable g) {
        Variable y = result();
        return new Variable[] {g.minus(g.times(y).times(y))};
    }
}
