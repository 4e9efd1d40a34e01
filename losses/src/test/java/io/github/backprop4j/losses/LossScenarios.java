package io.github.backprop4j.losses;

import io.github.backprop4j.autograd.GradCheck;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Random float64 problems for every loss: small shapes of every family the loss accepts and
 * random options (reduction, weights, ignored targets, label smoothing, pos_weight, broadcast
 * targets), away from the points where a loss is not differentiable (BCE inputs stay in
 * [0.05, 0.95]; a mean always has at least one non-ignored target). Each problem names its
 * differentiable inputs and the function of them that {@link GradCheck} differentiates.
 */
final class LossScenarios {
    private LossScenarios() {
    }

    record Problem(String description, List<Tensor> inputs, GradCheck.Fn f) {
        @Override
        public String toString() {
            return description + " with inputs of shapes " + inputs.stream().map(t -> t.shape().toString()).toList();
        }
    }

    static Tensor normal(Random r, double scale, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian() * scale;
        }
        return Tensor.fromFlat(DType.FLOAT64, v, shape);
    }

    static Tensor uniform(Random r, double lo, double hi, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * r.nextDouble();
        }
        return Tensor.fromFlat(DType.FLOAT64, v, shape);
    }

    static Reduction reduction(Random r) {
        return Reduction.values()[r.nextInt(3)];
    }

    /** A shape (C), (N, C), (N, C, d1) or (N, C, d1, d2) with N ∈ 1..3, C ∈ 1..4, d ∈ 1..2. */
    static int[] classShape(Random r, int minClasses) {
        int c = minClasses + r.nextInt(5 - minClasses);
        return switch (r.nextInt(4)) {
            case 0 -> new int[] {c};
            case 1 -> new int[] {1 + r.nextInt(3), c};
            case 2 -> new int[] {1 + r.nextInt(3), c, 1 + r.nextInt(2)};
            default -> new int[] {1 + r.nextInt(2), c, 1 + r.nextInt(2), 1 + r.nextInt(2)};
        };
    }

    /** Shape of class-index targets for an input shape: the class dim removed. */
    static int[] targetShape(int[] input) {
        if (input.length == 1) {
            return new int[0];
        }
        int[] t = new int[input.length - 1];
        t[0] = input[0];
        System.arraycopy(input, 2, t, 1, input.length - 2);
        return t;
    }

    /**
     * Index targets with a random ignore_index (default −100, −1, or an in-range class when C ≥ 2)
     * hitting about a third of the positions; the first position is never ignored.
     */
    static LossOptions indexOptions(Random r, int classes, boolean smoothing) {
        LossOptions o = LossOptions.defaults().withReduction(reduction(r));
        int pick = r.nextInt(3);
        if (pick == 1) {
            o = o.withIgnoreIndex(-1);
        } else if (pick == 2 && classes >= 2) {
            o = o.withIgnoreIndex(r.nextInt(classes));
        }
        if (r.nextBoolean()) {
            o = o.withWeight(uniform(r, 0.2, 2.0, classes));
        }
        if (smoothing) {
            double[] choices = {0, 0, 0.1, 0.3, 1.0, -0.5};
            o = o.withLabelSmoothing(choices[r.nextInt(choices.length)]);
        }
        return o;
    }

    static Tensor indexTargets(Random r, int[] shape, int classes, long ignoreIndex) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long v;
            do {
                v = r.nextInt(3) == 0 ? ignoreIndex : r.nextInt(classes);
            } while (i == 0 && v == ignoreIndex);
            t[i] = v;
        }
        return Tensor.fromFlat(t, shape);
    }

    // ------------------------------------------------------------------ problems per loss

    static Problem softmaxFamily(Random r, boolean log) {
        int rank = r.nextInt(4);
        int[] shape = new int[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = 1 + r.nextInt(3);
        }
        int dim = rank == 0 ? -r.nextInt(2) : r.nextInt(2 * rank) - rank;
        Tensor x = normal(r, 2, shape);
        return new Problem((log ? "log_softmax" : "softmax") + " dim " + dim, List.of(x),
                v -> log ? Losses.logSoftmax(v.get(0), dim) : Losses.softmax(v.get(0), dim));
    }

    static Problem nll(Random r) {
        int[] shape = classShape(r, 1);
        int classes = shape.length == 1 ? shape[0] : shape[1];
        LossOptions o = indexOptions(r, classes, false);
        Variable t = Variable.of(indexTargets(r, targetShape(shape), classes, o.ignoreIndex()));
        return new Problem("nll_loss " + o, List.of(normal(r, 1, shape)), v -> Losses.nllLoss(v.get(0), t, o));
    }

    static Problem crossEntropyIndices(Random r) {
        int[] shape = classShape(r, 1);
        int classes = shape.length == 1 ? shape[0] : shape[1];
        LossOptions o = indexOptions(r, classes, true);
        Variable t = Variable.of(indexTargets(r, targetShape(shape), classes, o.ignoreIndex()));
        return new Problem("cross_entropy (indices) " + o + " targets " + t.value(), List.of(normal(r, 2, shape)),
                v -> Losses.crossEntropy(v.get(0), t, o));
    }

    /** Probability targets; input, target and (when present) weight are all differentiated. */
    static Problem crossEntropyProbabilities(Random r) {
        int[] shape = classShape(r, 1);
        int classes = shape.length == 1 ? shape[0] : shape[1];
        double[] choices = {0, 0.2, 1.0};
        LossOptions o = LossOptions.defaults().withReduction(reduction(r))
                .withLabelSmoothing(choices[r.nextInt(choices.length)]);
        List<Tensor> inputs = new ArrayList<>(List.of(normal(r, 2, shape), uniform(r, 0, 1, shape)));
        boolean weighted = r.nextBoolean();
        if (weighted) {
            inputs.add(uniform(r, 0.2, 2, classes));
        }
        return new Problem("cross_entropy (probabilities) " + o + (weighted ? " with a weight variable" : ""), inputs,
                v -> weighted ? Losses.crossEntropy(v.get(0), v.get(1), v.get(2), o)
                        : Losses.crossEntropy(v.get(0), v.get(1), o));
    }

    /** A shape of rank 0–3, sizes 1–3. */
    static int[] anyShape(Random r) {
        int[] shape = new int[r.nextInt(4)];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = 1 + r.nextInt(3);
        }
        return shape;
    }

    /** A weight shape that broadcasts to {@code shape} without enlarging it: full, trailing dims, or 0-d. */
    static int[] broadcastingShape(Random r, int[] shape) {
        int keep = r.nextInt(shape.length + 1);
        int[] w = Arrays.copyOfRange(shape, shape.length - keep, shape.length);
        if (w.length > 0 && r.nextBoolean()) {
            w[0] = 1;
        }
        return w;
    }

    static Problem bce(Random r) {
        int[] shape = anyShape(r);
        LossOptions o = LossOptions.defaults().withReduction(reduction(r));
        if (r.nextBoolean()) {
            o = o.withWeight(uniform(r, 0.2, 2, broadcastingShape(r, shape)));
        }
        LossOptions opts = o;
        return new Problem("binary_cross_entropy " + o, List.of(uniform(r, 0.05, 0.95, shape), uniform(r, 0, 1, shape)),
                v -> Losses.binaryCrossEntropy(v.get(0), v.get(1), opts));
    }

    static Problem bceWithLogits(Random r) {
        int[] shape = anyShape(r);
        LossOptions o = LossOptions.defaults().withReduction(reduction(r));
        if (r.nextBoolean()) {
            o = o.withWeight(uniform(r, 0.2, 2, broadcastingShape(r, shape)));
        }
        if (r.nextBoolean()) {
            o = o.withPosWeight(uniform(r, 0.2, 3, broadcastingShape(r, shape)));
        }
        LossOptions opts = o;
        return new Problem("binary_cross_entropy_with_logits " + o, List.of(normal(r, 2, shape), uniform(r, 0, 1, shape)),
                v -> Losses.binaryCrossEntropyWithLogits(v.get(0), v.get(1), opts));
    }

    /** Input (C), (N, C) or (N, d, C); target of the same shape or (C); optionally a weight variable (C). */
    static Problem multilabelSoftMargin(Random r) {
        int c = 1 + r.nextInt(4);
        int[] shape = switch (r.nextInt(3)) {
            case 0 -> new int[] {c};
            case 1 -> new int[] {1 + r.nextInt(3), c};
            default -> new int[] {1 + r.nextInt(2), 1 + r.nextInt(2), c};
        };
        int[] targetShape = r.nextInt(3) == 0 ? new int[] {c} : shape;
        LossOptions o = LossOptions.defaults().withReduction(reduction(r));
        List<Tensor> inputs = new ArrayList<>(List.of(normal(r, 2, shape), uniform(r, 0, 1, targetShape)));
        boolean weighted = r.nextBoolean();
        if (weighted) {
            inputs.add(uniform(r, 0.2, 2, c));
        }
        return new Problem("multilabel_soft_margin_loss " + o + (weighted ? " with a weight variable" : ""), inputs,
                v -> weighted ? Losses.multilabelSoftMarginLoss(v.get(0), v.get(1), v.get(2), o)
                        : Losses.multilabelSoftMarginLoss(v.get(0), v.get(1), o));
    }
}
