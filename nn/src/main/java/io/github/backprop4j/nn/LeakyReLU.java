package io.github.backprop4j.nn;

import io.github.backprop4j.autograd.Variable;

/**
 * {@code x if x > 0 else negativeSlope·x} elementwise, as {@code torch.nn.LeakyReLU} (default
 * slope 0.01); the gradient at 0 is {@code negativeSlope}, as in PyTorch.
 */
public final class LeakyReLU extends Module {
    private final double negativeSlope;

    /** Slope 0.01, PyTorch's default. */
    public LeakyReLU() {
        this(0.01);
    }

    /**
     * Leaky ReLU with the given slope for negative inputs.
     *
     * @param negativeSlope the factor applied to inputs {@code <= 0}
     */
    public LeakyReLU(double negativeSlope) {
        this.negativeSlope = negativeSlope;
    }

    /**
     * The slope for negative inputs, as {@code leaky_relu.negative_slope}.
     *
     * @return the factor applied to inputs {@code <= 0}
     */
    public double negativeSlope() {
        return negativeSlope;
    }

    @Override
    public Variable forward(Variable input) {
        return Variable.where(input.value().gt(0), input, input.times(negativeSlope));
    }

    @Override
    protected String extraRepr() {
        return "negative_slope=" + negativeSlope;
    }
}
