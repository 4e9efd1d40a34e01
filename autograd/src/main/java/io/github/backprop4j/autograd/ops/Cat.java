package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Concatenation of x₀, x₁, … along {@code dim} (stack is built on it). ∂/∂xᵢ = the slice of g
 * that xᵢ occupies: g.narrow(dim, offsetᵢ, sizeᵢ).
 */
public final class Cat extends Op {
    private final int dim;

    /**
     * A concatenation along {@code dim}; {@link Variable#cat} applies one to its inputs.
     *
     * @param dim the dimension to join along (negative counts from the end), checked in forward
     */
    public Cat(int dim) {
        this.dim = dim;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return Tensor.cat(List.of(x), dim);
    }

    @Override
    protected @Nullable Variable[] backward(Variable g) {
        int n = inputCount();
        int d = Shape.normalizeDim(dim, g.dim(), "cat");
        Variable[] grads = new Variable[n];
        int offset = 0;
        for (int i = 0; i < n; i++) {
            int size = input(i).size(d);
            grads[i] = input(i).requiresGrad() ? g.narrow(d, offset, size) : null;
            offset += size;
        }
        return grads;
    }
}
