package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/** a / b elementwise (broadcast). ∂/∂a = g / b, ∂/∂b = −g·a / b², each summed back to its operand's shape. */
public final class Div extends Op {
    /** A fresh, unapplied a / b node; {@link Variable#div(Variable)} applies one. */
    public Div() {
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].div(x[1]);
    }

    @Override
    protected @Nullable Variable[] backward(Variable g) {
        Variable a = input(0);
        Variable b = input(1);
        return new Variable[] {
            a.requiresGrad() ? g.div(b).sumTo(a.shape()) : null,
            b.requiresGrad() ? g.times(a).div(b.times(b)).unaryMinus().sumTo(b.shape()) : null};
    }
}
