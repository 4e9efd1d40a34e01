package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * condition ≠ 0 ? a : b elementwise, all three broadcast together; masked_fill is built on it.
 * ∂/∂a = g where the condition holds, else 0; ∂/∂b = g where it does not; each summed back to its
 * operand's shape. The condition is a constant.
 */
public final class Where extends Op {
    private final Tensor condition;

    /**
     * A selection by {@code condition}, applied to (a, b); {@link Variable#where} applies one.
     *
     * @param condition the selector, a constant: nonzero picks a, zero picks b
     */
    public Where(Tensor condition) {
        this.condition = condition;
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return Tensor.where(condition, x[0], x[1]);
    }

    @Override
    protected @Nullable Variable[] backward(Variable g) {
        Variable a = input(0);
        Variable b = input(1);
        return new Variable[] {
            a.requiresGrad() ? g.maskedFill(condition.eq(0), 0).sumTo(a.shape()) : null,
            b.requiresGrad() ? g.maskedFill(condition, 0).sumTo(b.shape()) : null};
    }
}
