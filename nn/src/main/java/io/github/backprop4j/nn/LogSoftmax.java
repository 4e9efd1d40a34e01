package io.github.backprop4j.nn;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.Losses;

/**
 * log_softmax along {@code dim}, as {@code torch.nn.LogSoftmax(dim)}: y_i = (x_i − m) − log Σ_j
 * exp(x_j − m) with m the maximum along {@code dim}, so that a {@link Sequential} can end in
 * log-probabilities (for {@code NLLLoss}). One fused node (the losses' softmax family); its
 * backward g − exp(y)·Σg is differentiable again. A negative dim counts from the end.
 */
public final class LogSoftmax extends Module {
    private final int dim;

    /**
     * Log-softmax along {@code dim}; the dim is checked against each input's rank in
     * {@link #forward}.
     *
     * @param dim the dimension whose exponentiated outputs sum to 1; negative counts from the end
     */
    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    /**
     * The dimension normalised over, as {@code log_softmax.dim}.
     *
     * @return the dim given to the constructor, possibly negative
     */
    public int dim() {
        return dim;
    }

    @Override
    public Variable forward(Variable input) {
        return Losses.logSoftmax(input, dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
