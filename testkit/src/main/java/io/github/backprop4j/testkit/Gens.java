package io.github.backprop4j.testkit;

import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * QuickTheories generators shared by the property tests. All of them shrink: a failing property
 * is reported for a small case, never for a seed. Shapes are {@code int[]} (rank 0 is a scalar);
 * each module's tests build their tensors from these, through {@code TensorKit} or a scenario of
 * their own written against {@link Random} and run through {@link #fromRandom}.
 */
public final class Gens {
    private Gens() {
    }

    /** A theory with a fixed seed and a bounded number of examples. */
    public static QuickTheory qt(long seed, int examples) {
        return QuickTheory.qt().withFixedSeed(seed).withExamples(examples);
    }

    /** An int in [low, high], shrinking towards low. */
    public static Gen<Integer> between(int low, int high) {
        return integers().between(low, high);
    }

    /**
     * Whatever {@code build} makes from a {@link Random} whose draws shrink ({@link
     * ShrinkingRandom}): the way to turn an existing {@code Random}-based scenario into a
     * shrinking generator. {@code build} must use the Random only while it runs, and the value
     * should print as the case it is (its {@code toString} is what a failure reports).
     */
    public static <T> Gen<T> fromRandom(Function<Random, T> build) {
        return in -> build.apply(new ShrinkingRandom(in));
    }

    /** A shape of rank 0..maxRank, each size in minSize..maxSize; shrinks to fewer, smaller dims. */
    public static Gen<int[]> shapes(int maxRank, int minSize, int maxSize) {
        Gen<int[]> g = in -> {
            int[] s = new int[between(0, maxRank).generate(in)];
            for (int i = 0; i < s.length; i++) {
                s[i] = between(minSize, maxSize).generate(in);
            }
            return s;
        };
        return g.describedAs(Arrays::toString);
    }

    /** A shape that broadcasts to {@code out}: some leading dims dropped, some sizes replaced by 1. */
    public static int[] broadcastableTo(int[] out, RandomnessSource in) {
        int drop = between(0, out.length).generate(in);
        int[] s = Arrays.copyOfRange(out, drop, out.length);
        for (int i = 0; i < s.length; i++) {
            if (between(0, 2).generate(in) == 0) {
                s[i] = 1;
            }
        }
        return s;
    }

    /** A permutation of 0..n-1; shrinks towards the identity. */
    public static int[] permutation(int n, RandomnessSource in) {
        int[] p = new int[n];
        boolean[] used = new boolean[n];
        for (int i = 0; i < n; i++) {
            int k = between(0, n - 1 - i).generate(in);
            for (int j = 0; j < n; j++) {
                if (!used[j] && k-- == 0) {
                    p[i] = j;
                    used[j] = true;
                    break;
                }
            }
        }
        return p;
    }

    /** n values uniform in [lo, hi); from a {@link ShrinkingRandom}, they shrink towards lo. */
    public static double[] uniform(Random r, double lo, double hi, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * r.nextDouble();
        }
        return v;
    }

    /** n values drawn from N(0, scale²); from a {@link ShrinkingRandom}, they shrink towards 0. */
    public static double[] normal(Random r, double scale, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian() * scale;
        }
        return v;
    }

    /** The number of elements of a shape: the product of its sizes, 1 for rank 0. */
    public static int numel(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}
