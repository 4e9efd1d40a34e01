package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;

/** x with a new shape (one size may be -1). ∂/∂x = g reshaped back to x's shape. */
public final class Reshape extends Op {
    private final int[] shape;

    /**
     * A reshape to {@code shape}; {@link Variable#reshape} applies one.
     *
     * @param shape the new sizes; one may be -1, inferred from the element count
     */
    public Reshape(int... shape) {
        this.shape = shape.clone();
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].reshape(shape);
    }

    @Override
    protected Variable[] backward(Variable g) {
        return new Variable[] {g.reshape(input(0).shape().toArray())};
    }
}
