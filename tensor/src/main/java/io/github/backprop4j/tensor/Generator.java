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

    /** A generator whose stream is fixed by {@code seed}. */
    public Generator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The global generator used by every method called without one; seeded with {@link #DEFAULT_SEED}. */
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

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return random.nextDouble();
    }

    /** Uniform in [low, high). */
    public double nextDouble(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** Uniform integer in [low, high); requires low &lt; high. */
    public long nextLong(long low, long high) {
        if (low >= high) {
            throw new IllegalArgumentException("randint: low (" + low + ") must be less than high (" + high + ")");
        }
        return random.nextLong(low, high);
    }

    /** Uniform int in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Standard normal, by Box–Muller: {@code sqrt(-2 ln u1) * cos(2π u2)} and its sine twin. */
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

    /** Shuffles {@code values} in place (Fisher–Yates). */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }

    /** A permutation of 0..n-1. */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p);
        return p;
    }
}
