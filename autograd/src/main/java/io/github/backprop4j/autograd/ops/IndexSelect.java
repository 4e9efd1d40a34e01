package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;

/**
 * The slices of x at positions {@code index} (a vector) along {@code dim}, as
 * {@code torch.index_select}. ∂/∂x = zeros shaped like x with each slice of g added back at the
 * position it came from (repeated indices accumulate): a scatter-add with the index broadcast
 * along the other dims.
 */
public final class IndexSelect extends Op {
    private final int dim;
    private final Tensor index;

    /**
     * An index_select along {@code dim}; {@link Variable#indexSelect} applies one.
     *
     * @param dim the dimension to index along (negative counts from the end)
     * @param index a 1-D int64 tensor of positions (repeats allowed)
     */
    public IndexSelect(int dim, Tensor index) {
        this.dim = dim;
        this.index = index;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].indexSelect(dim, index);
    }

    @Override
    protected Variable[] backward(Variable g) {
        Variable x = input(0);
        int d = Shape.normalizeDim(dim, x.dim(), "index_select");
        int[] along = new int[x.dim()];
        java.util.Arrays.fill(along, 1);
        along[d] = index.numel();
        Tensor spread = index.reshape(along).expand(g.shape());
        return new Variable[] {Variable.of(x.value().zerosLike()).scatterAdd(d, spread, g)};
    }
}
