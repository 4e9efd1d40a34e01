package io.github.backprop4j.nn.data;

import static io.github.backprop4j.tensor.testkit.TensorKit.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import io.github.backprop4j.testkit.Tolerance;
import org.junit.jupiter.api.Test;

class StandardizerTest {
    // column 0: 1, 2, 3, 6 → mean 3, population variance (4 + 1 + 0 + 9) / 4 = 3.5
    // column 1: constant 7
    // column 2: -2, 2, -2, 2 → mean 0, std 2
    private static final Tensor TRAIN = Tensor.of(new double[][] {{1, 7, -2}, {2, 7, 2}, {3, 7, -2}, {6, 7, 2}});
    private static final Tensor TEST = Tensor.of(new double[][] {{3, 8, 4}, {10, 7, 0}});

    @Test
    void fitsMeanAndPopulationStdOnTheTrainingData() {
        Standardizer s = Standardizer.fit(TRAIN);
        assertClose(Tensor.of(3.0, 7.0, 0.0), s.mean(), Tolerance.absolute(1e-15), "mean");
        assertClose(Tensor.of(Math.sqrt(3.5), 1.0, 2.0), s.scale(), Tolerance.absolute(1e-15), "scale (1 for the constant column)");
    }

    @Test
    void appliesTheTrainingStatisticsToTestData() {
        Standardizer s = Standardizer.fit(TRAIN);
        Tensor expected = Tensor.of(new double[][] {{0, 1, 2}, {7 / Math.sqrt(3.5), 0, 0}});
        assertClose(expected, s.transform(TEST), Tolerance.absolute(1e-15), "test data with training statistics");
        Tensor z = s.transform(TRAIN);
        assertClose(Tensor.zeros(DType.FLOAT64, 3), z.mean(0, false), Tolerance.absolute(1e-15), "standardised training mean");
        assertClose(Tensor.of(1.0, 0.0, 1.0), z.var(new int[] {0}, 0, false).sqrt(), Tolerance.absolute(1e-15), "standardised std");
        assertTrue(z.isFinite().sum().item() == z.numel(), "no NaN from the constant column");
        assertClose(TEST, s.inverseTransform(s.transform(TEST)), Tolerance.absolute(1e-14), "round trip");
    }

    @Test
    void keepsFloat32AndChecksShapes() {
        Standardizer s = Standardizer.fit(TRAIN.to(DType.FLOAT32));
        assertEquals(DType.FLOAT32, s.transform(TEST.to(DType.FLOAT32)).dtype());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.transform(Tensor.zeros(2, 4)))
                .getMessage().contains("does not have the fitted feature shape [3]"));
        assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(Tensor.zeros(0, 3)));
        assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(Tensor.of(1L, 2L)));
    }
}
