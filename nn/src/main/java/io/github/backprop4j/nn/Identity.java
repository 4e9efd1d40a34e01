package io.github.backprop4j.nn;

import io.github.backprop4j.autograd.Variable;

/** Returns its input unchanged, as {@code torch.nn.Identity}; a placeholder layer. */
public final class Identity extends Module {
    /** An identity layer; it has no parameters. */
    public Identity() {
    }

    @Override
    public Variable forward(Variable input) {
        return input;
    }
}
