package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;

/** Broadcasts x to a larger shape (a view). ∂/∂x = g summed back to x's shape. */
public final class Expand extends Op {
    private final Shape target;

    /**
     * A broadcast to {@code target}; {@link Variable#expand(Shape)} applies one.
     *
     * @param target the shape to broadcast to; forward fails if x's shape does not broadcast to it
     */
    public Expand(Shape target) {
        this.target = target;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].expand(target);
    }

    @Override
    protected Variable[] backward(Variable g) {
        return new Variable[] {g.sumTo(input(0).shape())};
    }
}
