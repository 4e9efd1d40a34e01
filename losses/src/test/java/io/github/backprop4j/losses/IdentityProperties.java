package io.github.backprop4j.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.backprop4j.autograd.Autograd;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Identities between the losses that hold mathematically, checked on random float64 data with
 * random options: each side is computed by a different fused node (or a different path through
 * one), so agreement tests both.
 */
class IdentityProperties {
    private static final int EXAMPLES = 150;

    /** Value and gradient with respect to x of a scalar-or-tensor loss (seeded with ones). */
    record ValueAndGrad(Tensor value, Tensor grad) {
    }

    static ValueAndGrad evaluate(Tensor x, Function<Variable, Variable> loss) {
        Variable v = Variable.parameter(x);
        Variable out = loss.apply(v);
        Variable g = Autograd.grad(java.util.List.of(out), java.util.List.of(v),
                java.util.List.of(Variable.of(out.value().onesLike())),
                io.github.backprop4j.autograd.BackwardOptions.DEFAULT)[0];
        return new ValueAndGrad(out.value(), g == null ? x.zerosLike() : g.value());
    }

    static void assertClose(Tensor expected, Tensor actual, double tol, String what) {
        assertArrayEquals(expected.shape().toArray(), actual.shape().toArray(), what + ": shape");
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            boolean ok = Double.isNaN(e[i]) ? Double.isNaN(a[i]) : Math.abs(e[i] - a[i]) <= tol * (1 + Math.abs(e[i]));
            assertTrue(ok, what + " [" + i + "]: " + e[i] + " vs " + a[i] + "\n  " + Arrays.toString(e) + "\n  "
                    + Arrays.toString(a));
        }
    }

    static void assertSame(ValueAndGrad expected, ValueAndGrad actual, double tol, String what) {
        assertClose(expected.value(), actual.value(), tol, what + " value");
        assertClose(expected.grad(), actual.grad(), tol, what + " gradient");
    }

    @Test
    void crossEntropyIsNllOfLogSoftmax() {
        qt().withFixedSeed(11).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int[] shape = LossScenarios.classShape(r, 1);
            int classes = shape.length == 1 ? shape[0] : shape[1];
            LossOptions o = LossScenarios.indexOptions(r, classes, false);
            Variable t = Variable.of(LossScenarios.indexTargets(r, LossScenarios.targetShape(shape), classes,
                    o.ignoreIndex()));
            Tensor x = LossScenarios.normal(r, 3, shape);
            int classDim = shape.length == 1 ? 0 : 1;
            assertSame(evaluate(x, v -> Losses.nllLoss(Losses.logSoftmax(v, classDim), t, o)),
                    evaluate(x, v -> Losses.crossEntropy(v, t, o)), 1e-12, "CE vs NLL(log_softmax) " + o);
        });
    }

    @Test
    void bceWithLogitsIsBceOfSigmoidForModerateLogits() {
        qt().withFixedSeed(12).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int[] shape = LossScenarios.anyShape(r);
            LossOptions o = LossOptions.defaults().withReduction(LossScenarios.reduction(r));
            if (r.nextBoolean()) {
                o = o.withWeight(LossScenarios.uniform(r, 0.2, 2, LossScenarios.broadcastingShape(r, shape)));
            }
            LossOptions opts = o;
            Variable y = Variable.of(LossScenarios.uniform(r, 0, 1, shape));
            Tensor x = LossScenarios.uniform(r, -5, 5, shape);
            assertSame(evaluate(x, v -> Losses.binaryCrossEntropy(v.sigmoid(), y, opts)),
                    evaluate(x, v -> Losses.binaryCrossEntropyWithLogits(v, y, opts)), 1e-10, "BCE(σ) vs BCEWithLogits");
        });
    }

    @Test
    void oneHotProbabilityTargetsEqualIndexTargetsWithoutWeights() {
        qt().withFixedSeed(13).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int[] shape = LossScenarios.classShape(r, 1);
            int classDim = shape.length == 1 ? 0 : 1;
            int classes = shape[classDim];
            double[] smoothing = {0, 0.1, 0.5, 1};
            LossOptions o = LossOptions.defaults().withReduction(LossScenarios.reduction(r))
                    .withLabelSmoothing(smoothing[r.nextInt(smoothing.length)]);
            Tensor idx = LossScenarios.indexTargets(r, LossScenarios.targetShape(shape), classes, -100);
            // No target may be ignored here: turn the drawn −100s into class 0.
            idx = Tensor.where(idx.eq(-100), Tensor.scalar(0, DType.INT64), idx);
            Tensor oneHot = oneHot(idx, classes, classDim, shape);
            Variable ti = Variable.of(idx);
            Variable tp = Variable.of(oneHot);
            Tensor x = LossScenarios.normal(r, 2, shape);
            assertSame(evaluate(x, v -> Losses.crossEntropy(v, ti, o)), evaluate(x, v -> Losses.crossEntropy(v, tp, o)),
                    1e-12, "index vs one-hot targets " + o);
        });
    }

    /** One-hot float64 encoding of {@code idx}, with the classes along {@code classDim} of {@code shape}. */
    static Tensor oneHot(Tensor idx, int classes, int classDim, int[] shape) {
        long[] t = idx.toLongArray();
        double[] v = new double[t.length * classes];
        int inner = 1;
        for (int d = classDim + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        for (int row = 0; row < t.length; row++) {
            int base = (row / inner) * classes * inner + row % inner;
            v[base + (int) t[row] * inner] = 1;
        }
        return Tensor.fromFlat(DType.FLOAT64, v, shape);
    }

    @Test
    void sumIsCountTimesMeanWithoutWeightsOrIgnoredTargets() {
        qt().withFixedSeed(14).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int[] shape = LossScenarios.classShape(r, 1);
            int classDim = shape.length == 1 ? 0 : 1;
            int classes = shape[classDim];
            int rows = Tensor.zeros(shape).numel() / classes;
            Tensor x = LossScenarios.normal(r, 2, shape);
            Tensor idx = LossScenarios.indexTargets(r, LossScenarios.targetShape(shape), classes, -100);
            Variable t = Variable.of(Tensor.where(idx.eq(-100), Tensor.scalar(0, DType.INT64), idx));
            Variable probs = Variable.of(LossScenarios.uniform(r, 0, 1, shape));
            Variable y = Variable.of(LossScenarios.uniform(r, 0, 1, shape));
            double eps = r.nextBoolean() ? 0 : 0.3;
            checkSumIsNTimesMean(x, rows, (v, o) -> Losses.crossEntropy(v, t, o.withLabelSmoothing(eps)), "CE indices");
            checkSumIsNTimesMean(x, rows, (v, o) -> Losses.crossEntropy(v, probs, o), "CE probabilities");
            checkSumIsNTimesMean(x, rows, (v, o) -> Losses.nllLoss(v, t, o), "NLL");
            checkSumIsNTimesMean(x, x.numel(), (v, o) -> Losses.binaryCrossEntropyWithLogits(v, y, o), "BCEWithLogits");
            checkSumIsNTimesMean(x, x.numel(), (v, o) -> Losses.binaryCrossEntropy(v.sigmoid(), y, o), "BCE");
            int samples = x.numel() / shape[shape.length - 1];
            checkSumIsNTimesMean(x, samples, (v, o) -> Losses.multilabelSoftMarginLoss(v, y, o), "MLSM");
        });
    }

    private static void checkSumIsNTimesMean(Tensor x, int n,
                                             java.util.function.BiFunction<Variable, LossOptions, Variable> loss,
                                             String what) {
        ValueAndGrad sum = evaluate(x, v -> loss.apply(v, LossOptions.defaults().withReduction(Reduction.SUM)));
        ValueAndGrad mean = evaluate(x, v -> loss.apply(v, LossOptions.defaults().withReduction(Reduction.MEAN))
                .times(n));
        assertSame(sum, mean, 1e-12, what + ": sum vs " + n + "·mean");
    }

    @Test
    void crossEntropyIgnoresAConstantAddedToARow() {
        qt().withFixedSeed(15).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int[] shape = LossScenarios.classShape(r, 1);
            int classDim = shape.length == 1 ? 0 : 1;
            int classes = shape[classDim];
            LossOptions o = LossScenarios.indexOptions(r, classes, true);
            Variable t = Variable.of(LossScenarios.indexTargets(r, LossScenarios.targetShape(shape), classes,
                    o.ignoreIndex()));
            Tensor x = LossScenarios.normal(r, 2, shape);
            int[] keep = shape.clone();
            keep[classDim] = 1;
            Tensor shift = LossScenarios.normal(r, 50, keep);
            assertSame(evaluate(x, v -> Losses.crossEntropy(v, t, o)),
                    evaluate(x.plus(shift), v -> Losses.crossEntropy(v, t, o)), 1e-9, "row shift " + o);
        });
    }

    @Test
    void everyRowOfLogSoftmaxHasLogSumExpZero() {
        qt().withFixedSeed(16).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int rank = 1 + r.nextInt(3);
            int[] shape = new int[rank];
            for (int i = 0; i < rank; i++) {
                shape[i] = 1 + r.nextInt(4);
            }
            int dim = r.nextInt(2 * rank) - rank;
            double scale = r.nextBoolean() ? 1 : 1e3;
            DType dtype = r.nextBoolean() ? DType.FLOAT64 : DType.FLOAT32;
            Tensor x = LossScenarios.normal(r, scale, shape).to(dtype);
            Tensor y = Losses.logSoftmax(Variable.of(x), dim).value();
            Tensor lse = y.to(DType.FLOAT64).logsumexp(dim, false);
            for (double v : lse.toDoubleArray()) {
                assertEquals(0, v, dtype == DType.FLOAT64 ? 1e-14 : 1e-6, "logsumexp of a log_softmax row");
            }
            Tensor p = Losses.softmax(Variable.of(x), dim).value().to(DType.FLOAT64);
            assertClose(y.to(DType.FLOAT64).exp(), p, dtype == DType.FLOAT64 ? 1e-15 : 1e-6, "exp(log_softmax)");
        });
    }
}
