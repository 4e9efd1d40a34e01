package io.github.backprop4j.autograd;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;
import io.github.backprop4j.tensor.testkit.TensorKit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random float64 test data and shapes, all drawn from a {@link Random}: in the properties, the
 * test kit's shrinking one.
 */
final class Values {
    private Values() {
    }

    static Tensor uniform(Random rng, int[] shape, double lo, double hi) {
        return TensorKit.uniform(rng, DType.FLOAT64, lo, hi, shape);
    }

    /** Values in ±[min, max] with random signs: at least {@code min} away from zero. */
    static Tensor awayFromZero(Random rng, int[] shape, double min, double max) {
        double[] d = uniform(rng, shape, min, max).toDoubleArray();
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextBoolean() ? d[i] : -d[i];
        }
        return Tensor.fromFlat(DType.FLOAT64, d, shape);
    }

    /** Pairwise distinct values, at least 0.08 apart, in random order (no ties for max/min). */
    static Tensor distinct(Random rng, int[] shape) {
        int n = Shape.of(shape).numel();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, rng);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = 0.1 * order.get(i) - 0.05 * n + 0.01 * rng.nextDouble();
        }
        return Tensor.fromFlat(DType.FLOAT64, d, shape);
    }

    /** Odd (or even) multiples of 0.1: two such tensors never tie, and differ by at least 0.1. */
    static Tensor onGrid(Random rng, int[] shape, boolean odd) {
        double[] d = new double[Shape.of(shape).numel()];
        for (int i = 0; i < d.length; i++) {
            d[i] = 0.1 * (2 * (rng.nextInt(21) - 10) + (odd ? 1 : 0));
        }
        return Tensor.fromFlat(DType.FLOAT64, d, shape);
    }

    static Tensor indices(Random rng, int[] shape, int bound) {
        long[] d = new long[Shape.of(shape).numel()];
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextInt(bound);
        }
        return Tensor.fromFlat(d, shape);
    }

    static Tensor mask(Random rng, int[] shape) {
        return indices(rng, shape, 2);
    }

    /**
     * A shape that broadcasts to {@code out}: some leading dims dropped, some others set to 1.
     */
    static int[] broadcastable(Random rng, int[] out) {
        int drop = rng.nextInt(3) == 0 ? rng.nextInt(out.length + 1) : 0;
        int[] s = Arrays.copyOfRange(out, drop, out.length);
        for (int i = 0; i < s.length; i++) {
            if (rng.nextInt(3) == 0) {
                s[i] = 1;
            }
        }
        return s;
    }

    /** A random subset of {@code 0..rank-1} (possibly empty), some given as negative dims. */
    static int[] dimSubset(Random rng, int rank) {
        List<Integer> dims = new ArrayList<>();
        for (int d = 0; d < rank; d++) {
            if (rng.nextBoolean()) {
                dims.add(rng.nextBoolean() ? d : d - rank);
            }
        }
        Collections.shuffle(dims, rng);
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    static int dim(Random rng, int rank) {
        int r = Math.max(rank, 1);
        int d = rng.nextInt(r);
        return rng.nextBoolean() ? d : d - r;
    }

    static int[] permutation(Random rng, int n) {
        List<Integer> p = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            p.add(i);
        }
        Collections.shuffle(p, rng);
        return p.stream().mapToInt(Integer::intValue).toArray();
    }

    static int[] with(int[] shape, int dim, int size) {
        int[] s = shape.clone();
        s[dim] = size;
        return s;
    }
}
