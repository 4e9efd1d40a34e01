package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;

/**
 * max(x) or min(x): the largest or the smallest element of x, a 0-d result m. ∂/∂x = g / k at
 * each of the k positions where x = m (NaN matching NaN), 0 elsewhere: ties share the gradient
 * evenly, as PyTorch's {@code evenly_distribute_backward}.
 */
public final class Extremum extends Op {
    private final boolean smallest;

    private Extremum(boolean smallest) {
        this.smallest = smallest;
    }

    /**
     * The op for max(x) over all elements; {@link Variable#max()} applies one.
     *
     * @return a fresh, unapplied op
     */
    public static Extremum max() {
        return new Extremum(false);
    }

    /**
     * The op for min(x) over all elements; {@link Variable#min()} applies one.
     *
     * @return a fresh, unapplied op
     */
    public static Extremum min() {
        return new Extremum(true);
    }

    @Override
    public String name() {
        return smallest ? "Min" : "Max";
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return smallest ? x[0].min() : x[0].max();
    }

    @Override
    protected Variable[] backward(Variable g) {
        Tensor x = input(0).value();
        double m = result().item();
        Tensor mask = (Double.isNaN(m) ? x.isNan() : x.eq(m)).to(g.dtype());
        return new Variable[] {g.times(Variable.of(mask.div(mask.sum())))};
    }
}
