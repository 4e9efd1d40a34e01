package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * x[start : start+length] along {@code dim} (a view; slice and select are built on it).
 * ∂/∂x = g padded with zeros back to x's size along {@code dim}: cat(zeros, g, zeros).
 */
public final class Narrow extends Op {
    private final int dim;
    private final int start;
    private final int length;

    /**
     * A narrow along {@code dim}; {@link Variable#narrow} applies one.
     *
     * @param dim the dimension to cut (negative counts from the end)
     * @param start the first index kept (negative counts from the end)
     * @param length how many indices are kept
     */
    public Narrow(int dim, int start, int length) {
        this.dim = dim;
        this.start = start;
        this.length = length;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].narrow(dim, start, length);
    }

    @Override
    protected Variable[] backward(Variable g) {
        Shape in = input(0).shape();
        int d = Shape.normalizeDim(dim, in.rank(), "narrow");
        int s = start < 0 ? start + in.size(d) : start;
        int after = in.size(d) - s - length;
        List<Variable> parts = new ArrayList<>(3);
        if (s > 0) {
            parts.add(zeros(g, in, d, s));
        }
        parts.add(g);
        if (after > 0) {
            parts.add(zeros(g, in, d, after));
        }
        return new Variable[] {parts.size() == 1 ? g : Variable.cat(parts, d)};
    }

    private static Variable zeros(Variable like, Shape in, int d, int size) {
        int[] shape = in.toArray();
        shape[d] = size;
        return Variable.of(Tensor.zeros(like.dtype(), shape));
    }
}
