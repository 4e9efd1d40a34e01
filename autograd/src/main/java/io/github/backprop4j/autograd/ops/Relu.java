package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.GradMode;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.RawKernels;
import io.github.backprop4j.tensor.Tensor;

/**
 * max(x, 0). ∂/∂x = g where x &gt; 0, else 0 (0 at x = 0 too, as PyTorch's {@code threshold_backward}).
 *
 * <p>When the backward is not recorded and g and x are contiguous float32, that formula runs as one
 * kernel ({@link RawKernels#reluBackward}), with no mask
 * tensor; otherwise it is a {@code maskedFill}, which is differentiable in g.
 */
public final class Relu extends Op {
    /** A fresh, unapplied max(x, 0) node; {@link Variable#relu()} applies one. */
    public Relu() {
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].relu();
    }

    @Override
    protected Variable[] backward(Variable g) {
        Tensor x = input(0).value();
        Tensor gv = g.value();
        if (!GradMode.isEnabled() && x.dtype() == DType.FLOAT32 && gv.dtype() == DType.FLOAT32
                && x.isContiguous() && gv.isContiguous() && x.numel() == gv.numel()) {
            float[] xs = RawKernels.floats(x);
            float[] gs = RawKernels.floats(gv);
            float[] dx = new float[x.numel()];
            RawKernels.reluBackward(xs, x.offset(), gs, gv.offset(), dx, 0, dx.length);
            return new Variable[] {Variable.of(RawKernels.wrapFloats(dx, x.shape().toArray()))};
        }
        return new Variable[] {g.maskedFill(x.le(0), 0)};
    }
}
