package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;

/** max(x, 0). ∂/∂x = g where x &gt; 0, else 0 (0 at x = 0 too, as PyTorch's {@code threshold_backward}). */
public final class Relu extends Op {
    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].relu();
    }

    @Override
    protected Variable[] backward(Variable g) {
        return new Variable[] {g.maskedFill(input(0).value().le(0), 0)};
    }
}
