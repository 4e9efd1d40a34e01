package io.github.backprop4j.nn;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.Losses;

/**
 * softmax along {@code dim}, as {@code torch.nn.Softmax(dim)}: y_i = exp(x_i − m) / Σ_j exp(x_j − m)
 * with m the maximum along {@code dim}, so that a {@link Sequential} can end in probabilities.
 * One fused node (the losses' softmax family); its backward y·(g − Σ g·y) is differentiable
 * again. A negative dim counts from the end; a dim out of range fails with PyTorch's message.
 */
public final class Softmax extends Module {
    private final int dim;

    /**
     * Softmax along {@code dim}; the dim is checked against each input's rank in {@link #forward}.
     *
     * @param dim the dimension whose entries sum to 1 in the output; negative counts from the end
     */
    public Softmax(int dim) {
        this.dim = dim;
    }

    /**
     * The dimension normalised over, as {@code softmax.dim}.
     *
     * @return the dim given to the constructor, possibly negative
     */
    public int dim() {
        return dim;
    }

    @Override
    public Variable forward(Variable input) {
        return Losses.softmax(input, dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
