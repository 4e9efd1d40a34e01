package io.github.backprop4j.tensor;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * QuickTheories generators and naive reference computations shared by the property tests.
 * Random shapes come from QuickTheories (so they shrink); element values come from a
 * {@link Generator} seeded by a generated long.
 */
final class Gens {
    private Gens() {
    }

    /** A theory with a fixed seed and a bounded number of examples. */
    static QuickTheory qt(long seed, int examples) {
        return QuickTheory.qt().withFixedSeed(seed).withExamples(examples);
    }

    static Gen<Integer> between(int low, int high) {
        return integers().between(low, high);
    }

    static Gen<Long> seeds() {
        return longs().all();
    }

    /** A shape of rank 0..maxRank, each size in minSize..maxSize. */
    static Gen<int[]> shapes(int maxRank, int minSize, int maxSize) {
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
    static int[] broadcastableTo(int[] out, RandomnessSource in) {
        int drop = between(0, out.length).generate(in);
        int[] s = Arrays.copyOfRange(out, drop, out.length);
        for (int i = 0; i < s.length; i++) {
            if (between(0, 2).generate(in) == 0) {
                s[i] = 1;
            }
        }
        return s;
    }

    /** Small integers in [-9, 9] of the given dtype, so that sums and products are exact. */
    static Tensor smallInts(long seed, DType dtype, int... shape) {
        Tensor r = Tensor.randint(new Generator(seed), -9, 10, shape);
        return r.to(dtype);
    }

    /** Standard normal values of the given float dtype. */
    static Tensor normals(long seed, DType dtype, int... shape) {
        return Tensor.randn(new Generator(seed), dtype, shape);
    }

    static int numel(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Row-major multi-index of flat position {@code flat} in {@code shape}. */
    static int[] unravel(int flat, int[] shape) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = flat % shape[d];
            flat /= shape[d];
        }
        return idx;
    }

    /** Row-major flat position of multi-index {@code idx} in {@code shape}. */
    static int ravel(int[] idx, int[] shape) {
        int flat = 0;
        for (int d = 0; d < shape.length; d++) {
            flat = flat * shape[d] + idx[d];
        }
        return flat;
    }

    /** Σ x_i y_i, naively. */
    static double inner(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /** Σ |x_i y_i|: the scale of the rounding error in {@link #inner}. */
    static double absInner(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += Math.abs(x[i] * y[i]);
        }
        return s;
    }
}
