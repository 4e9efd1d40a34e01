package io.github.backprop4j.losses;

/**
 * softmax along one dimension, as {@code nn.Softmax(dim)}: y_i = exp(x_i − m) · (1 / Σ_j
 * exp(x_j − m)). One fused node; its backward dx = y·(g − Σ g·y) is differentiable again
 * (losses.md §2). The code, with log_softmax's, is in {@code SoftmaxFamily.java}.
 */
public final class Softmax extends SoftmaxAlongDim {
    /**
     * softmax along {@code dim}, as {@code nn.Softmax(dim)}; the dim is checked when applied.
     *
     * @param dim the dimension to normalise over (negative counts from the end)
     */
    public Softmax(int dim) {
        super("softmax", false, dim);
    }
}
