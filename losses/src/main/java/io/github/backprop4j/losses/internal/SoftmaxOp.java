package io.github.backprop4j.losses.internal;

import io.github.backprop4j.autograd.Function;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;

/**
 * y = softmax(x) along {@code dim}: y_i = exp(x_i − m) · (1 / Σ_j exp(x_j − m)), m = max x.
 * Backward: dx = y·(g − Σ g·y), computed by {@link SoftmaxBackwardOp} from the result y so that
 * it can be differentiated again (PyTorch's {@code _softmax_backward_data}).
 */
public final class SoftmaxOp extends Function {
    private final int dim;

    /** {@code dim} must already be wrapped into [0, rank). */
    public SoftmaxOp(int dim) {
        this.dim = dim;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];
        int[] shape = x.shape().toArray();
        return Buffers.make(SoftmaxKernels.forward(Buffers.read(x), Layout.of(shape, dim), false), x.dtype(), shape);
    }

    @Override
    protected Variable[] backward(Variable g) {
        return new Variable[] {new SoftmaxBackwardOp(dim).apply(g, result())};
    }

    @Override
    public String name() {
        return "SoftmaxBackward0";
    }
}
