package io.github.backprop4j.tensor;

import java.util.SplittableRandom;

/**
 * A seeded source of random numbers for {@code rand}, {@code randn}, {@code randint}, shuffles and
 * initialisers. The same seed gives the same stream on every run, JVM and machine: it wraps
 * {@link SplittableRandom}, whose algorithm is fixed by its specification, and draws normals by
 * the Box–Muller transform written out here rather than by a JDK method whose algorithm may change.
 *
 * <p>Every method that draws random numbers takes a generator, or uses the global
 * {@link #defaultGenerator()} when given none, as PyTorch does; {@link #manualSeed(long)} reseeds
 * that one, like {@code torch.manual_seed}. Explicit generators keep runs independent of each other.
 *
 * <p>Not thread-safe, the default generator included; give each thread its own generator.
 */
public final class Generator {
    /** PyTorch's default seed ({@code torch.initial_seed()} in a fresh process). */
    public static final long DEFAULT_SEED = 67280421310721L;

    private static final Generator DEFAULT = new Generator(DEFAULT_SEED);

    private SplittableRandom random;
    private double spareNormal;
    private boolean hasSpareNormal;

    /**
     * A generator whose stream is fixed by {@code seed}, as {@code torch.Generator().manual_seed(seed)}
     * (the streams themselves differ from PyTorch's).
     *
     * @param seed any long; equal seeds give equal streams
     */
    public Generator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * The global generator used by every method called without one; seeded with
     * {@link #DEFAULT_SEED} until {@link #manualSeed(long)} reseeds it.
     *
     * @return the one process-wide default generator
     */
    public static Generator defaultGenerator() {
        return DEFAULT;
    }

    /**
     * Reseeds the global {@link #defaultGenerator()}, as {@code torch.manual_seed(seed)}: afterwards
     * it draws exactly what {@code new Generator(seed)} draws.
     *
     * @param seed the new seed
     * @return the default generator
     */
    public static Generator manualSeed(long seed) {
        DEFAULT.random = new SplittableRandom(seed);
        DEFAULT.hasSpareNormal = false;
        return DEFAULT;
    }

    /**
     * Draws uniformly from [0, 1).
     *
     * @return the next double, at least 0 and less than 1
     */
    public double nextDouble() {
        return random.nextDouble();
    }

    /**
     * Draws uniformly from [low, high), as {@code low + (high - low)·u} with u uniform in [0, 1).
     *
     * @param low the inclusive lower bound
     * @param high the exclusive upper bound (not checked: {@code high < low} mirrors the interval)
     * @return the next double in [low, high)
     */
    public double nextDouble(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /**
     * Draws a uniform integer from [low, high), as {@code torch.randint(low, high)} does per element.
     *
     * @param low the inclusive lower bound
     * @param high the exclusive upper bound
     * @return the next long in [low, high)
     * @throws IllegalArgumentException if {@code low >= high}
     */
    public long nextLong(long low, long high) {
        if (low >= high) {
            throw new IllegalArgumentException("randint: low (" + low + ") must be less than high (" + high + ")");
        }
        return random.nextLong(low, high);
    }

    /**
     * Draws a uniform int from [0, bound).
     *
     * @param bound the exclusive upper bound
     * @return the next int in [0, bound)
     * @throws IllegalArgumentException if {@code bound} is not positive
     */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /**
     * Draws from the standard normal N(0, 1) by Box–Muller: two uniforms u1 in (0, 1] and u2 in
     * [0, 1) give {@code sqrt(-2 ln u1)·cos(2π u2)}, returned now, and its sine twin
     * {@code sqrt(-2 ln u1)·sin(2π u2)}, returned by the next call.
     *
     * @return the next standard normal sample
     */
    public double nextGaussian() {
        if (hasSpareNormal) {
            hasSpareNormal = false;
            return spareNormal;
        }
        double u1 = 1.0 - random.nextDouble(); // in (0, 1], so the log is finite
        double u2 = random.nextDouble();
        double radius = Math.sqrt(-2.0 * Math.log(u1));
        spareNormal = radius * Math.sin(2 * Math.PI * u2);
        hasSpareNormal = true;
        return radius * Math.cos(2 * Math.PI * u2);
    }

    /**
     * Shuffles {@code values} in place by Fisher–Yates: for i from the last index down to 1, swap
     * element i with a uniformly drawn element j in [0, i]. Every permutation is equally likely.
     *
     * @param values the array to permute; modified in place
     */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }

    /**
     * A uniformly random permutation of 0..n-1, as {@code torch.randperm(n)}: the identity,
     * shuffled by {@link #shuffle(int[])}.
     *
     * @param n the number of elements, at least 0
     * @return a new array holding each of 0..n-1 exactly once
     */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p);
        return p;
    }
}
