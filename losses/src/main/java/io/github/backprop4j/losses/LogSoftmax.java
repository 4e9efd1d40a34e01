package io.github.backprop4j.losses;

/**
 * log_softmax along one dimension, as {@code nn.LogSoftmax(dim)}: y_i = (x_i − m) − log Σ_j
 * exp(x_j − m) with m the maximum along {@code dim}. One fused node; its backward
 * dx = g − exp(y)·Σg is differentiable again. Logits of ±1e4 are exact; a −inf logit gives −inf
 * there; a slice of all −inf, or with +inf or NaN, is NaN (losses.md §2). The code, with
 * softmax's, is in {@code SoftmaxFamily.java}.
 */
public final class LogSoftmax extends SoftmaxAlongDim {
    /**
     * log_softmax along {@code dim}, as {@code nn.LogSoftmax(dim)}; the dim is checked when applied.
     *
     * @param dim the dimension to normalise over (negative counts from the end)
     */
    public LogSoftmax(int dim) {
        super("log_softmax", true, dim);
    }
}
