package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;

/**
 * r = log Σ exp(x) over {@code dims} (all dims when empty), computed stably. ∂/∂x = g·exp(x − r),
 * i.e. g times the softmax of x along those dims, with g and r broadcast back over them.
 */
public final class LogSumExp extends Op {
    private final int[] dims;
    private final boolean keepdim;

    /**
     * A log-sum-exp over {@code dims}; {@link Variable#logsumexp(int[], boolean)} applies one.
     *
     * @param dims the dimensions to reduce (empty means every dim; negative counts from the end)
     * @param keepdim whether the reduced dimensions stay, with size 1
     */
    public LogSumExp(int[] dims, boolean keepdim) {
        this.dims = dims.clone();
        this.keepdim = keepdim;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].logsumexp(dims, keepdim);
    }

    @Override
    protected Variable[] backward(Variable g) {
        Variable x = input(0);
        Variable gk = Dims.restore(g, x.shape(), dims, "logsumexp");
        Variable rk = Dims.restore(result(), x.shape(), dims, "logsumexp");
        return new Variable[] {gk.times(x.minus(rk).exp())};
    }
}
