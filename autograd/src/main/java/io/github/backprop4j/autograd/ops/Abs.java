package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;

/** |x|. ∂/∂x = g·sign(x), so 0 at x = 0 (as PyTorch's {@code sgn}). */
public final class Abs extends Op {
    /** A fresh, unapplied |x| node; {@link Variable#abs()} applies one. */
    public Abs() {
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].abs();
    }

    @Override
    protected Variable[] backward(Variable g) {
        return new Variable[] {g.times(Variable.of(input(0).value().sign()))};
    }
}
