package io.github.backprop4j.tensor;

import static io.github.backprop4j.tensor.TensorAssertions.assertDType;
import static io.github.backprop4j.tensor.TensorAssertions.assertTensor;
import static io.github.backprop4j.tensor.TensorAssertions.assertTensorClose;
import static io.github.backprop4j.tensor.TensorAssertions.assertThrowsWith;
import static io.github.backprop4j.tensor.TensorAssertions.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReductionTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    /** x[i, j, k] = 12i + 4j + k, as float64, shape [2, 3, 4]. */
    private static Tensor cube() {
        return Tensor.arange(24).reshape(2, 3, 4).to(DType.FLOAT64);
    }

    @Nested
    class Sums {
        @Test
        void sumOfEverything() {
            assertTensor(cube().sum(), shape(), 276); // 0 + 1 + ... + 23 = 23·24/2
            assertTensor(Tensor.zeros(0, 3).sum(), shape(), 0);
        }

        @Test
        void sumOverOneDim() {
            Tensor m = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
            assertTensor(m.sum(0, false), shape(3), 5, 7, 9);
            assertTensor(m.sum(1, false), shape(2), 6, 15);
            assertTensor(m.sum(-1, true), shape(2, 1), 6, 15);
            assertTensor(m.sum(0, true), shape(1, 3), 5, 7, 9);
        }

        @Test
        void sumOverSeveralDims() {
            // Σ_{i,k} (12i + 4j + k) = 4·12 + 2·4·4j + 2·6 = 60 + 32j
            assertTensor(cube().sum(new int[] {0, 2}, false), shape(3), 60, 92, 124);
            assertTensor(cube().sum(new int[] {2, 0}, true), shape(1, 3, 1), 60, 92, 124);
            // an empty list reduces every dim, as PyTorch's dim=[]
            assertTensor(cube().sum(new int[] {}, true), shape(1, 1, 1), 276);
        }

        @Test
        void sumOfANonContiguousView() {
            assertTensor(cube().permute(2, 0, 1).sum(0, false), shape(2, 3), 6, 22, 38, 54, 70, 86);
        }

        @Test
        void int64SumStaysInt64() {
            Tensor s = Tensor.of(1L, 2L, 3L).sum();
            assertDType(DType.INT64, s);
            assertEquals(6, s.getLong());
        }

        @Test
        void zeroDimensionalReductions() {
            Tensor s = Tensor.scalar(3);
            assertTensor(s.sum(0, false), shape(), 3);
            assertTensor(s.sum(-1, true), shape(), 3);
            assertTensor(s.max(0, false).indices(), shape(), 0);
        }

        @Test
        void dimErrors() {
            assertThrowsWith(IndexOutOfBoundsException.class, () -> cube().sum(3, false),
                    "sum", "Dimension out of range", "[-3, 2]", "got 3");
            assertThrowsWith(IllegalArgumentException.class, () -> cube().sum(new int[] {1, -2}, false),
                    "sum", "dim 1 appears multiple times");
        }
    }

    @Nested
    class Means {
        @Test
        void mean() {
            assertTensor(cube().mean(), shape(), 11.5);
            assertTensor(cube().mean(2, false), shape(2, 3), 1.5, 5.5, 9.5, 13.5, 17.5, 21.5);
            // mean over i of 12i is 6, mean over j of 4j is 4: 10 + k
            assertTensor(cube().mean(new int[] {0, 1}, true), shape(1, 1, 4), 10, 11, 12, 13);
        }

        @Test
        void meanOfNothingIsNaN() {
            assertTensor(Tensor.zeros(0).mean(), shape(), NAN);
        }

        @Test
        void meanOfInt64IsAnError() {
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.of(1L, 2L).mean(),
                    "mean()", "floating point", "Long");
        }
    }

    @Nested
    class Extremes {
        private final Tensor m = Tensor.of(new double[][] {{3, 1, 3}, {-1, 7, 7}});

        @Test
        void maxAndMinOfEverything() {
            assertTensor(m.max(), shape(), 7);
            assertTensor(m.min(), shape(), -1);
            assertTensor(Tensor.of(1.0, NAN, 3.0).max(), shape(), NAN);
            assertTensor(Tensor.of(1.0, NAN, -3.0).min(), shape(), NAN);
        }

        @Test
        void maxAlongADimReturnsTheFirstIndexOnTies() {
            Tensor.ValuesIndices r = m.max(1, false);
            assertTensor(r.values(), shape(2), 3, 7);
            assertTensor(r.indices(), shape(2), 0, 1);
            assertDType(DType.INT64, r.indices());
            Tensor.ValuesIndices c = m.min(0, true);
            assertTensor(c.values(), shape(1, 3), -1, 1, 3);
            assertTensor(c.indices(), shape(1, 3), 1, 0, 0);
        }

        @Test
        void argmaxAndArgmin() {
            assertTensor(m.argmax(), shape(), 4); // the first 7, in flattened order
            assertTensor(m.argmax(0, false), shape(3), 0, 1, 1);
            assertTensor(m.argmin(1, true), shape(2, 1), 1, 0);
            // a NaN is the maximum and the minimum, as in PyTorch
            assertTensor(Tensor.of(1.0, NAN, 3.0, NAN).argmax(), shape(), 1);
            assertTensor(Tensor.of(1.0, NAN, -3.0).argmin(0, false), shape(), 1);
        }

        @Test
        void emptyReductionsAreErrors() {
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.zeros(0).max(),
                    "max()", "numel() == 0");
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.zeros(0, 3).argmax(), "argmax()");
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.zeros(0, 3).max(0, false),
                    "max", "non-zero size", "[0, 3]");
            // along a dim that is not empty, the empty result is fine
            assertTensor(Tensor.zeros(0, 3).max(1, false).values(), shape(0));
        }
    }

    @Nested
    class LogSumExp {
        @Test
        void smallCase() {
            // log(e + e² + e³) = 3 + log(e⁻² + e⁻¹ + 1)
            double expected = 3 + Math.log(Math.exp(-2) + Math.exp(-1) + 1);
            assertTensorClose(Tensor.of(1.0, 2.0, 3.0).logsumexp(0, false), shape(), 1e-15, expected);
        }

        @Test
        void largeEntriesStayFinite() {
            assertTensorClose(Tensor.of(1e4f, 0f, -1e4f).logsumexp(0, false), shape(), 0, 1e4);
            assertTensorClose(Tensor.of(-1e4, -1e4).logsumexp(0, true), shape(1), 1e-9, -1e4 + Math.log(2));
        }

        @Test
        void infinities() {
            Tensor rows = Tensor.of(new double[][] {{-INF, -INF}, {INF, 1}, {INF, -INF}, {NAN, 1}});
            assertTensor(rows.logsumexp(1, false), shape(4), -INF, INF, INF, NAN);
        }

        @Test
        void overSeveralDims() {
            Tensor x = Tensor.zeros(DType.FLOAT64, 2, 3, 4);
            assertTensorClose(x.logsumexp(new int[] {0, 2}, false), shape(3), 1e-15,
                    Math.log(8), Math.log(8), Math.log(8));
        }

        @Test
        void ofNothingIsMinusInfinity() {
            assertTensor(Tensor.zeros(0).logsumexp(0, false), shape(), -INF);
        }

        @Test
        void int64InputGivesFloat32() {
            assertDType(DType.FLOAT32, Tensor.of(1L, 2L).logsumexp(0, false));
        }
    }

    @Nested
    class Variance {
        @Test
        void unbiasedByDefault() {
            // mean 2.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5
            Tensor x = Tensor.of(1.0, 2.0, 3.0, 4.0);
            assertTensorClose(x.var(), shape(), 1e-15, 5.0 / 3);
            assertTensorClose(x.std(), shape(), 1e-15, Math.sqrt(5.0 / 3));
            assertTensorClose(x.var(new int[] {0}, 0, false), shape(), 1e-15, 1.25);
            assertTensorClose(x.std(new int[] {0}, 0, true), shape(1), 1e-15, Math.sqrt(1.25));
        }

        @Test
        void alongDims() {
            Tensor m = Tensor.of(new double[][] {{1, 2, 3, 4}, {2, 2, 2, 2}});
            assertTensorClose(m.std(1, true), shape(2, 1), 1e-15, Math.sqrt(5.0 / 3), 0);
            assertTensorClose(m.var(0, false), shape(4), 1e-15, 0.5, 0, 0.5, 2);
            // all 8 values: mean 2.25, squared deviations 1.5625 + 0.0625 + 0.5625 + 3.0625 + 4 · 0.0625 = 5.5
            assertTensorClose(m.var(new int[] {0, 1}, 0, false), shape(), 1e-15, 5.5 / 8);
        }

        @Test
        void oneValueHasNoUnbiasedVariance() {
            assertTensor(Tensor.of(1.0).var(), shape(), NAN);
        }

        @Test
        void int64IsAnError() {
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.of(1L, 2L).var(), "var()");
        }
    }

    @Nested
    class SumTo {
        private final Tensor m = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});

        @Test
        void sumsAwayLeadingDims() {
            assertTensor(m.sumTo(3), shape(3), 5, 7, 9);
            assertTensor(m.sumTo(), shape(), 21);
        }

        @Test
        void sumsSizeOneDimsWithKeepdim() {
            assertTensor(m.sumTo(2, 1), shape(2, 1), 6, 15);
            assertTensor(m.sumTo(1, 3), shape(1, 3), 5, 7, 9);
            assertTensor(m.sumTo(1, 1), shape(1, 1), 21);
            assertTensor(m.sumTo(Shape.of(1)), shape(1), 21);
        }

        @Test
        void sameShapeIsTheTensorItself() {
            assertSame(m, m.sumTo(2, 3));
        }

        @Test
        void targetMustBroadcastToTheShape() {
            assertThrowsWith(IllegalArgumentException.class, () -> m.sumTo(2), "sumTo", "[2, 3]", "[2]");
            assertThrowsWith(IllegalArgumentException.class, () -> m.sumTo(1, 2, 3, 1), "sumTo");
        }
    }
}
