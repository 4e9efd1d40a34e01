package io.github.backprop4j.examples.datasets;

import io.github.backprop4j.tensor.Generator;

/** The generated 2-D datasets: points and labels drawn from a seeded generator. */
final class Synthetic {
    private Synthetic() {
    }

    /** Points and their class. */
    record Points(double[][] xy, long[] labels) {
    }

    /**
     * {@code classes} interleaved spiral arms (the CS231n spiral): arm k has points at radius
     * r ∈ [0, 1] and angle θ = 4r + 2πk/K·… plus Gaussian noise of 0.2 on θ.
     */
    static Points spiral(int perClass, int classes, Generator gen) {
        double[][] xy = new double[perClass * classes][];
        long[] labels = new long[xy.length];
        for (int k = 0; k < classes; k++) {
            for (int i = 0; i < perClass; i++) {
                double r = (double) i / (perClass - 1);
                double theta = k * 4.0 + 4.0 * r + gen.nextGaussian() * 0.2;
                int at = k * perClass + i;
                xy[at] = new double[] {r * Math.sin(theta), r * Math.cos(theta)};
                labels[at] = k;
            }
        }
        return new Points(xy, labels);
    }

    /**
     * Two interleaving half circles (as scikit-learn's make_moons): the upper one centred at the
     * origin, the lower one shifted by (1, 0.5) and flipped, with Gaussian noise {@code noise}.
     */
    static Points moons(int perClass, double noise, Generator gen) {
        double[][] xy = new double[2 * perClass][];
        long[] labels = new long[xy.length];
        for (int i = 0; i < perClass; i++) {
            double t = Math.PI * i / (perClass - 1);
            xy[i] = new double[] {Math.cos(t) + noise * gen.nextGaussian(), Math.sin(t) + noise * gen.nextGaussian()};
            xy[perClass + i] = new double[] {
                1 - Math.cos(t) + noise * gen.nextGaussian(), 0.5 - Math.sin(t) + noise * gen.nextGaussian()};
            labels[perClass + i] = 1;
        }
        return new Points(xy, labels);
    }

    /**
     * Points uniform in [−1, 1]², labelled 1 when x and y have the same sign (the XOR of their
     * signs); points within {@code margin} of an axis are redrawn so the classes are separable.
     */
    static Points xor(int count, double margin, Generator gen) {
        double[][] xy = new double[count][];
        long[] labels = new long[count];
        for (int i = 0; i < count; i++) {
            double x;
            double y;
            do {
                x = gen.nextDouble(-1, 1);
                y = gen.nextDouble(-1, 1);
            } while (Math.abs(x) < margin || Math.abs(y) < margin);
            xy[i] = new double[] {x, y};
            labels[i] = (x > 0) == (y > 0) ? 1 : 0;
        }
        return new Points(xy, labels);
    }
}
