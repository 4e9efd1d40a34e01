package io.github.backprop4j.nn;

import io.github.backprop4j.autograd.Variable;

/** {@code max(x, 0)} elementwise, as {@code torch.nn.ReLU}; the gradient at 0 is 0. */
public final class ReLU extends Module {
    /** A rectifier layer; it has no parameters. */
    public ReLU() {
    }

    @Override
    public Variable forward(Variable input) {
        return input.relu();
    }
}
