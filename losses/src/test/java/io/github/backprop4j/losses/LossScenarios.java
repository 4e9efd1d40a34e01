package io.github.backprop4j.losses;

import io.github.backprop4j.autograd.GradCheck;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import io.github.backprop4j.tensor.testkit.TensorKit;
import io.github.backprop4j.testkit.LossShapes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random float64 problems for every loss: small shapes of every family the loss accepts and
 * random options (reduction, weights, ignored targets, label smoothing, pos_weight, broadcast
 * targets), away from the points where a loss is not differentiable (BCE inputs stay in
 * [0.05, 0.95], its differentiated targets in [0.01, 0.99]; a mean always has at least one
 * non-ignored target). Every draw goes through the {@link Random} given, so that run through
 * {@code Gens.fromRandom} a failing problem shrinks to a small one; the kit's generators try the
 * ends of a range first, so a bound that must not be reached is kept inside the range. Each
 * problem names its differentiable inputs and the function of them that {@link GradCheck}
 * differentiates.
 */
final class LossScenarios {
    private LossScenarios() {
    }

    record Problem(String description, List<Tensor> inputs, GradCheck.Fn f) {
        @Override
        public String toString() {
            return description + " with inputs " + inputs.stream().map(t -> t.shape() + " " + t).toList();
        }
    }

    static Tensor normal(Random r, double scale, int... shape) {
        return TensorKit.normal(r, DType.FLOAT64, scale, shape);
    }

    static Tensor uniform(Random r, double lo, double hi, int... shape) {
        return TensorKit.uniform(r, DType.FLOAT64, lo, hi, shape);
    }

    static Reduction reduction(Random r) {
        return Reduction.parse(LossShapes.reduction(r));
    }

    /**
     * Index targets with a random ignore_index (default −100, −1, or an in-range class when C ≥ 2)
     * hitting about a third of the positions; the first position is never ignored.
     */
    static LossOptions indexOptions(Random r, int classes, boolean smoothing) {
        LossOptions o = LossOptions.defaults().withReduction(reduction(r))
                .withIgnoreIndex(LossShapes.ignoreIndex(r, classes));
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
        return Tensor.fromFlat(LossShapes.indexTargets(r, shape, classes, ignoreIndex), shape);
    }

    // ------------------------------------------------------------------ problems per loss

    static Problem softmaxFamily(Random r, boolean log) {
        int[] shape = LossShapes.anyShape(r);
        int rank = shape.length;
        int dim = rank == 0 ? -r.nextInt(2) : r.nextInt(2 * rank) - rank;
        Tensor x = normal(r, 2, shape);
        return new Problem((log ? "log_softmax" : "softmax") + " dim " + dim, List.of(x),
                v -> log ? Losses.logSoftmax(v.get(0), dim) : Losses.softmax(v.get(0), dim));
    }

    static Problem nll(Random r) {
        int[] shape = LossShapes.classShape(r, 1);
        int classes = LossShapes.classes(shape);
        LossOptions o = indexOptions(r, classes, false);
        Variable t = Variable.of(indexTargets(r, LossShapes.targetShape(shape), classes, o.ignoreIndex()));
        return new Problem("nll_loss " + o, List.of(normal(r, 1, shape)), v -> Losses.nllLoss(v.get(0), t, o));
    }

    static Problem crossEntropyIndices(Random r) {
        int[] shape = LossShapes.classShape(r, 1);
        int classes = LossShapes.classes(shape);
        LossOptions o = indexOptions(r, classes, true);
        Variable t = Variable.of(indexTargets(r, LossShapes.targetShape(shape), classes, o.ignoreIndex()));
        return new Problem("cross_entropy (indices) " + o + " targets " + t.value(), List.of(normal(r, 2, shape)),
                v -> Losses.crossEntropy(v.get(0), t, o));
    }

    /** Probability targets; input, target and (when present) weight are all differentiated. */
    static Problem crossEntropyProbabilities(Random r) {
        int[] shape = LossShapes.classShape(r, 1);
        int classes = LossShapes.classes(shape);
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

    static Problem bce(Random r) {
        int[] shape = LossShapes.anyShape(r);
        LossOptions o = LossOptions.defaults().withReduction(reduction(r));
        if (r.nextBoolean()) {
            o = o.withWeight(uniform(r, 0.2, 2, LossShapes.broadcastingShape(r, shape)));
        }
        LossOptions opts = o;
        return new Problem("binary_cross_entropy " + o, List.of(uniform(r, 0.05, 0.95, shape), uniform(r, 0.01, 0.99, shape)),
                v -> Losses.binaryCrossEntropy(v.get(0), v.get(1), opts));
    }

    static Problem bceWithLogits(Random r) {
        int[] shape = LossShapes.anyShape(r);
        LossOptions o = LossOptions.defaults().withReduction(reduction(r));
        if (r.nextBoolean()) {
            o = o.withWeight(uniform(r, 0.2, 2, LossShapes.broadcastingShape(r, shape)));
        }
        if (r.nextBoolean()) {
            o = o.withPosWeight(uniform(r, 0.2, 3, LossShapes.broadcastingShape(r, shape)));
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
