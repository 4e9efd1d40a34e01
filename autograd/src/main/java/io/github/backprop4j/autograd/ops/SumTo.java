package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;

/** Sums x down to a shape that broadcasts to x's (undoing a broadcast). ∂/∂x = g expanded back. */
public final class SumTo extends Op {
    private final Shape target;

    /**
     * A sum down to {@code target}; {@link Variable#sumTo} applies one.
     *
     * @param target a shape that broadcasts to x's; forward fails otherwise
     */
    public SumTo(Shape target) {
        this.target = target;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].sumTo(target);
    }

    @Override
    protected Variable[] backward(Variable g) {
        return new Variable[] {g.expand(input(0).shape())};
    }
}
