package io.github.backprop4j.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static io.github.backprop4j.testkit.Gens.qt;

import io.github.backprop4j.autograd.BackwardOptions;
import io.github.backprop4j.autograd.GradMode;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Tensor;
import io.github.backprop4j.testkit.Gens;
import io.github.backprop4j.testkit.Tolerance;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Cross-entropy's float32 path (class indices, no smoothing) against the float64 path on the same
 * values: loss and gradient agree to float precision, for few classes (one e^x pass over all
 * rows), many classes, and enough elements to be split over the pool. The forward keeps e^x for
 * the first backward, which turns it into the gradient in place; a second backward of a retained
 * graph recomputes it and must give the same gradient again, and a forward without gradients
 * must give the same loss.
 */
class Float32CrossEntropyProperties {
    private static final int[] CLASSES = {1, 2, 3, 10, 16, 17, 100, 1000};

    /**
     * Logits (rows, classes) scaled by {@code scale}, targets and optional weight drawn from
     * {@code valueSeed} (up to 300 000 values: too many to shrink one by one, so the case shrinks
     * through its sizes and options and names the seed of its values).
     */
    record Case(int rows, int classes, double scale, long ignoreIndex, Reduction reduction, boolean weighted,
                long valueSeed) {
        static Case draw(Random r) {
            return new Case(1 + r.nextInt(300), CLASSES[r.nextInt(CLASSES.length)], 1 + 4 * r.nextDouble(),
                    r.nextBoolean() ? -100 : 0, r.nextBoolean() ? Reduction.MEAN : Reduction.SUM, r.nextBoolean(),
                    r.nextLong());
        }
    }

    @Test
    void float32PathAgreesWithFloat64AndSurvivesARetainedSecondBackward() {
        qt(20261124L, 40).forAll(Gens.fromRandom(Case::draw)).checkAssert(Float32CrossEntropyProperties::check);
    }

    private static void check(Case c) {
        Generator gen = new Generator(c.valueSeed());
        Tensor logits = Tensor.randn(gen, c.rows(), c.classes()).times(c.scale());
        Tensor target = Tensor.randint(gen, 0, c.classes(), c.rows());
        LossOptions options = LossOptions.defaults().withIgnoreIndex(c.ignoreIndex()).withReduction(c.reduction());
        if (c.weighted()) {
            options = options.withWeight(Tensor.rand(gen, c.classes()).plus(0.5));
        }
        String what = c.toString();

        Variable x64 = Variable.parameter(logits.to(DType.FLOAT64));
        LossOptions options64 = options.weight() == null ? options : options.withWeight(options.weight().to(DType.FLOAT64));
        Variable loss64 = Losses.crossEntropy(x64, Variable.of(target), options64);
        loss64.backward();
        double[] want = x64.grad().value().toDoubleArray();

        Variable x32 = Variable.parameter(logits);
        Variable loss32 = Losses.crossEntropy(x32, Variable.of(target), options);
        assertEquals(DType.FLOAT32, loss32.dtype());
        // NaN matches NaN: a mean over rows that are all ignored is 0/0
        Tolerance.absolute(1e-5 * (1 + Math.abs(loss64.item()))).assertClose(loss64.item(), loss32.item(), "loss " + what);
        loss32.backward(BackwardOptions.RETAIN_GRAPH);
        double[] first = x32.grad().value().toDoubleArray();
        double scale = 0;
        for (double g : want) {
            scale = Double.isNaN(g) ? scale : Math.max(scale, Math.abs(g));
        }
        Tolerance.absolute(1e-5 * scale + 1e-7).assertClose(want, first, "dx " + what);

        x32.zeroGrad();
        loss32.backward(); // e^x was taken by the first backward: recomputed from x
        assertNotNull(x32.grad());
        double[] second = x32.grad().value().toDoubleArray();
        Tolerance.absolute(2e-7 * scale + 1e-9).assertClose(first, second,
                "second backward, dx " + what);

        try (GradMode.Scope scope = GradMode.noGrad()) {
            assertEquals(loss32.item(), Losses.crossEntropy(x32, Variable.of(target), options).item(),
                    "the loss without gradients " + what);
        }
    }

    @Test
    void aGradientSplitOverThePoolIsTheSameAsBeforeAndAfterTakingItsBuffer() {
        Generator gen = new Generator(7);
        Tensor logits = Tensor.randn(gen, 300, 1000); // 300 000 elements: split over the pool
        Tensor target = Tensor.randint(gen, 0, 1000, 300);
        Variable x = Variable.parameter(logits);
        Variable loss = Losses.crossEntropy(x, Variable.of(target), LossOptions.defaults());
        loss.backward(BackwardOptions.RETAIN_GRAPH);
        float[] first = x.grad().value().toFloatArray();
        x.zeroGrad();
        loss.backward();
        float[] second = x.grad().value().toFloatArray();
        for (int i = 0; i < first.length; i++) {
            assertEquals(first[i], second[i], 1e-9, "dx[" + i + "]");
        }
        float[] rowSums = new float[300];
        for (int i = 0; i < first.length; i++) {
            rowSums[i / 1000] += first[i];
        }
        assertArrayEquals(new float[300], rowSums, 1e-8f, "each row of p − onehot sums to 0");
    }
}
