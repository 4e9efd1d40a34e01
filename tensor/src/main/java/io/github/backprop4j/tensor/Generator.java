package io.github.backprop4j.tensor;

import java.util.SplittableRandom;

/**
 * A seeded source of random numbers for {@code rand}, {@code randn}, {@code randint}, shuffles and
 * initialisers. The same seed gives the same stream on every run, JVM and machine: it wraps
 * {@link SplittableRandom}, whose algorithm is fixed by its specification, and draws normals by
 * the Box–Muller transform written out here rather than by a JDK method whose algorithm may change.
 *
 * <p>Not thread-safe; give each thread its own generator.
 */
public final class Generator {
    private final SplittableRandom random;
    private double spareNormal;
    private boolean hasSpareNormal;

    public Generator(long seed) {
        this.random = new SplittableRandom(seed);
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
