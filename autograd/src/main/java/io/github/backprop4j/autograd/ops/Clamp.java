package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;

/**
 * x clamped into [min, max] (±infinity for one side). ∂/∂x = g where min ≤ x ≤ max, else 0:
 * the gradient passes at the bounds themselves, as PyTorch's {@code clamp_backward}.
 */
public final class Clamp extends Op {
    private final double min;
    private final double max;

    /**
     * A clamp into [min, max]; {@link Variable#clamp} applies one.
     *
     * @param min the lower bound, or {@code Double.NEGATIVE_INFINITY} for none
     * @param max the upper bound, or {@code Double.POSITIVE_INFINITY} for none (forward fails
     *        when min &gt; max)
     */
    public Clamp(double min, double max) {
        this.min = min;
        this.max = max;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].clamp(min, max);
    }

    @Override
    protected Variable[] backward(Variable g) {
        Tensor x = input(0).value();
        return new Variable[] {g.maskedFill(x.ge(min).times(x.le(max)).eq(0), 0)};
    }
}
