package io.github.backprop4j.losses;

import io.github.backprop4j.autograd.Variable;

/**
 * log_softmax along one dimension, as {@code nn.LogSoftmax(dim)}: y_i = (x_i − m) − log Σ_j
 * exp(x_j − m) with m the maximum along {@code dim}. One fused node; its backward
 * dx = g − exp(y)·Σg is differentiable again. Logits of ±1e4 are exact; a −inf logit gives −inf
 * there; a slice of all −inf, or with +inf or NaN, is NaN (losses.md §2). The code, with
 * softmax's, is in {@code SoftmaxFamily.java}.
 */
public final class LogSoftmax {
    private static final String OP = "log_softmax";

    private final int dim;

    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    public int dim() {
        return dim;
    }

    /**
     * log_softmax of {@code input} along this module's dim, after checking the dim (range
     * [−rank, rank − 1]; a 0-d input is a length-1 vector) and the dtype.
     */
    public Variable apply(Variable input) {
        return SoftmaxFamily.apply(OP, input, dim, true);
    }
}
