package io.github.backprop4j.losses.internal;

import io.github.backprop4j.autograd.Function;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * The backward of softmax as an op of its own, inputs (g, y) with y = softmax(x):
 * dx = y·(g − Σ_dim g·y). Its own gradients (losses.md §2.4):
 *
 * <pre>
 *   ∂/∂g : y·(gg − Σ gg·y)                         (this op again, applied to gg)
 *   ∂/∂y : g·gg − Σ(y·g)·gg − g·Σ(y·gg)
 * </pre>
 */
public final class SoftmaxBackwardOp extends Function {
    private final int dim;

    public SoftmaxBackwardOp(int dim) {
        this.dim = dim;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor g = in[0];
        Tensor y = in[1];
        int[] shape = y.shape().toArray();
        double[] dx = SoftmaxKernels.softmaxBackward(Buffers.read(g), Buffers.read(y), Layout.of(shape, dim));
        return Buffers.make(dx, y.dtype(), shape);
    }

    @Override
    protected @Nullable Variable[] backward(Variable gg) {
        Variable g = input(0);
        Variable y = input(1);
        return new Variable[] {
            g.requiresGrad() ? new SoftmaxBackwardOp(dim).apply(gg, y) : null,
            y.requiresGrad()
                    ? g.times(gg).minus(y.times(g).sum(dim, true).times(gg)).minus(g.times(y.times(gg).sum(dim, true)))
                    : null};
    }

    @Override
    public String name() {
        return "SoftmaxBackwardDataBackward0";
    }
}
