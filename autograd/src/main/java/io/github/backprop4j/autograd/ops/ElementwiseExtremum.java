package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * maximum(a, b) or minimum(a, b): the elementwise larger or smaller of a and b, broadcast.
 * ∂/∂a = g where a wins, g/2 where a = b, 0 where b wins; ∂/∂b likewise — ties split the
 * gradient evenly, as PyTorch's {@code maximum}/{@code minimum} do. Each is summed back to its
 * operand's shape.
 */
public final class ElementwiseExtremum extends Op {
    private final boolean smallest;

    private ElementwiseExtremum(boolean smallest) {
        this.smallest = smallest;
    }

    /**
     * The op for max(a, b), as {@code torch.maximum}; {@link Variable#maximum} applies one.
     *
     * @return a fresh, unapplied op
     */
    public static ElementwiseExtremum maximum() {
        return new ElementwiseExtremum(false);
    }

    /**
     * The op for min(a, b), as {@code torch.minimum}; {@link Variable#minimum} applies one.
     *
     * @return a fresh, unapplied op
     */
    public static ElementwiseExtremum minimum() {
        return new ElementwiseExtremum(true);
    }

    @Override
    public String name() {
        return smallest ? "Minimum" : "Maximum";
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return smallest ? x[0].minimum(x[1]) : x[0].maximum(x[1]);
    }

    @Override
    protected @Nullable Variable[] backward(Variable g) {
        Variable a = input(0);
        Variable b = input(1);
        Tensor av = a.value();
        Tensor bv = b.value();
        Tensor half = av.eq(bv).to(g.dtype()).times(0.5);
        Tensor aWins = (smallest ? av.lt(bv) : av.gt(bv)).to(g.dtype()).plus(half);
        Tensor bWins = (smallest ? bv.lt(av) : bv.gt(av)).to(g.dtype()).plus(half);
        return new Variable[] {
            a.requiresGrad() ? g.times(Variable.of(aWins)).sumTo(a.shape()) : null,
            b.requiresGrad() ? g.times(Variable.of(bWins)).sumTo(b.shape()) : null};
    }
}
