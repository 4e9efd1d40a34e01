package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/** a − b (broadcast). ∂/∂a = g, ∂/∂b = −g, each summed back to its operand's shape. */
public final class Sub extends Op {
    /** A fresh, unapplied a − b node; {@link Variable#minus(Variable)} applies one. */
    public Sub() {
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].minus(x[1]);
    }

    @Override
    protected @Nullable Variable[] backward(Variable g) {
        Variable a = input(0);
        Variable b = input(1);
        return new Variable[] {
            a.requiresGrad() ? g.sumTo(a.shape()) : null,
            b.requiresGrad() ? g.unaryMinus().sumTo(b.shape()) : null};
    }
}
