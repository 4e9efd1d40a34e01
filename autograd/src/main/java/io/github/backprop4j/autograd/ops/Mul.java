package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/** a · b elementwise (broadcast). ∂/∂a = g·b, ∂/∂b = g·a, each summed back to its operand's shape. */
public final class Mul extends Op {
    /** A fresh, unapplied a · b node; {@link Variable#times(Variable)} applies one. */
    public Mul() {
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].times(x[1]);
    }

    @Override
    protected @Nullable Variable[] backward(Variable g) {
        Variable a = input(0);
        Variable b = input(1);
        return new Variable[] {
            a.requiresGrad() ? g.times(b).sumTo(a.shape()) : null,
            b.requiresGrad() ? g.times(a).sumTo(b.shape()) : null};
    }
}
