package io.github.backprop4j.nn.internal;

import io.github.backprop4j.autograd.Function;
import io.github.backprop4j.autograd.GradMode;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.RawKernels;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * {@code y = x·Wᵀ + b} as one graph node, like PyTorch's {@code addmm}: x is {@code [m, k]}, W
 * {@code [n, k]}, b {@code [n]} (optional: apply to {@code (x, W)} for a layer without bias).
 *
 * <p>Backward, with g = ∂L/∂y of shape {@code [m, n]}:
 * <pre>
 *   ∂L/∂x = g·W        [m, k]
 *   ∂L/∂W = gᵀ·x       [n, k]
 *   ∂L/∂b = Σ_rows g   [n]
 * </pre>
 * When the backward itself is recorded ({@code createGraph}), or the operands are not all
 * float32, these formulas run as {@link Variable} ops, so second derivatives work. Otherwise they
 * run as closed-form float32 kernels, with no intermediate nodes, views or temporaries: a toy
 * model's step is dominated by such per-op overhead.
 */
public final class LinearFunction extends Function {
    /**
     * From this many multiply-adds each (m·n·k, the same for both), ∂L/∂x and ∂L/∂W are computed
     * at once, one on the calling thread and one on a worker of the pool: two independent
     * products of equal work, where splitting each small product between threads would cost a
     * hand-off per product and pack its shared operand twice. Below it (a toy model's products
     * of a few microseconds), both run on the calling thread.
     */
    private static final long BOTH_AT_ONCE = 1 << 16;

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];
        Tensor w = in[1];
        Tensor b = in.length > 2 ? in[2] : null;
        if (!allFloat32(in)) {
            Tensor y = x.matmul(w.t());
            return b == null ? y : y.plus(b);
        }
        int m = x.size(0);
        int k = x.size(1);
        int n = w.size(0);
        float[] xs = data(x);
        float[] ws = data(w);
        float[] y = new float[m * n];
        RawKernels.matmul(xs, 0, k, 1, ws, 0, 1, k, y, 0, m, k, n); // Wᵀ read in place: Wᵀ[p][j] = W[j·k + p]
        if (b != null) {
            RawKernels.addToRows(data(b), 0, y, 0, m, n);
        }
        return RawKernels.wrapFloats(y, m, n);
    }

    @Override
    protected @Nullable Variable[] backward(Variable g) {
        Variable x = input(0);
        Variable w = input(1);
        Variable b = inputCount() > 2 ? input(2) : null;
        @Nullable Variable[] out = new Variable[inputCount()];
        if (GradMode.isEnabled() || !float32(g.value()) || !float32(x.value()) || !float32(w.value())) {
            out[0] = x.requiresGrad() ? g.matmul(w) : null;
            out[1] = w.requiresGrad() ? g.t().matmul(x) : null;
            if (b != null) {
                out[2] = b.requiresGrad() ? g.sum(0, false) : null;
            }
            return out;
        }
        int m = x.size(0);
        int k = x.size(1);
        int n = w.size(0);
        float[] gs = data(g.value());
        float @Nullable [] dx = x.requiresGrad() ? new float[m * k] : null;
        float @Nullable [] dw = w.requiresGrad() ? new float[n * k] : null;
        float @Nullable [] ws = dx != null ? data(w.value()) : null;
        float @Nullable [] xs = dw != null ? data(x.value()) : null;
        Runnable inputGrad = () -> { // dX[i][p] = Σ_j g[i][j]·W[j][p]
            RawKernels.matmul(gs, 0, n, 1, ws, 0, k, 1, dx, 0, m, n, k);
        };
        Runnable weightGrad = () -> { // dW[j][p] = Σ_i g[i][j]·x[i][p], gᵀ read in place: gᵀ[j][i] = g[i·n + j]
            RawKernels.matmul(gs, 0, 1, n, xs, 0, k, 1, dw, 0, n, m, k);
        };
        if (dx != null && dw != null && (long) m * n * k >= BOTH_AT_ONCE) {
            RawKernels.forRange(2, 1, (first, end) -> {
                for (int product = first; product < end; product++) {
                    (product == 0 ? inputGrad : weightGrad).run();
                }
            });
        } else {
            if (dx != null) {
                inputGrad.run();
            }
            if (dw != null) {
                weightGrad.run();
            }
        }
        if (dx != null) {
            out[0] = Variable.of(RawKernels.wrapFloats(dx, m, k));
        }
        if (dw != null) {
            out[1] = Variable.of(RawKernels.wrapFloats(dw, n, k));
        }
        if (b != null && b.requiresGrad()) { // db[j] = Σ_i g[i][j]
            float[] db = new float[n];
            RawKernels.columnSums(gs, 0, m, n, db, 0);
            out[2] = Variable.of(RawKernels.wrapFloats(db, n));
        }
        return out;
    }

    private static boolean allFloat32(Tensor[] in) {
        for (Tensor t : in) {
            if (!float32(t)) {
                return false;
            }
        }
        return true;
    }

    private static boolean float32(Tensor t) {
        return t.dtype() == DType.FLOAT32;
    }

    /** The elements of a float32 tensor in row-major order: its own array when contiguous from 0. */
    private static float[] data(Tensor t) {
        Tensor c = t.contiguous();
        float[] a = RawKernels.floats(c);
        if (c.offset() == 0 && a.length == c.numel()) {
            return a;
        }
        return c.toFloatArray();
    }
}
