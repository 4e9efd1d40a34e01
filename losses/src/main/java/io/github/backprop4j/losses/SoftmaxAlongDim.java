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

    public final int dim() {
        return dim;
    }

    /** The op of {@code input} along this module's dim. */
    public final Variable apply(Variable input) {
        return SoftmaxFamily.apply(op, input, dim, log);
    }
}
