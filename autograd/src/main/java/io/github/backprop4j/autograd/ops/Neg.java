package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;

/** −x. ∂/∂x = −g. */
public final class Neg extends Op {
    /** A fresh, unapplied −x node; {@link Variable#unaryMinus()} applies one. */
    public Neg() {
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].unaryMinus();
    }

    @Override
    protected Variable[] backward(Variable g) {
        return new Variable[] {g.unaryMinus()};
    }
}
