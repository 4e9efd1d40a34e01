package io.github.backprop4j.examples.jsonl;

import io.github.backprop4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The memory a request will need, estimated from its shapes before anything is computed, and
 * checked against {@link RequestLimits#memoryBudget()}.
 *
 * <p>The estimate is the largest shape the op works on times {@value #BYTES_PER_ELEMENT} bytes:
 * twelve float64-sized tensors of that shape (the forward's intermediates, the backward's
 * gradients). For the element-wise losses (the BCE family, multilabel soft margin) that shape
 * is the broadcast of input, target, weight and pos_weight, which can be far larger than any of
 * them (input [40000, 1] with weight [40000] is 40000×40000); for the softmaxes, NLL and
 * cross-entropy it is the largest tensor given.
 */
final class RequestBudget {
    /** Twelve 8-byte copies per element of the largest shape. */
    static final long BYTES_PER_ELEMENT = 12 * 8;

    private RequestBudget() {
    }

    /** Throws {@link RequestException} when {@code r} would need more than {@code budget} bytes. */
    static void check(LossRequest r, long budget) {
        double bytes = elements(r) * BYTES_PER_ELEMENT;
        if (bytes > budget) {
            throw new RequestException("request needs about " + RequestLimits.describeBytes(bytes)
                    + ", more than the memory budget of " + RequestLimits.describeBytes(budget)
                    + " (see --memory-budget)");
        }
    }

    /** The element count of the largest shape the op works on (a double: it may exceed any long). */
    static double elements(LossRequest r) {
        List<Tensor> tensors = new ArrayList<>();
        tensors.add(r.input());
        if (r.target() != null) {
            tensors.add(r.target());
        }
        if (r.options().weight() != null) {
            tensors.add(r.options().weight());
        }
        if (r.options().posWeight() != null) {
            tensors.add(r.options().posWeight());
        }
        double largest = 0;
        for (Tensor t : tensors) {
            largest = Math.max(largest, t.numel());
        }
        boolean elementwise = switch (r.op()) {
            case BCE, BCE_WITH_LOGITS, MULTILABEL_SOFT_MARGIN -> true;
            default -> false;
        };
        return elementwise ? Math.max(largest, broadcastElements(tensors)) : largest;
    }

    /**
     * The element count of the shapes broadcast together, right-aligned; a dimension where two
     * sizes differ and neither is 1 counts as the larger (the loss rejects such a request anyway).
     */
    static double broadcastElements(List<Tensor> tensors) {
        int rank = 0;
        for (Tensor t : tensors) {
            rank = Math.max(rank, t.dim());
        }
        double elements = 1;
        for (int fromEnd = 1; fromEnd <= rank; fromEnd++) {
            long size = 1;
            for (Tensor t : tensors) {
                int d = t.dim() - fromEnd;
                if (d >= 0) {
                    long s = t.size(d);
                    size = s == 0 || size == 0 ? 0 : Math.max(size, s);
                }
            }
            elements *= size;
        }
        return elements;
    }
}
