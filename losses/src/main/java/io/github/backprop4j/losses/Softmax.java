package io.github.backprop4j.losses;

import io.github.backprop4j.autograd.Variable;

/**
 * softmax along one dimension, as {@code nn.Softmax(dim)}: y_i = exp(x_i − m) · (1 / Σ_j
 * exp(x_j − m)). One fused node; its backward dx = y·(g − Σ g·y) is differentiable again
 * (losses.md §2).
 */
public final class Softmax {
    private static final String OP = "softmax";

    private final int dim;

    public Softmax(int dim) {
        this.dim = dim;
    }

    public int dim() {
        return dim;
    }

    /** softmax of {@code input} along this module's dim, checked as {@link LogSoftmax#apply} is. */
    public Variable apply(Variable input) {
        return SoftmaxFamily.apply(OP, input, dim, false);
    }
}
