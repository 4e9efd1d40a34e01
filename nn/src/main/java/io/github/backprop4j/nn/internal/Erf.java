package io.github.backprop4j.nn.internal;

import io.github.backprop4j.autograd.Function;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;

/**
 * erf(x) elementwise, a differentiable op: ∂/∂x = g · 2/√π · e^(−x²). The backward is written
 * with Variable ops, so second derivatives work too.
 */
public final class Erf extends Function {
    @Override
    protected Tensor forward(Tensor... inputs) {
        Tensor x = inputs[0];
        double[] v = x.toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            v[i] = ErrorFunction.erf(v[i]);
        }
        DType out = x.dtype().isFloatingPoint() ? x.dtype() : DType.FLOAT32;
        return Tensor.fromFlat(out, v, x.shape().toArray());
    }

    @Override
    protected Variable[] backward(Variable g) {
        Variable x = input(0);
        return new Variable[] {g.times(x.times(x).unaryMinus().exp().times(2 / Math.sqrt(Math.PI)))};
    }

    @Override
    public String name() {
        return "Erf";
    }
}
