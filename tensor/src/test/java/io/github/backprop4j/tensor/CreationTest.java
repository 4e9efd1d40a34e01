package io.github.backprop4j.tensor;

import static io.github.backprop4j.tensor.TensorAssertions.assertDType;
import static io.github.backprop4j.tensor.TensorAssertions.assertTensor;
import static io.github.backprop4j.tensor.TensorAssertions.assertThrowsWith;
import static io.github.backprop4j.tensor.TensorAssertions.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CreationTest {

    @Nested
    class FromJavaArrays {
        @Test
        void ofPicksTheDtypeFromTheJavaType() {
            Tensor f = Tensor.of(1f, 2f);
            Tensor d = Tensor.of(1.0, 2.0);
            Tensor l = Tensor.of(1L, 2L);
            assertDType(DType.FLOAT32, f);
            assertDType(DType.FLOAT64, d);
            assertDType(DType.INT64, l);
            assertTensor(f, shape(2), 1, 2);
            assertTensor(l, shape(2), 1, 2);
        }

        @Test
        void ofCopiesTheArray() {
            float[] values = {1f, 2f};
            Tensor t = Tensor.of(values);
            values[0] = 99f;
            assertTensor(t, shape(2), 1, 2);
        }

        @Test
        void nestedArrays() {
            assertTensor(Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}}), shape(2, 3), 1, 2, 3, 4, 5, 6);
            assertTensor(Tensor.of(new double[][][] {{{1}, {2}}, {{3}, {4}}}), shape(2, 2, 1), 1, 2, 3, 4);
            Tensor ints = Tensor.fromArray(new int[][] {{7, 8}});
            assertDType(DType.INT64, ints);
            assertTensor(ints, shape(1, 2), 7, 8);
            assertTensor(Tensor.fromArray(new double[2][0]), shape(2, 0));
        }

        @Test
        void raggedOrUnsupportedArraysAreRejected() {
            assertThrowsWith(IllegalArgumentException.class,
                    () -> Tensor.fromArray(new double[][] {{1, 2}, {3}}), "fromArray", "ragged");
            assertThrowsWith(IllegalArgumentException.class,
                    () -> Tensor.fromArray(new String[] {"a"}), "fromArray", "java.lang.String");
            assertThrowsWith(IllegalArgumentException.class,
                    () -> Tensor.fromArray(new double[0][]), "fromArray", "empty");
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.fromArray("x"), "fromArray", "expected an array");
        }

        @Test
        void fromFlatInRowMajorOrder() {
            Tensor t = Tensor.fromFlat(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
            assertEquals(2.0, t.getDouble(0, 1));
            assertEquals(3.0, t.getDouble(1, 0));
            assertTensor(Tensor.fromFlat(DType.INT64, new double[] {1, 2}, 2, 1), shape(2, 1), 1, 2);
            assertDType(DType.INT64, Tensor.fromFlat(new long[] {5}, 1));
            assertTensor(Tensor.fromFlat(new float[] {5}), shape(), 5);
        }

        @Test
        void fromFlatChecksTheCount() {
            assertThrowsWith(IllegalArgumentException.class,
                    () -> Tensor.fromFlat(new float[] {1, 2, 3}, 2, 2), "fromFlat", "3 values", "[2, 2]");
            assertThrowsWith(IllegalArgumentException.class,
                    () -> Tensor.fromFlat(new long[] {1}, 2), "fromFlat", "1 values", "[2]");
            assertThrowsWith(IllegalArgumentException.class,
                    () -> Tensor.fromFlat(DType.FLOAT64, new double[] {1}, -1), "fromFlat", "negative", "[-1]");
        }
    }

    @Nested
    class Filled {
        @Test
        void zerosOnesFull() {
            assertTensor(Tensor.zeros(2, 2), shape(2, 2), 0, 0, 0, 0);
            assertTensor(Tensor.ones(DType.INT64, 3), shape(3), 1, 1, 1);
            assertTensor(Tensor.full(2.5, 1, 2), shape(1, 2), 2.5, 2.5);
            assertDType(DType.FLOAT32, Tensor.zeros(1));
            assertDType(DType.FLOAT64, Tensor.full(DType.FLOAT64, 0.1, 1));
            assertEquals(0.1, Tensor.full(DType.FLOAT64, 0.1, 1).item());
            assertEquals((double) 0.1f, Tensor.full(0.1, 1).item());
        }

        @Test
        void likeKeepsShapeAndDtype() {
            Tensor x = Tensor.of(new double[][] {{1, 2, 3}});
            assertTensor(x.zerosLike(), shape(1, 3), 0, 0, 0);
            assertTensor(x.onesLike(), shape(1, 3), 1, 1, 1);
            assertTensor(x.fullLike(-2), shape(1, 3), -2, -2, -2);
            assertDType(DType.FLOAT64, x.fullLike(-2));
        }

        @Test
        void scalarIsZeroDimensional() {
            Tensor s = Tensor.scalar(3.5);
            assertEquals(0, s.dim());
            assertEquals(1, s.numel());
            assertEquals(3.5, s.item());
            assertDType(DType.INT64, Tensor.scalar(4, DType.INT64));
        }

        @Test
        void negativeSizesAreRejected() {
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.zeros(2, -1), "zeros", "[2, -1]");
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.full(1, -3), "full", "[-3]");
        }

        @Test
        void eye() {
            assertTensor(Tensor.eye(3), shape(3, 3), 1, 0, 0, 0, 1, 0, 0, 0, 1);
            assertDType(DType.FLOAT64, Tensor.eye(DType.FLOAT64, 2));
            assertTensor(Tensor.eye(0), shape(0, 0));
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.eye(-1), "eye", "-1");
        }
    }

    @Nested
    class Ranges {
        @Test
        void integerArange() {
            assertTensor(Tensor.arange(5), shape(5), 0, 1, 2, 3, 4);
            assertTensor(Tensor.arange(-2, 1), shape(3), -2, -1, 0);
            assertTensor(Tensor.arange(5, 2), shape(0));
            assertDType(DType.INT64, Tensor.arange(3));
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.arange(0, 3_000_000_000L), "arange");
        }

        @Test
        void floatArangeStopsBeforeEnd() {
            assertTensor(Tensor.arange(0, 1, 0.25), shape(4), 0, 0.25, 0.5, 0.75);
            assertTensor(Tensor.arange(1, 0, -0.5), shape(2), 1, 0.5);
            assertTensor(Tensor.arange(0, 1.1, 0.5), shape(3), 0, 0.5, 1);
            assertDType(DType.FLOAT32, Tensor.arange(0, 1, 0.5));
            // ceil((1 - 0) / 0.1) = 10 values, the last float(0.9), as torch.arange(0, 1, 0.1)
            Tensor tenths = Tensor.arange(0, 1, 0.1);
            assertEquals(10, tenths.numel());
            assertEquals((double) 0.9f, tenths.getDouble(9));
        }

        @Test
        void floatArangeErrors() {
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.arange(0, 1, 0), "arange", "nonzero");
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.arange(0, 1, -0.1), "arange",
                    "inconsistent with step sign");
        }

        @Test
        void linspaceHitsBothEnds() {
            assertTensor(Tensor.linspace(0, 1, 5), shape(5), 0, 0.25, 0.5, 0.75, 1);
            assertTensor(Tensor.linspace(2, -2, 3), shape(3), 2, 0, -2);
            assertTensor(Tensor.linspace(0, 1, 0), shape(0));
            // torch.linspace(0, 1, 1) is tensor([0.]): one step is the start
            assertTensor(Tensor.linspace(0, 1, 1), shape(1), 0);
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.linspace(0, 1, -1), "linspace", "-1");
        }

        @Test
        void linspaceMatchesPyTorchBitForBit() {
            // float(x) for x in torch.linspace(-1.3, 2.7, 7), and torch.linspace(0, 1, 10), as PyTorch printed them
            double[] torch7 = {-1.2999999523162842, -0.6333332657814026, 0.033333420753479004, 0.699999988079071,
                1.3666666746139526, 2.0333333015441895, 2.700000047683716};
            assertTensor(Tensor.linspace(-1.3, 2.7, 7), shape(7), torch7);
            double[] torch10 = {0.0, 0.1111111119389534, 0.2222222238779068, 0.3333333432674408, 0.4444444477558136,
                0.5555555820465088, 0.6666666865348816, 0.7777777910232544, 0.8888888955116272, 1.0};
            assertTensor(Tensor.linspace(0, 1, 10), shape(10), torch10);
        }
    }

    @Nested
    class Random {
        @Test
        void sameSeedSameTensors() {
            Generator a = new Generator(42);
            Generator b = new Generator(42);
            assertEquals(Tensor.rand(a, 3, 4), Tensor.rand(b, 3, 4));
            assertEquals(Tensor.randn(a, DType.FLOAT64, 5), Tensor.randn(b, DType.FLOAT64, 5));
            assertEquals(Tensor.randint(a, -3, 3, 2, 2), Tensor.randint(b, -3, 3, 2, 2));
        }

        @Test
        void differentSeedsDiffer() {
            assertNotEquals(Tensor.rand(new Generator(1), 8), Tensor.rand(new Generator(2), 8));
        }

        @Test
        void randDrawsInRowMajorOrderFromTheGenerator() {
            Generator reference = new Generator(7);
            double[] expected = new double[6];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = reference.nextDouble();
            }
            assertArrayEquals(expected, Tensor.rand(new Generator(7), DType.FLOAT64, 2, 3).toDoubleArray());
        }

        @Test
        void randIsInTheUnitInterval() {
            for (double v : Tensor.rand(new Generator(3), 1000).toDoubleArray()) {
                assertTrue(v >= 0 && v < 1, "rand value " + v);
            }
        }

        @Test
        void randnHasMeanZeroAndVarianceOne() {
            double[] v = Tensor.randn(new Generator(11), DType.FLOAT64, 20_000).toDoubleArray();
            double mean = 0;
            for (double x : v) {
                mean += x / v.length;
            }
            double var = 0;
            for (double x : v) {
                var += (x - mean) * (x - mean) / (v.length - 1);
            }
            // standard errors: 1/sqrt(20000) = 0.007 for the mean, about 0.01 for the variance
            assertEquals(0, mean, 0.03);
            assertEquals(1, var, 0.04);
        }

        @Test
        void randintCoversItsHalfOpenRange() {
            long[] v = Tensor.randint(new Generator(5), -1, 2, 300).toLongArray();
            boolean[] seen = new boolean[3];
            for (long x : v) {
                assertTrue(x >= -1 && x < 2, "randint value " + x);
                seen[(int) x + 1] = true;
            }
            assertArrayEquals(new boolean[] {true, true, true}, seen);
        }

        @Test
        void errors() {
            Generator g = new Generator(0);
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.randint(g, 5, 5, 0), "randint", "5");
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.rand(g, DType.INT64, 2), "rand", "int64");
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.randn(g, DType.INT64, 2), "randn", "int64");
        }
    }
}
