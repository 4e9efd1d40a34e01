package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * a @ b with {@code torch.matmul}'s rules. For matrices, ∂/∂a = g·bᵀ and ∂/∂b = aᵀ·g. A 1-D
 * operand is first lifted to a matrix (row for a, column for b) so the same formula applies, and
 * batch dims that were broadcast are summed back with sumTo.
 */
public final class MatMul extends Op {
    /** A fresh, unapplied a @ b node; {@link Variable#matmul(Variable)} applies one. */
    public MatMul() {
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].matmul(x[1]);
    }

    @Override
    protected @Nullable Variable[] backward(Variable g) {
        Variable a = input(0);
        Variable b = input(1);
        Variable a2 = a.dim() == 1 ? a.reshape(1, a.size(0)) : a;
        Variable b2 = b.dim() == 1 ? b.reshape(b.size(0), 1) : b;
        // g as the matrix product shape (..., m, n): put back the dims that 1-D operands dropped.
        Variable g2 = g;
        if (a.dim() == 1) {
            g2 = g2.reshape(insertAt(g2.shape().toArray(), g2.dim() - (b.dim() == 1 ? 0 : 1), 1));
        }
        if (b.dim() == 1) {
            g2 = g2.reshape(insertAt(g2.shape().toArray(), g2.dim(), 1));
        }
        Variable ga = a.requiresGrad() ? g2.matmul(transposeLast(b2)).sumTo(a2.shape()).reshape(a.shape().toArray())
                : null;
        Variable gb = b.requiresGrad() ? transposeLast(a2).matmul(g2).sumTo(b2.shape()).reshape(b.shape().toArray())
                : null;
        return new Variable[] {ga, gb};
    }

    private static int[] insertAt(int[] shape, int at, int size) {
        int[] out = new int[shape.length + 1];
        System.arraycopy(shape, 0, out, 0, at);
        out[at] = size;
        System.arraycopy(shape, at, out, at + 1, shape.length - at);
        return out;
    }

    private static Variable transposeLast(Variable v) {
        return v.transpose(-2, -1);
    }
}
