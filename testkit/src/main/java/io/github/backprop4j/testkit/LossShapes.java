package io.github.backprop4j.testkit;

import java.util.Arrays;
import java.util.Random;

/**
 * The pieces of a random loss problem, in PyTorch's layouts: input shapes with a class dim,
 * class-index targets with an ignored value, weight shapes that broadcast, reductions. Written
 * against {@link Random} so that a scenario built from them and run through {@link
 * Gens#fromRandom} shrinks (fewer classes, smaller batches, the first reduction, target 0).
 */
public final class LossShapes {
    /** PyTorch's reductions, in the order a failing case shrinks through them. */
    public static final String[] REDUCTIONS = {"none", "mean", "sum"};

    private LossShapes() {
    }

    /** One of {@link #REDUCTIONS}. */
    public static String reduction(Random r) {
        return REDUCTIONS[r.nextInt(REDUCTIONS.length)];
    }

    /** A shape (C), (N, C), (N, C, d1) or (N, C, d1, d2) with N ∈ 1..3, C ∈ minClasses..4, d ∈ 1..2. */
    public static int[] classShape(Random r, int minClasses) {
        int c = minClasses + r.nextInt(5 - minClasses);
        return switch (r.nextInt(4)) {
            case 0 -> new int[] {c};
            case 1 -> new int[] {1 + r.nextInt(3), c};
            case 2 -> new int[] {1 + r.nextInt(3), c, 1 + r.nextInt(2)};
            default -> new int[] {1 + r.nextInt(2), c, 1 + r.nextInt(2), 1 + r.nextInt(2)};
        };
    }

    /** The number of classes of a {@link #classShape}: dim 0 of (C), else dim 1. */
    public static int classes(int[] inputShape) {
        return inputShape.length == 1 ? inputShape[0] : inputShape[1];
    }

    /** The shape of class-index targets for an input shape: the class dim removed. */
    public static int[] targetShape(int[] input) {
        if (input.length == 1) {
            return new int[0];
        }
        int[] t = new int[input.length - 1];
        t[0] = input[0];
        System.arraycopy(input, 2, t, 1, input.length - 2);
        return t;
    }

    /**
     * Class indices in [0, classes) for {@code shape}, about a third of them {@code ignoreIndex};
     * the first is never ignored, so a mean always has something to average.
     */
    public static long[] indexTargets(Random r, int[] shape, int classes, long ignoreIndex) {
        long[] t = new long[Gens.numel(shape)];
        for (int i = 0; i < t.length; i++) {
            long v;
            do {
                v = r.nextInt(3) == 0 ? ignoreIndex : r.nextInt(classes);
            } while (i == 0 && v == ignoreIndex);
            t[i] = v;
        }
        return t;
    }

    /** An ignore_index: PyTorch's default −100, −1, or (when there are at least 2) a real class. */
    public static long ignoreIndex(Random r, int classes) {
        int pick = r.nextInt(3);
        return pick == 1 ? -1 : pick == 2 && classes >= 2 ? r.nextInt(classes) : -100;
    }

    /** A shape of rank 0–3, sizes 1–3. */
    public static int[] anyShape(Random r) {
        int[] shape = new int[r.nextInt(4)];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = 1 + r.nextInt(3);
        }
        return shape;
    }

    /** A weight shape that broadcasts to {@code shape} without enlarging it: full, trailing dims, or 0-d. */
    public static int[] broadcastingShape(Random r, int[] shape) {
        int keep = r.nextInt(shape.length + 1);
        int[] w = Arrays.copyOfRange(shape, shape.length - keep, shape.length);
        if (w.length > 0 && r.nextBoolean()) {
            w[0] = 1;
        }
        return w;
    }
}
