package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;

/** x converted to another floating dtype. ∂/∂x = g converted back to x's dtype. */
public final class Cast extends Op {
    private final DType dtype;

    /**
     * A conversion to {@code dtype}; {@link Variable#to} applies one.
     *
     * @param dtype the target dtype, float32 or float64
     * @throws IllegalArgumentException if {@code dtype} is not a floating dtype (int64 values
     *         cannot carry gradients)
     */
    public Cast(DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("to: only floating point dtypes are differentiable, got "
                    + dtype.shortName() + " (use value().to(...) for a constant)");
        }
        this.dtype = dtype;
    }

    @Override
    public String name() {
        return "To" + dtype.shortName().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + dtype.shortName().substring(1);
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].to(dtype);
    }

    @Override
    protected Variable[] backward(Variable g) {
        return new Variable[] {g.to(input(0).dtype())};
    }
}
