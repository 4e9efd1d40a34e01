package io.github.backprop4j.testkit;

import java.util.Random;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * A {@link Random} whose every draw is a QuickTheories choice, so that a generator written
 * against {@code Random} shrinks: when a property fails, QuickTheories lowers the recorded
 * choices towards zero and replays the generator, and the failure is reported for a small case
 * (short shapes, small indices, values near the low end of their ranges) instead of a seed.
 *
 * <p>Valid only while its generator runs: see {@link Gens#fromRandom}. All of {@code Random}'s
 * draws are built on {@link #next(int)}; {@link #nextGaussian()} is replaced by Box–Muller,
 * which shrinks to 0 where the polar method would loop on all-zero choices.
 */
public final class ShrinkingRandom extends Random {
    private static final long serialVersionUID = 1L;
    private final transient RandomnessSource source;

    ShrinkingRandom(RandomnessSource source) {
        this.source = source;
    }

    /** {@code bits} random bits: one choice in [0, 2^bits), shrinking towards 0. */
    @Override
    protected int next(int bits) {
        return (int) source.next(Constraint.between(0, (1L << bits) - 1).withShrinkPoint(0));
    }

    /** A standard normal value √(−2 ln u)·cos(2πv), u in (0, 1], v in [0, 1); shrinks to 0. */
    @Override
    public synchronized double nextGaussian() {
        double u = 1 - nextDouble();
        double v = nextDouble();
        return Math.sqrt(Math.abs(2 * Math.log(u))) * Math.cos(2 * Math.PI * v);
    }
}
