package io.github.backprop4j.tensor;

import static org.quicktheories.generators.SourceDSL.longs;

import org.quicktheories.core.Gen;

/**
 * Tensor values and naive reference computations for tensor's property tests. Theories, shapes
 * and broadcastable shapes come from the test kit ({@link io.github.backprop4j.testkit.Gens}), so
 * they shrink; element values come from tensor's own {@link Generator}, seeded by a generated long.
 */
final class TensorGens {
    private TensorGens() {
    }

    /** A seed for the element values (the shapes around it come from the kit and shrink). */
    static Gen<Long> seeds() {
        return longs().all();
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
