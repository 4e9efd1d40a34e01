package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/** a + b (broadcast). ∂/∂a = g, ∂/∂b = g, each summed back to its operand's shape. */
public final class Add extends Op {
    /** A fresh, unapplied a + b node; {@link Variable#plus(Variable)} applies one. */
    public Add() {
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].plus(x[1]);
    }

    @Override
    protected @Nullable Variable[] backward(Variable g) {
        Variable a = input(0);
        Variable b = input(1);
        return new Variable[] {
            a.requiresGrad() ? g.sumTo(a.shape()) : null,
            b.requiresGrad() ? g.sumTo(b.shape()) : null};
    }
}
