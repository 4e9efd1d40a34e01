package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * out = base with src[i][j] added at out[index[i][j]][j] for dim 0 (likewise for any dim), as
 * {@code torch.scatter_add}; src has index's shape. ∂/∂base = g; ∂/∂src = g gathered at the
 * same positions. It is gather's adjoint, and gather's backward is built on it.
 */
public final class ScatterAdd extends Op {
    private final int dim;
    private final Tensor index;

    /**
     * A scatter-add along {@code dim}, applied to (base, src); {@link Variable#scatterAdd} applies
     * one.
     *
     * @param dim the dimension to index along (negative counts from the end)
     * @param index int64 positions in base, shaped like src
     */
    public ScatterAdd(int dim, Tensor index) {
        this.dim = dim;
        this.index = index;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        if (!x[1].shape().equals(index.shape())) {
            throw new IllegalArgumentException("scatter_add: src " + x[1].shape() + " must have the index's shape "
                    + index.shape());
        }
        return x[0].scatterAdd(dim, index, x[1]);
    }

    @Override
    protected @Nullable Variable[] backward(Variable g) {
        return new Variable[] {
            input(0).requiresGrad() ? g : null,
            input(1).requiresGrad() ? g.gather(dim, index) : null};
    }
}
