package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;

/** x with its dims reordered: output dim i is input dim p[i]. ∂/∂x = g permuted by the inverse of p. */
public final class Permute extends Op {
    private final int[] dims;

    /**
     * A permutation p of the dims; {@link Variable#permute} applies one.
     *
     * @param dims p: output dim i is input dim {@code dims[i]} (negative counts from the end)
     */
    public Permute(int... dims) {
        this.dims = dims.clone();
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].permute(dims);
    }

    @Override
    protected Variable[] backward(Variable g) {
        int[] inverse = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            inverse[Shape.normalizeDim(dims[i], dims.length, "permute")] = i;
        }
        return new Variable[] {g.permute(inverse)};
    }
}
