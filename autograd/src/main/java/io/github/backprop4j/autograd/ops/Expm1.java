package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;

/** e<sup>x</sup> − 1. ∂/∂x = g·(y + 1), with y the result. */
public final class Expm1 extends Op {
    /** A fresh, unapplied e<sup>x</sup> − 1 node; {@link Variable#expm1()} applies one. */
    public Expm1() {
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].expm1();
    }

    @Override
    protected Variable[] backward(Variable g) {
        return new Variable[] {g.times(result().plus(1))};
    }
}
