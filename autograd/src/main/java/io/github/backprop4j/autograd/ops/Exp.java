package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;

/** e^x. ∂/∂x = g · e^x (the output itself). */
public final class Exp extends Op {
    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].exp();
    }

    @Override
    protected Variable[] backward(Variable g) {
        return new Variable[] {g.times(input(0).exp())};
    }
}
