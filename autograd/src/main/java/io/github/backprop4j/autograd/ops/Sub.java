package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;

/** a − b (broadcast). ∂/∂a = g, ∂/∂b = −g, each summed back to its operand's shape. */
public final class Sub extends Op {
    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].minus(x[1]);
    }

    @Override
    protected Variable[] backward(Variable g) {
        return new Variable[] {g.sumTo(input(0).shape()), g.unaryMinus().sumTo(input(1).shape())};
    }
}
