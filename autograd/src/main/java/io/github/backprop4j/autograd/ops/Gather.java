package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;

/**
 * out[i][j] = x[index[i][j]][j] for dim 0 (likewise for any dim), as {@code torch.gather}.
 * ∂/∂x = zeros shaped like x with g scatter-added at the gathered positions (repeated indices
 * accumulate).
 */
public final class Gather extends Op {
    private final int dim;
    private final Tensor index;

    /**
     * A gather along {@code dim}; {@link Variable#gather} applies one.
     *
     * @param dim the dimension to index along (negative counts from the end)
     * @param index int64 positions, of x's rank; the output has its shape
     */
    public Gather(int dim, Tensor index) {
        this.dim = dim;
        this.index = index;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].gather(dim, index);
    }

    @Override
    protected Variable[] backward(Variable g) {
        return new Variable[] {Variable.of(input(0).value().zerosLike()).scatterAdd(dim, index, g)};
    }
}
