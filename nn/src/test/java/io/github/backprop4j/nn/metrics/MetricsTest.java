package io.github.backprop4j.nn.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Expected values worked out by hand from scikit-learn's definitions (see the comments): per-class
 * precision TP/(TP+FP), recall TP/(TP+FN), F1 2PR/(P+R), zero_division=0.
 */
class MetricsTest {
    private static final double EPS = 1e-12;
    // truth 0 → predicted 0, 1; truth 1 → 1, 1; truth 2 → 2, 0, 2
    private static final Tensor TARGET = Tensor.of(0L, 0L, 1L, 1L, 2L, 2L, 2L);
    private static final Tensor PREDICTED = Tensor.of(0L, 1L, 1L, 1L, 2L, 0L, 2L);

    @Test
    void accuracyCountsHits() {
        assertEquals(5.0 / 7, Metrics.accuracy(PREDICTED, TARGET), EPS);
        Variable logits = Variable.of(Tensor.of(new double[][] {{2, 1}, {0, 3}, {5, -1}}));
        assertEquals(2.0 / 3, Metrics.accuracy(logits, Tensor.of(0L, 1L, 1L)), EPS);
    }

    @Test
    void confusionMatrixHasTruthsAsRows() {
        assertArrayEquals(new long[] {1, 1, 0, 0, 2, 0, 1, 0, 2},
                Metrics.confusionMatrix(PREDICTED, TARGET, 3).toLongArray());
    }

    @Test
    void multiClassScores() {
        ClassCounts c = Metrics.multiClass(PREDICTED, TARGET, 3);
        // precision per class 1/2, 2/3, 1; recall 1/2, 1, 2/3; F1 1/2, 4/5, 4/5
        assertEquals((0.5 + 2.0 / 3 + 1) / 3, c.precision(Average.MACRO), EPS);
        assertEquals((0.5 + 1 + 2.0 / 3) / 3, c.recall(Average.MACRO), EPS);
        assertEquals((0.5 + 0.8 + 0.8) / 3, c.f1(Average.MACRO), EPS);
        // micro averages of a single-label problem all equal the accuracy
        assertEquals(5.0 / 7, c.precision(Average.MICRO), EPS);
        assertEquals(5.0 / 7, c.recall(Average.MICRO), EPS);
        assertEquals(5.0 / 7, c.f1(Average.MICRO), EPS);
    }

    @Test
    void multiLabelScores() {
        Tensor target = Tensor.of(new long[][] {{1, 0, 1}, {0, 1, 0}, {1, 1, 0}});
        Tensor predicted = Tensor.of(new long[][] {{1, 0, 0}, {0, 1, 0}, {1, 0, 0}});
        ClassCounts c = Metrics.multiLabel(predicted, target);
        // label 0: TP 2; label 1: TP 1, FN 1; label 2: FN 1 (never predicted: precision 0 by zero_division)
        assertEquals(new ClassCounts(new long[] {2, 1, 0}, new long[] {0, 0, 0}, new long[] {0, 1, 1}), c);
        assertEquals(1.0, c.precision(Average.MICRO), EPS);
        assertEquals(3.0 / 5, c.recall(Average.MICRO), EPS);
        assertEquals(6.0 / 8, c.f1(Average.MICRO), EPS);
        assertEquals(2.0 / 3, c.precision(Average.MACRO), EPS);
        assertEquals(0.5, c.recall(Average.MACRO), EPS);
        assertEquals((1 + 2.0 / 3 + 0) / 3, c.f1(Average.MACRO), EPS);
        assertEquals(1.0 / 3, Metrics.subsetAccuracy(predicted, target), EPS);
    }

    @Test
    void multiLabelPredictionsThresholdLogitsAtZero() {
        Variable logits = Variable.of(Tensor.of(new double[][] {{0.5, -0.5}, {0, 2}}));
        assertArrayEquals(new long[] {1, 0, 0, 1}, Metrics.multiLabelPredictions(logits).toLongArray());
    }

    @Test
    void badInputIsOneClearLine() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.confusionMatrix(Tensor.of(3L), Tensor.of(0L), 3));
        assertEquals("class index 3 is out of range [0, 3)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(Tensor.of(1.0), Tensor.of(1L)));
        assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(Tensor.of(1L), Tensor.of(1L, 2L)));
    }
}
