package io.github.backprop4j.losses.internal;

import io.github.backprop4j.autograd.Function;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * The backward of log_softmax as an op of its own, inputs (g, y) with y = log_softmax(x):
 * dx = g − exp(y)·Σ_dim g. Its own gradients (losses.md §2.4), written with variable ops so they
 * are differentiable too:
 *
 * <pre>
 *   ∂/∂g : gg − Σ_dim (gg · exp(y))
 *   ∂/∂y : −Σ_dim(g) · exp(y) · gg
 * </pre>
 */
public final class LogSoftmaxBackwardOp extends Function {
    private final int dim;

    public LogSoftmaxBackwardOp(int dim) {
        this.dim = dim;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor g = in[0];
        Tensor y = in[1];
        int[] shape = y.shape().toArray();
        double[] dx = SoftmaxKernels.logSoftmaxBackward(Buffers.read(g), Buffers.read(y), Layout.of(shape, dim));
        return Buffers.make(dx, y.dtype(), shape);
    }

    @Override
    protected @Nullable Variable[] backward(Variable gg) {
        Variable g = input(0);
        Variable y = input(1);
        Variable p = y.exp();
        return new Variable[] {
            g.requiresGrad() ? gg.minus(gg.times(p).sum(dim, true)) : null,
            y.requiresGrad() ? g.sum(dim, true).times(p).times(gg).unaryMinus() : null};
    }

    @Override
    public String name() {
        return "LogSoftmaxBackwardDataBackward0";
    }
}
