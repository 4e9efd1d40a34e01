package io.github.backprop4j.nn;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Shape;

/**
 * Merges dimensions {@code startDim..endDim} (inclusive; negative counts from the end) into
 * one, as {@code torch.nn.Flatten}; by default every dimension but the batch dimension:
 * {@code [N, C, H, W] → [N, C·H·W]}.
 */
public final class Flatten extends Module {
    private final int startDim;
    private final int endDim;

    /** Flattens dims 1..−1. */
    public Flatten() {
        this(1, -1);
    }

    /**
     * Flattens dims {@code startDim..endDim}, inclusive, as
     * {@code nn.Flatten(start_dim, end_dim)}; the dims are checked against each input's rank in
     * {@link #forward}, which fails when {@code startDim} comes after {@code endDim}. A scalar
     * input becomes shape {@code [1]}.
     *
     * @param startDim the first dimension merged; negative counts from the end
     * @param endDim the last dimension merged; negative counts from the end
     */
    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    public Variable forward(Variable input) {
        int rank = input.dim();
        if (rank == 0) {
            return input.reshape(1);
        }
        int s = Shape.normalizeDim(startDim, rank, "Flatten");
        int e = Shape.normalizeDim(endDim, rank, "Flatten");
        if (s > e) {
            throw new IllegalArgumentException(String.format(
                    "Flatten: start_dim %d comes after end_dim %d for input of shape %s", startDim, endDim,
                    input.shape()));
        }
        int[] in = input.shape().toArray();
        int[] out = new int[rank - (e - s)];
        int k = 0;
        for (int d = 0; d < s; d++) {
            out[k++] = in[d];
        }
        int merged = 1;
        for (int d = s; d <= e; d++) {
            merged *= in[d];
        }
        out[k++] = merged;
        for (int d = e + 1; d < rank; d++) {
            out[k++] = in[d];
        }
        return input.reshape(out);
    }

    @Override
    protected String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
