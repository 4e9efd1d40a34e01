package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * a<sup>b</sup> elementwise (broadcast). ∂/∂a = g·b·a<sup>b−1</sup> (0 where b = 0);
 * ∂/∂b = g·a<sup>b</sup>·ln a (0 where a = 0 and b ≥ 0), each summed back to its operand's
 * shape — PyTorch's {@code pow_backward_self} and {@code pow_backward_exponent}.
 */
public final class Pow extends Op {
    /** A fresh, unapplied a<sup>b</sup> node; {@link Variable#pow(Variable)} applies one. */
    public Pow() {
    }

    @Override
    protected Tensor forward(Tensor... x) {
        return x[0].pow(x[1]);
    }

    @Override
    protected @Nullable Variable[] backward(Variable g) {
        Variable a = input(0);
        Variable b = input(1);
        Variable ga = null;
        Variable gb = null;
        if (a.requiresGrad()) {
            ga = zeroWhere(g.times(b).times(a.pow(b.minus(1))), b.value().eq(0)).sumTo(a.shape());
        }
        if (b.requiresGrad()) {
            Tensor zeroBase = a.value().eq(0).times(b.value().ge(0));
            gb = zeroWhere(g.times(result()).times(a.log()), zeroBase).sumTo(b.shape());
        }
        return new Variable[] {ga, gb};
    }

    private static Variable zeroWhere(Variable v, Tensor mask) {
        return mask.sum().item() == 0 ? v : v.maskedFill(mask, 0);
    }
}
