package io.github.backprop4j.nn;

import io.github.backprop4j.autograd.Variable;

/** {@code σ(x) = 1 / (1 + e^−x)} elementwise, as {@code torch.nn.Sigmoid}. */
public final class Sigmoid extends Module {
    /** A logistic sigmoid layer; it has no parameters. */
    public Sigmoid() {
    }

    @Override
    public Variable forward(Variable input) {
        return input.sigmoid();
    }
}
