package io.github.backprop4j.nn;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.nn.internal.Erf;

/**
 * The Gaussian error linear unit, {@code x·Φ(x)} with Φ the standard normal CDF, as
 * {@code torch.nn.GELU}. By default the exact form, PyTorch's default:
 *
 * <pre>
 * gelu(x) = x/2 · (1 + erf(x/√2))
 * </pre>
 *
 * <p>or, with {@link Approximation#TANH} ({@code approximate='tanh'}):
 *
 * <pre>
 * gelu(x) ≈ x/2 · (1 + tanh(√(2/π) · (x + 0.044715·x³)))
 * </pre>
 */
public final class GELU extends Module {
    /** Which formula: exact (erf) or PyTorch's tanh approximation. */
    public enum Approximation {
        /** The exact form {@code x/2 · (1 + erf(x/√2))} ({@code approximate='none'}). */
        NONE,
        /** The tanh approximation ({@code approximate='tanh'}). */
        TANH
    }

    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double SQRT_TWO_OVER_PI = Math.sqrt(2 / Math.PI);

    private final Approximation approximation;

    /** The exact form. */
    public GELU() {
        this(Approximation.NONE);
    }

    /**
     * GELU with the given formula, as {@code nn.GELU(approximate=...)}.
     *
     * @param approximation {@link Approximation#NONE} for the exact form, {@link Approximation#TANH}
     *     for the tanh approximation
     */
    public GELU(Approximation approximation) {
        this.approximation = approximation;
    }

    @Override
    public Variable forward(Variable x) {
        Variable inner = approximation == Approximation.NONE
                ? new Erf().apply(x.times(SQRT_HALF))
                : x.plus(x.pow(3).times(0.044715)).times(SQRT_TWO_OVER_PI).tanh();
        return x.times(0.5).times(inner.plus(1));
    }

    @Override
    protected String extraRepr() {
        return "approximate='" + (approximation == Approximation.NONE ? "none" : "tanh") + "'";
    }
}
