package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;

/**
 * log σ(x) = min(x, 0) − log(1 + e<sup>−|x|</sup>), finite for any x. ∂/∂x = g·σ(−x) = g·(1 − σ(x)),
 * also finite for any x.
 */
public final class LogSigmoid extends Op {
    /** A fresh, unapplied log σ(x) node; {@link Variable#logSigmoid()} applies one. */
    public LogSigmoid() {
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].logSigmoid();
    }

    @Override
    protected Variable[] backward(Variable g) {
        return new Variable[] {g.times(input(0).unaryMinus().sigmoid())};
    }
}
