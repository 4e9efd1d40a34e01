package io.github.backprop4j.losses;

import io.github.backprop4j.autograd.Variable;

/**
 * What {@link LogSoftmax} and {@link Softmax} share: a dim, checked when applied (range
 * [−rank, rank − 1]; a 0-d input is a length-1 vector) together with the dtype, and the fused
 * node of {@code SoftmaxFamily.java}; the subclasses only say which of the two they are.
 */
public abstract sealed class SoftmaxAlongDim permits LogSoftmax, Softmax {
    private final String op;
    private final boolean log;
    private final int dim;

    SoftmaxAlongDim(String op, boolean log, int dim) {
        this.op = op;
        this.log = log;
        this.dim = dim;
    }

    /**
     * The dim this module normalises over, as given (not yet wrapped into range).
     *
     * @return the dim, possibly negative
     */
    public final int dim() {
        return dim;
    }

    /**
     * The op of {@code input} along this module's dim: one fused node whose backward is the
     * closed form (log_softmax: g − exp(y)·Σg; softmax: y·(g − Σ g·y)).
     *
     * @param input the logits, floating, any shape (0-d counts as a length-1 vector)
     * @return the result, shaped like {@code input}
     * @throws LossException if the dim is out of range for the input's rank (PyTorch's
     *         "Dimension out of range" message) or the input is not floating
     */
    public final Variable apply(Variable input) {
        return SoftmaxFamily.apply(op, input, dim, log);
    }
}
