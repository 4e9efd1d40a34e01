package io.github.backprop4j.nn;

import io.github.backprop4j.autograd.Variable;

/** {@code tanh(x)} elementwise, as {@code torch.nn.Tanh}. */
public final class Tanh extends Module {
    /** A hyperbolic tangent layer; it has no parameters. */
    public Tanh() {
    }

    @Override
    public Variable forward(Variable input) {
        return input.tanh();
    }
}
