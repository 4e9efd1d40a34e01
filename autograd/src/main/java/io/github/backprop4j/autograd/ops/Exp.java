package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;

/** e<sup>x</sup>. ∂/∂x = g·e<sup>x</sup>, which is g times the result itself. */
public final class Exp extends Op {
    /** A fresh, unapplied e<sup>x</sup> node; {@link Variable#exp()} applies one. */
    public Exp() {
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].exp();
    }

    @Override
    protected Variable[] backward(Variable g) {
        return new Variable[] {g.times(result())};
    }
}
