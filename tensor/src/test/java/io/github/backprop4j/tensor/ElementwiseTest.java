package io.github.backprop4j.tensor;

import static io.github.backprop4j.tensor.TensorAssertions.assertDType;
import static io.github.backprop4j.tensor.TensorAssertions.assertTensor;
import static io.github.backprop4j.tensor.TensorAssertions.assertTensorClose;
import static io.github.backprop4j.tensor.TensorAssertions.assertThrowsWith;
import static io.github.backprop4j.tensor.TensorAssertions.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ElementwiseTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    @Nested
    class Arithmetic {
        private final Tensor m = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});

        @Test
        void broadcastsARowAndAColumn() {
            assertTensor(m.plus(Tensor.of(10.0, 20.0, 30.0)), shape(2, 3), 11, 22, 33, 14, 25, 36);
            assertTensor(m.minus(Tensor.of(new double[][] {{1}, {2}})), shape(2, 3), 0, 1, 2, 2, 3, 4);
            assertTensor(Tensor.of(new double[][] {{1}, {2}}).times(Tensor.of(3.0, 4.0)), shape(2, 2), 3, 4, 6, 8);
            assertTensor(m.div(Tensor.scalar(2, DType.FLOAT64)), shape(2, 3), 0.5, 1, 1.5, 2, 2.5, 3);
        }

        @Test
        void worksOnNonContiguousOperands() {
            assertTensor(m.t().plus(m.t()), shape(3, 2), 2, 8, 4, 10, 6, 12);
            assertTensor(m.t().times(Tensor.of(1.0, -1.0)), shape(3, 2), 1, -4, 2, -5, 3, -6);
        }

        @Test
        void scalars() {
            assertTensor(m.plus(1), shape(2, 3), 2, 3, 4, 5, 6, 7);
            assertTensor(m.minus(1), shape(2, 3), 0, 1, 2, 3, 4, 5);
            assertTensor(m.times(-2), shape(2, 3), -2, -4, -6, -8, -10, -12);
            assertTensor(m.div(4), shape(2, 3), 0.25, 0.5, 0.75, 1, 1.25, 1.5);
            assertTensor(m.unaryMinus(), shape(2, 3), -1, -2, -3, -4, -5, -6);
            assertTensor(m.neg(), shape(2, 3), -1, -2, -3, -4, -5, -6);
        }

        @Test
        void float32ResultsAreRoundedOnce() {
            // 0.1f + 0.2f computed in double, then rounded to float: the float nearest 0.30000000447
            Tensor s = Tensor.of(0.1f).plus(Tensor.of(0.2f));
            assertEquals((double) (float) ((double) 0.1f + (double) 0.2f), s.item());
        }

        @Test
        void divisionByZero() {
            assertTensor(Tensor.of(1.0, -1.0, 0.0).div(0), shape(3), INF, -INF, NAN);
        }

        @Test
        void broadcastErrorNamesTheOpAndShapes() {
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).plus(Tensor.zeros(4)),
                    "add", "[2, 3]", "[4]", "(3)", "(4)", "dimension 1");
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.zeros(2).times(Tensor.zeros(3)),
                    "mul", "[2]", "[3]");
        }

        @Test
        void pow() {
            assertTensor(Tensor.of(2.0, 3.0).pow(2), shape(2), 4, 9);
            assertTensor(Tensor.of(4.0, 9.0).pow(0.5), shape(2), 2, 3);
            assertTensor(Tensor.of(2.0).pow(Tensor.of(0.0, 1.0, -1.0)), shape(3), 1, 2, 0.5);
            assertTensor(Tensor.of(2L, 3L).pow(2), shape(2), 4, 9);
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.of(2L).pow(-1),
                    "pow", "negative integer powers");
        }
    }

    @Nested
    class Functions {
        @Test
        void absSignSquare() {
            Tensor x = Tensor.of(-2.0, -0.0, 0.0, 3.0);
            assertTensor(x.abs(), shape(4), 2, 0, 0, 3);
            assertTensor(x.square(), shape(4), 4, 0, 0, 9);
            assertTensor(Tensor.of(-2.0, 0.0, 3.0, NAN).sign(), shape(4), -1, 0, 1, NAN);
        }

        @Test
        void expAndLog() {
            assertTensorClose(Tensor.of(0.0, 1.0, -INF).exp(), shape(3), 0, 1, Math.E, 0);
            assertTensor(Tensor.of(1.0, 0.0, -1.0).log(), shape(3), 0, -INF, NAN);
            assertTensorClose(Tensor.of(Math.E * Math.E).log(), shape(1), 1e-15, 2);
        }

        @Test
        void log1pAndExpm1StayAccurateNearZero() {
            // log(1 + 1e-10) = 1e-10 − 5e-21 + ...; naive log(1 + x) would lose six digits
            assertEquals(1e-10 - 5e-21, Tensor.of(1e-10).log1p().item(), 1e-25);
            assertEquals(1e-10 + 5e-21, Tensor.of(1e-10).expm1().item(), 1e-25);
        }

        @Test
        void sqrtTanhReciprocal() {
            assertTensor(Tensor.of(4.0, 0.0, -1.0).sqrt(), shape(3), 2, 0, NAN);
            assertTensorClose(Tensor.of(0.0, 1000.0, -1000.0).tanh(), shape(3), 0, 0, 1, -1);
            assertTensor(Tensor.of(4.0, 0.0, -0.5).reciprocal(), shape(3), 0.25, INF, -2);
        }

        @Test
        void sigmoidIsStableAtPlusMinus1000() {
            Tensor s = Tensor.of(-1000f, 0f, 1000f).sigmoid();
            assertTensor(s, shape(3), 0, 0.5, 1);
            Tensor d = Tensor.of(-1000.0, -40.0, 40.0, 1000.0).sigmoid();
            // σ(−40) = e^−40 / (1 + e^−40), representable, not rounded to 0
            assertEquals(Math.exp(-40) / (1 + Math.exp(-40)), d.getDouble(1), 1e-30);
            assertEquals(0.0, d.getDouble(0));
            assertEquals(1.0, d.getDouble(3));
        }

        @Test
        void sigmoidOfMinusXIsOneMinusSigmoidOfX() {
            Tensor x = Tensor.of(-3.0, -0.5, 0.25, 2.0);
            assertTensorClose(x.sigmoid().plus(x.neg().sigmoid()), shape(4), 1e-15, 1, 1, 1, 1);
            assertTensorClose(Tensor.of(1.0).sigmoid(), shape(1), 1e-15, 1 / (1 + Math.exp(-1)));
        }

        @Test
        void logSigmoidIsStable() {
            Tensor y = Tensor.of(-1000.0, 0.0, 1000.0).logSigmoid();
            assertTensorClose(y, shape(3), 1e-12, -1000, -Math.log(2), 0);
        }

        @Test
        void reluKeepsNaN() {
            assertTensor(Tensor.of(NAN, -1.0, 0.0, 2.0).relu(), shape(4), NAN, 0, 0, 2);
            assertDType(DType.INT64, Tensor.of(-1L, 2L).relu());
        }

        @Test
        void isNanAndIsFinite() {
            Tensor x = Tensor.of(1.0, NAN, INF, -INF);
            assertTensor(x.isNan(), shape(4), 0, 1, 0, 0);
            assertTensor(x.isFinite(), shape(4), 1, 0, 0, 0);
            assertDType(DType.INT64, x.isNan());
        }
    }

    @Nested
    class Clamping {
        @Test
        void clamp() {
            assertTensor(Tensor.of(-2.0, 0.5, 3.0, NAN).clamp(-1, 1), shape(4), -1, 0.5, 1, NAN);
        }

        @Test
        void oneSidedClamp() {
            assertTensor(Tensor.of(-2.0, 3.0).clamp(0, INF), shape(2), 0, 3);
            assertTensor(Tensor.of(-2.0, 3.0).clamp(Double.NEGATIVE_INFINITY, 1), shape(2), -2, 1);
        }

        @Test
        void clampOfInt64WithIntegerBoundsStaysInt64() {
            Tensor c = Tensor.of(-5L, 5L).clamp(-1, 1);
            assertDType(DType.INT64, c);
            assertTensor(c, shape(2), -1, 1);
        }

        @Test
        void minAboveMaxIsAnError() {
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.of(1.0).clamp(2, 1), "clamp", "2.0", "1.0");
        }

        @Test
        void maximumAndMinimumPropagateNaN() {
            Tensor a = Tensor.of(NAN, 1.0, 5.0);
            Tensor b = Tensor.of(0.0, NAN, 2.0);
            assertTensor(a.maximum(b), shape(3), NAN, NAN, 5);
            assertTensor(a.minimum(b), shape(3), NAN, NAN, 2);
            assertTensor(Tensor.of(new double[][] {{1}, {4}}).maximum(Tensor.of(2.0, 3.0)), shape(2, 2), 2, 3, 4, 4);
        }
    }

    @Nested
    class WhereAndComparisons {
        @Test
        void whereBroadcastsAllThree() {
            Tensor cond = Tensor.of(new long[][] {{1}, {0}});
            Tensor w = Tensor.where(cond, Tensor.of(1.0, 2.0), Tensor.scalar(-1, DType.FLOAT64));
            assertTensor(w, shape(2, 2), 1, 2, -1, -1);
        }

        @Test
        void wherePromotes() {
            Tensor w = Tensor.where(Tensor.of(1L, 0L), Tensor.of(1L, 2L), Tensor.of(0.5f, 0.25f));
            assertDType(DType.FLOAT32, w);
            assertTensor(w, shape(2), 1, 0.25);
        }

        @Test
        void comparisonsWithTensors() {
            Tensor a = Tensor.of(1.0, 2.0, 3.0, NAN);
            Tensor b = Tensor.of(2.0, 2.0, 2.0, NAN);
            assertTensor(a.eq(b), shape(4), 0, 1, 0, 0);
            assertTensor(a.ne(b), shape(4), 1, 0, 1, 1);
            assertTensor(a.lt(b), shape(4), 1, 0, 0, 0);
            assertTensor(a.le(b), shape(4), 1, 1, 0, 0);
            assertTensor(a.gt(b), shape(4), 0, 0, 1, 0);
            assertTensor(a.ge(b), shape(4), 0, 1, 1, 0);
        }

        @Test
        void comparisonsWithScalars() {
            Tensor a = Tensor.of(1f, 2f, 3f);
            assertTensor(a.eq(2), shape(3), 0, 1, 0);
            assertTensor(a.ne(2), shape(3), 1, 0, 1);
            assertTensor(a.lt(2), shape(3), 1, 0, 0);
            assertTensor(a.le(2), shape(3), 1, 1, 0);
            assertTensor(a.gt(2), shape(3), 0, 0, 1);
            assertTensor(a.ge(2), shape(3), 0, 1, 1);
        }

        @Test
        void scalarIsRoundedToTheTensorsDtypeFirst() {
            // torch.tensor([0.1]) == 0.1 is True: the scalar becomes float32 0.1 too
            assertTensor(Tensor.of(0.1f).eq(0.1), shape(1), 1);
            assertTensor(Tensor.of(0.1f).lt(0.1), shape(1), 0);
            assertTensor(Tensor.of(0.1).eq(0.1f), shape(1), 0);
            // torch.tensor([0, 1]) < 0.5 is [True, False]
            assertTensor(Tensor.of(0L, 1L).lt(0.5), shape(2), 1, 0);
        }

        @Test
        void comparisonsBroadcast() {
            Tensor c = Tensor.of(new double[][] {{1}, {3}}).gt(Tensor.of(2.0, 0.0));
            assertTensor(c, shape(2, 2), 0, 1, 1, 1);
            assertTrue(c.dtype() == DType.INT64);
        }
    }
}
