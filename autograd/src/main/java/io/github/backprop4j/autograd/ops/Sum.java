package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * Σ x over {@code dims} (all dims when null or empty). ∂/∂x = g expanded back to x's shape (after
 * re-inserting the summed dims as size 1 when keepdim was false).
 */
public final class Sum extends Op {
    private final int @Nullable [] dims;
    private final boolean keepdim;

    /**
     * A sum over {@code dims}; {@link Variable#sum()} and {@link Variable#sum(int[], boolean)}
     * apply one.
     *
     * @param dims the dimensions to reduce (negative counts from the end); null or empty means
     *        every dim
     * @param keepdim whether the reduced dimensions stay, with size 1 (ignored when dims is null,
     *        which gives a 0-d sum)
     */
    public Sum(int @Nullable [] dims, boolean keepdim) {
        this.dims = dims == null ? null : dims.clone();
        this.keepdim = keepdim;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return dims == null ? x[0].sum() : x[0].sum(dims, keepdim);
    }

    @Override
    protected Variable[] backward(Variable g) {
        Shape in = input(0).shape();
        return new Variable[] {Dims.restore(g, in, dims, "sum").expand(in)};
    }
}
