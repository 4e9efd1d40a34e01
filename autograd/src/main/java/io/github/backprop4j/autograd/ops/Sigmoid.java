package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;

/** σ(x) = 1 / (1 + e<sup>−x</sup>). ∂/∂x = g·y·(1 − y), with y the result, written g·y − g·y·y. */
public final class Sigmoid extends Op {
    /** A fresh, unapplied σ(x) node; {@link Variable#sigmoid()} applies one. */
    public Sigmoid() {
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].sigmoid();
    }

    @Override
    protected Variable[] backward(Variable g) {
        Variable gy = g.times(result());
        return new Variable[] {gy.minus(gy.times(result()))};
    }
}
