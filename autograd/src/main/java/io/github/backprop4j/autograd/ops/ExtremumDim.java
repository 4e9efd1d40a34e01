package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * max(x, dim) or min(x, dim): the largest or the smallest value of x along one dim. ∂/∂x = g at the index
 * the forward returned (the first on ties), 0 elsewhere — a scatter of g into zeros, as
 * PyTorch's {@code value_selecting_reduction_backward}.
 */
public final class ExtremumDim extends Op {
    private final int dim;
    private final boolean keepdim;
    private final boolean smallest;
    private @Nullable Tensor indices;

    private ExtremumDim(int dim, boolean keepdim, boolean smallest) {
        this.dim = dim;
        this.keepdim = keepdim;
        this.smallest = smallest;
    }

    /**
     * The op for max(x, dim); {@link Variable#max(int, boolean)} applies one.
     *
     * @param dim the dimension to reduce (negative counts from the end)
     * @param keepdim whether {@code dim} stays, with size 1
     * @return a fresh, unapplied op
     */
    public static ExtremumDim max(int dim, boolean keepdim) {
        return new ExtremumDim(dim, keepdim, false);
    }

    /**
     * The op for min(x, dim); {@link Variable#min(int, boolean)} applies one.
     *
     * @param dim the dimension to reduce (negative counts from the end)
     * @param keepdim whether {@code dim} stays, with size 1
     * @return a fresh, unapplied op
     */
    public static ExtremumDim min(int dim, boolean keepdim) {
        return new ExtremumDim(dim, keepdim, true);
    }

    @Override
    public String name() {
        return smallest ? "MinDim" : "MaxDim";
    }

    /**
     * The positions the values came from, as {@code torch.max(x, dim, keepdim=True).indices}.
     *
     * @return the int64 indices, keepdim-shaped (size 1 along {@code dim})
     * @throws IllegalStateException before forward ran or after the graph was released
     */
    public Tensor indices() {
        Tensor i = indices;
        if (i == null) {
            throw new IllegalStateException(name() + ": indices are known only after forward (and until release)");
        }
        return i;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        Tensor.ValuesIndices vi = smallest ? x[0].min(dim, true) : x[0].max(dim, true);
        indices = vi.indices();
        return keepdim || x[0].dim() == 0 ? vi.values() : vi.values().squeeze(dim);
    }

    @Override
    protected Variable[] backward(Variable g) {
        Variable x = input(0);
        if (x.dim() == 0) {
            return new Variable[] {g};
        }
        Variable gk = keepdim ? g : g.unsqueeze(dim);
        return new Variable[] {Variable.of(x.value().zerosLike()).scatterAdd(dim, indices(), gk)};
    }

    @Override
    protected void releaseSaved() {
        indices = null;
    }
}
