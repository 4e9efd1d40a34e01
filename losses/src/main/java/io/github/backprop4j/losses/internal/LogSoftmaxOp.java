package io.github.backprop4j.losses.internal;

import io.github.backprop4j.autograd.Function;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;

/**
 * y = log_softmax(x) along {@code dim}: y_i = (x_i − m) − log Σ_j exp(x_j − m), m = max x.
 * Backward: dx = g − exp(y)·Σg, computed by {@link LogSoftmaxBackwardOp} from the result y so
 * that it can be differentiated again (PyTorch's {@code _log_softmax_backward_data}).
 */
public final class LogSoftmaxOp extends Function {
    private final int dim;

    /** {@code dim} must already be wrapped into [0, rank). */
    public LogSoftmaxOp(int dim) {
        this.dim = dim;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];
        int[] shape = x.shape().toArray();
        return Buffers.make(SoftmaxKernels.forward(Buffers.read(x), Layout.of(shape, dim), true), x.dtype(), shape);
    }

    @Override
    protected Variable[] backward(Variable g) {
        return new Variable[] {new LogSoftmaxBackwardOp(dim).apply(g, result())};
    }

    @Override
    public String name() {
        return "LogSoftmaxBackward0";
    }
}
