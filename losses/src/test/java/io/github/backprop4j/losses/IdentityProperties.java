package io.github.backprop4j.losses;

import static io.github.backprop4j.testkit.Gens.qt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop4j.autograd.Autograd;
import io.github.backprop4j.autograd.BackwardOptions;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import io.github.backprop4j.tensor.testkit.TensorKit;
import io.github.backprop4j.testkit.Gens;
import io.github.backprop4j.testkit.LossShapes;
import io.github.backprop4j.testkit.Tolerance;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Identities between the losses that hold mathematically, checked on random float64 data with
 * random options: each side is computed by a different fused node (or a different path through
 * one), so agreement tests both. Each property draws its case (a record below) through the kit,
 * so a failure is reported for a small case.
 */
class IdentityProperties {
    private static final int EXAMPLES = 150;

    /** Value and gradient with respect to x of a scalar-or-tensor loss (seeded with ones). */
    record ValueAndGrad(Tensor value, Tensor grad) {
    }

    static ValueAndGrad evaluate(Tensor x, Function<Variable, Variable> loss) {
        Variable v = Variable.parameter(x);
        Variable out = loss.apply(v);
        Variable g = Autograd.grad(List.of(out), List.of(v), List.of(Variable.of(out.value().onesLike())),
                BackwardOptions.DEFAULT)[0];
        return new ValueAndGrad(out.value(), g == null ? x.zerosLike() : g.value());
    }

    /** Value and gradient agree to {@code tol}, relative above 1 and absolute below. */
    static void assertSame(ValueAndGrad expected, ValueAndGrad actual, double tol, String what) {
        Tolerance t = Tolerance.of(tol, tol);
        TensorKit.assertClose(expected.value(), actual.value(), t, what + " value");
        TensorKit.assertClose(expected.grad(), actual.grad(), t, what + " gradient");
    }

    /** Logits of a class shape, index targets (some ignored) and index options. */
    record IndexCase(Tensor x, Tensor target, LossOptions options) {
        static IndexCase draw(Random r, double scale, boolean smoothing) {
            int[] shape = LossShapes.classShape(r, 1);
            int classes = LossShapes.classes(shape);
            LossOptions o = LossScenarios.indexOptions(r, classes, smoothing);
            Tensor t = LossScenarios.indexTargets(r, LossShapes.targetShape(shape), classes, o.ignoreIndex());
            return new IndexCase(LossScenarios.normal(r, scale, shape), t, o);
        }

        int classDim() {
            return x.dim() == 1 ? 0 : 1;
        }
    }

    @Test
    void crossEntropyIsNllOfLogSoftmax() {
        qt(11, EXAMPLES).forAll(Gens.fromRandom(r -> IndexCase.draw(r, 3, false))).checkAssert(c -> {
            Variable t = Variable.of(c.target());
            assertSame(evaluate(c.x(), v -> Losses.nllLoss(Losses.logSoftmax(v, c.classDim()), t, c.options())),
                    evaluate(c.x(), v -> Losses.crossEntropy(v, t, c.options())), 1e-12, "CE vs NLL(log_softmax)");
        });
    }

    /** Moderate logits in [−5, 5), probability targets, an optional broadcast weight. */
    record LogitsCase(Tensor x, Tensor y, LossOptions options) {
        static LogitsCase draw(Random r) {
            int[] shape = LossShapes.anyShape(r);
            LossOptions o = LossOptions.defaults().withReduction(LossScenarios.reduction(r));
            if (r.nextBoolean()) {
                o = o.withWeight(LossScenarios.uniform(r, 0.2, 2, LossShapes.broadcastingShape(r, shape)));
            }
            return new LogitsCase(LossScenarios.uniform(r, -5, 5, shape), LossScenarios.uniform(r, 0, 1, shape), o);
        }
    }

    @Test
    void bceWithLogitsIsBceOfSigmoidForModerateLogits() {
        qt(12, EXAMPLES).forAll(Gens.fromRandom(LogitsCase::draw)).checkAssert(c -> {
            Variable y = Variable.of(c.y());
            assertSame(evaluate(c.x(), v -> Losses.binaryCrossEntropy(v.sigmoid(), y, c.options())),
                    evaluate(c.x(), v -> Losses.binaryCrossEntropyWithLogits(v, y, c.options())), 1e-10,
                    "BCE(σ) vs BCEWithLogits");
        });
    }

    /** Logits and class-index targets none of which is ignored, with a reduction and label smoothing. */
    record UnignoredCase(Tensor x, Tensor target, LossOptions options) {
        static UnignoredCase draw(Random r) {
            int[] shape = LossShapes.classShape(r, 1);
            double[] smoothing = {0, 0.1, 0.5, 1};
            LossOptions o = LossOptions.defaults().withReduction(LossScenarios.reduction(r))
                    .withLabelSmoothing(smoothing[r.nextInt(smoothing.length)]);
            Tensor idx = LossScenarios.indexTargets(r, LossShapes.targetShape(shape), LossShapes.classes(shape), -100);
            // No target may be ignored here: turn the drawn −100s into class 0.
            idx = Tensor.where(idx.eq(-100), Tensor.scalar(0, DType.INT64), idx);
            return new UnignoredCase(LossScenarios.normal(r, 2, shape), idx, o);
        }
    }

    @Test
    void oneHotProbabilityTargetsEqualIndexTargetsWithoutWeights() {
        qt(13, EXAMPLES).forAll(Gens.fromRandom(UnignoredCase::draw)).checkAssert(c -> {
            int[] shape = c.x().shape().toArray();
            int classDim = shape.length == 1 ? 0 : 1;
            Variable ti = Variable.of(c.target());
            Variable tp = Variable.of(oneHot(c.target(), shape[classDim], classDim, shape));
            assertSame(evaluate(c.x(), v -> Losses.crossEntropy(v, ti, c.options())),
                    evaluate(c.x(), v -> Losses.crossEntropy(v, tp, c.options())), 1e-12,
                    "index vs one-hot targets " + c.options());
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

    /** Logits with every kind of target the losses take: indices (none ignored), probabilities, a smoothing. */
    record SumCase(Tensor x, Tensor indices, Tensor probabilities, Tensor y, double smoothing) {
        static SumCase draw(Random r) {
            UnignoredCase c = UnignoredCase.draw(r);
            int[] shape = c.x().shape().toArray();
            return new SumCase(c.x(), c.target(), LossScenarios.uniform(r, 0, 1, shape),
                    LossScenarios.uniform(r, 0, 1, shape), r.nextBoolean() ? 0 : 0.3);
        }
    }

    @Test
    void sumIsCountTimesMeanWithoutWeightsOrIgnoredTargets() {
        qt(14, EXAMPLES).forAll(Gens.fromRandom(SumCase::draw)).checkAssert(c -> {
            Tensor x = c.x();
            int[] shape = x.shape().toArray();
            int rows = x.numel() / LossShapes.classes(shape);
            Variable t = Variable.of(c.indices());
            Variable probs = Variable.of(c.probabilities());
            Variable y = Variable.of(c.y());
            checkSumIsNTimesMean(x, rows, (v, o) -> Losses.crossEntropy(v, t, o.withLabelSmoothing(c.smoothing())),
                    "CE indices");
            checkSumIsNTimesMean(x, rows, (v, o) -> Losses.crossEntropy(v, probs, o), "CE probabilities");
            checkSumIsNTimesMean(x, rows, (v, o) -> Losses.nllLoss(v, t, o), "NLL");
            checkSumIsNTimesMean(x, x.numel(), (v, o) -> Losses.binaryCrossEntropyWithLogits(v, y, o), "BCEWithLogits");
            checkSumIsNTimesMean(x, x.numel(), (v, o) -> Losses.binaryCrossEntropy(v.sigmoid(), y, o), "BCE");
            int samples = x.numel() / shape[shape.length - 1];
            checkSumIsNTimesMean(x, samples, (v, o) -> Losses.multilabelSoftMarginLoss(v, y, o), "MLSM");
        });
    }

    private static void checkSumIsNTimesMean(Tensor x, int n,
                                             BiFunction<Variable, LossOptions, Variable> loss,
                                             String what) {
        ValueAndGrad sum = evaluate(x, v -> loss.apply(v, LossOptions.defaults().withReduction(Reduction.SUM)));
        ValueAndGrad mean = evaluate(x, v -> loss.apply(v, LossOptions.defaults().withReduction(Reduction.MEAN))
                .times(n));
        assertSame(sum, mean, 1e-12, what + ": sum vs " + n + "·mean");
    }

    /** An index case and a shift per row, constant along the class dim, of up to a few hundred. */
    record ShiftCase(IndexCase c, Tensor shift) {
        static ShiftCase draw(Random r) {
            IndexCase c = IndexCase.draw(r, 2, true);
            int[] keep = c.x().shape().toArray();
            keep[c.classDim()] = 1;
            return new ShiftCase(c, LossScenarios.normal(r, 50, keep));
        }
    }

    @Test
    void crossEntropyIgnoresAConstantAddedToARow() {
        qt(15, EXAMPLES).forAll(Gens.fromRandom(ShiftCase::draw)).checkAssert(s -> {
            IndexCase c = s.c();
            Variable t = Variable.of(c.target());
            assertSame(evaluate(c.x(), v -> Losses.crossEntropy(v, t, c.options())),
                    evaluate(c.x().plus(s.shift()), v -> Losses.crossEntropy(v, t, c.options())), 1e-9,
                    "row shift " + c.options());
        });
    }

    /** Values of rank 1–3 (sizes 1–4), float32 or float64, of scale 1 or 1000, and a dim. */
    record RowsCase(Tensor x, int dim) {
        static RowsCase draw(Random r) {
            int[] shape = new int[1 + r.nextInt(3)];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = 1 + r.nextInt(4);
            }
            int dim = r.nextInt(2 * shape.length) - shape.length;
            double scale = r.nextBoolean() ? 1 : 1e3;
            DType dtype = r.nextBoolean() ? DType.FLOAT64 : DType.FLOAT32;
            return new RowsCase(LossScenarios.normal(r, scale, shape).to(dtype), dim);
        }
    }

    @Test
    void everyRowOfLogSoftmaxHasLogSumExpZero() {
        qt(16, EXAMPLES).forAll(Gens.fromRandom(RowsCase::draw)).checkAssert(c -> {
            boolean f64 = c.x().dtype() == DType.FLOAT64;
            Tensor y = Losses.logSoftmax(Variable.of(c.x()), c.dim()).value();
            Tensor lse = y.to(DType.FLOAT64).logsumexp(c.dim(), false);
            for (double v : lse.toDoubleArray()) {
                assertEquals(0, v, f64 ? 1e-14 : 1e-6, "logsumexp of a log_softmax row");
            }
            Tensor p = Losses.softmax(Variable.of(c.x()), c.dim()).value().to(DType.FLOAT64);
            TensorKit.assertClose(y.to(DType.FLOAT64).exp(), p, Tolerance.of(f64 ? 1e-15 : 1e-6, f64 ? 1e-15 : 1e-6),
                    "exp(log_softmax)");
        });
    }
}
