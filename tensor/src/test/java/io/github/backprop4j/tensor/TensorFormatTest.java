package io.github.backprop4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code Tensor.toString()} against PyTorch's {@code repr}. Each expected string was printed by
 * PyTorch (Debian's python3-torch, 1.13) for the same values; the ones marked "spec" also appear
 * in the project's specs (cli.md, losses.md §12).
 */
class TensorFormatTest {
    private static final float NAN = Float.NaN;
    private static final float INF = Float.POSITIVE_INFINITY;

    @Nested
    class Scalars {
        @Test
        void fourDecimals() {
            // spec: cli.md, the seed walk-through's NLL loss
            assertEquals("tensor(1.4693)", Tensor.scalar(1.4693).toString());
        }

        @Test
        void integerValuedFloatGetsAPoint() {
            assertEquals("tensor(2., dtype=torch.float64)", Tensor.scalar(2.0, DType.FLOAT64).toString());
        }

        @Test
        void int64() {
            assertEquals("tensor(-12)", Tensor.scalar(-12, DType.INT64).toString());
        }

        @Test
        void nonFinite() {
            assertEquals("tensor(nan)", Tensor.scalar(Double.NaN).toString());
            assertEquals("tensor(-inf, dtype=torch.float64)",
                    Tensor.scalar(Double.NEGATIVE_INFINITY, DType.FLOAT64).toString());
        }

        @Test
        void tinyScalarIsScientific() {
            assertEquals("tensor(3.0000e-05)", Tensor.scalar(3e-5).toString());
        }
    }

    @Nested
    class Vectors {
        @Test
        void zeroPrintsWithDecimalsAmongNonIntegers() {
            // spec: cli.md, cross-entropy with ignore_index 1
            float log3 = (float) Math.log(3);
            assertEquals("tensor([1.0986, 0.0000, 1.0986])", Tensor.of(log3, 0f, log3).toString());
        }

        @Test
        void integerValuedFloats() {
            assertEquals("tensor([1., 2.])", Tensor.of(1f, 2f).toString());
            assertEquals("tensor([-0., 1.])", Tensor.of(-0f, 1f).toString());
        }

        @Test
        void integerValuedFloatsRightAligned() {
            // spec: losses.md §12 LS4, log_softmax([1e4, 0, -1e4]) in float32
            assertEquals("tensor([     0., -10000., -20000.])", Tensor.of(0f, -10000f, -20000f).toString());
        }

        @Test
        void int64() {
            // spec: cli.md, the seed walk-through's targets start [0, 4, 3, ...]
            assertEquals("tensor([0, 4, 3])", Tensor.of(0L, 4L, 3L).toString());
            assertEquals("tensor([   -1,    10,   100, -1000])", Tensor.of(-1L, 10L, 100L, -1000L).toString());
        }

        @Test
        void scientificWhenMaxOver1e8() {
            // spec: losses.md §12 BCE6 gradient
            assertEquals("tensor([-1.0000e+12,  1.0000e+12])", Tensor.of(-1e12f, 1e12f).toString());
        }

        @Test
        void scientificWhenRangeOver1000() {
            // spec: losses.md §12 BCE8 gradient [0, 4/3, 2, 4, 1e12]
            assertEquals("tensor([0.0000e+00, 1.3333e+00, 2.0000e+00, 4.0000e+00, 1.0000e+12])",
                    Tensor.of(0f, 4f / 3, 2f, 4f, 1e12f).toString());
            assertEquals("tensor([5.0000e-01, 6.0000e+02])", Tensor.of(0.5f, 600f).toString());
            assertEquals("tensor([1.0000e+00, 1.0010e+03])", Tensor.of(1f, 1001f).toString());
        }

        @Test
        void fixedWhileTheRangeStaysWithin1000() {
            assertEquals("tensor([  0.5000, 500.0000])", Tensor.of(0.5f, 500f).toString());
            assertEquals("tensor([ 0.5000, 60.0000])", Tensor.of(0.5f, 60f).toString());
            assertEquals("tensor([  1., 999.])", Tensor.of(1f, 999f).toString());
        }

        @Test
        void scientificWhenSmallestBelow1e4() {
            assertEquals("tensor([1.0000e-05, 1.0000e+00])", Tensor.of(1e-5f, 1f).toString());
            assertEquals("tensor([-0.0000e+00, 1.0000e-05])", Tensor.of(-0f, 1e-5f).toString());
            assertEquals("tensor([1.0000e-10, 1.0000e+00], dtype=torch.float64)", Tensor.of(1e-10, 1.0).toString());
        }

        @Test
        void integersAbove1e8AreScientific() {
            assertEquals("tensor([1.2346e+08, 1.0000e+00])", Tensor.of(123456789f, 1f).toString());
            assertEquals("tensor([2.0000e+08, 3.0000e+08])", Tensor.of(2e8f, 3e8f).toString());
            assertEquals("tensor([2.0000e+08, 3.0000e+08], dtype=torch.float64)", Tensor.of(2e8, 3e8 - 0.5).toString());
            assertEquals("tensor([ 90000000., 100000000.])", Tensor.of(9e7f, 1e8f).toString());
        }

        @Test
        void threeDigitExponent() {
            assertEquals("tensor([1.0000e+100,  1.0000e+00], dtype=torch.float64)", Tensor.of(1e100, 1.0).toString());
        }

        @Test
        void nonFiniteValuesArePaddedButDoNotSetTheWidth() {
            assertEquals("tensor([   nan,    inf,   -inf, 1.5000])", Tensor.of(NAN, INF, -INF, 1.5f).toString());
            assertEquals("tensor([nan, 2., -inf])", Tensor.of(NAN, 2f, -INF).toString());
            assertEquals("tensor([nan])", Tensor.of(NAN).toString());
        }

        @Test
        void roundsTheExactBinaryValueHalfToEven() {
            // 0.03125 is exact: a tie, which goes to the even digit (Java's %.4f gives 0.0313)
            assertEquals("tensor([0.0312, 1.0000])", Tensor.of(0.03125f, 1f).toString());
            // 1.00005f is really 1.0000499486..., so it rounds down
            assertEquals("tensor([1.0000, 2.0000])", Tensor.of(1.00005f, 2f).toString());
            assertEquals("tensor([-0.0000, 0.5000])", Tensor.of(-0f, 0.5f).toString());
        }

        @Test
        void wrapsAt80Columns() {
            float[] v = new float[30];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) i / 7;
            }
            assertEquals("tensor([0.0000, 0.1429, 0.2857, 0.4286, 0.5714, 0.7143, 0.8571, 1.0000, 1.1429,\n"
                    + "        1.2857, 1.4286, 1.5714, 1.7143, 1.8571, 2.0000, 2.1429, 2.2857, 2.4286,\n"
                    + "        2.5714, 2.7143, 2.8571, 3.0000, 3.1429, 3.2857, 3.4286, 3.5714, 3.7143,\n"
                    + "        3.8571, 4.0000, 4.1429])", Tensor.of(v).toString());
        }

        @Test
        void wrapsIntegersAt80Columns() {
            assertEquals("tensor([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16, 17,\n"
                    + "        18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,\n"
                    + "        36, 37, 38, 39])", Tensor.arange(40).toString());
        }

        @Test
        void dtypeSuffixMovesToItsOwnLineWhenTheLineIsFull() {
            double[] nine = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
            assertEquals("tensor([0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000],\n"
                    + "       dtype=torch.float64)", Tensor.of(nine).toString());
            double[] eight = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
            assertEquals("tensor([0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000],\n"
                    + "       dtype=torch.float64)", Tensor.of(eight).toString());
            assertEquals("tensor([1.5000, 2.2500], dtype=torch.float64)", Tensor.of(1.5, 2.25).toString());
        }

        @Test
        void summarisesAbove1000Elements() {
            assertEquals("tensor([   0,    1,    2,  ..., 1197, 1198, 1199])", Tensor.arange(1200).toString());
        }

        @Test
        void exactly1000ElementsAreNotSummarised() {
            String s = Tensor.arange(1000).toString();
            assertEquals(false, s.contains("..."));
            assertEquals(true, s.endsWith(" 996, 997, 998, 999])"));
        }
    }

    @Nested
    class Matrices {
        @Test
        void rowsAlignedToOneWidth() {
            // spec: losses.md §12 CE14 grad_input
            Tensor t = Tensor.of(new float[][] {{-0.0080f, -0.2795f, 0.2874f}, {-0.3199f, 0.1991f, 0.1208f}});
            assertEquals("tensor([[-0.0080, -0.2795,  0.2874],\n"
                    + "        [-0.3199,  0.1991,  0.1208]])", t.toString());
        }

        @Test
        void widthComesFromTheWidestElement() {
            Tensor t = Tensor.of(new float[][] {{1.5f, -2.25f}, {-10f, 3f}});
            assertEquals("tensor([[  1.5000,  -2.2500],\n"
                    + "        [-10.0000,   3.0000]])", t.toString());
        }

        @Test
        void scientificMatrix() {
            Tensor t = Tensor.of(new float[][] {{-1.2094f, 0.5f, 10.25f}, {3f, -0.0001f, 2f}});
            assertEquals("tensor([[-1.2094e+00,  5.0000e-01,  1.0250e+01],\n"
                    + "        [ 3.0000e+00, -1.0000e-04,  2.0000e+00]])", t.toString());
            Tensor ints = Tensor.of(new float[][] {{100f, -3f}, {7f, 12345f}});
            assertEquals("tensor([[ 1.0000e+02, -3.0000e+00],\n"
                    + "        [ 7.0000e+00,  1.2345e+04]])", ints.toString());
        }

        @Test
        void int64Matrix() {
            assertEquals("tensor([[  0, -40],\n"
                    + "        [  3,   5]])", Tensor.of(new long[][] {{0, -40}, {3, 5}}).toString());
        }

        @Test
        void zeros() {
            assertEquals("tensor([[0., 0., 0.],\n"
                    + "        [0., 0., 0.]])", Tensor.zeros(2, 3).toString());
        }

        @Test
        void nonContiguousViewPrintsItsOwnOrder() {
            assertEquals("tensor([[0, 3],\n"
                    + "        [1, 4],\n"
                    + "        [2, 5]])", Tensor.arange(6).reshape(2, 3).t().toString());
        }

        @Test
        void float64MatrixWrapsEachRow() {
            Tensor t = Tensor.full(DType.FLOAT64, 0.5, 3, 40);
            String row = "[0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000,\n"
                    + "         0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000,\n"
                    + "         0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000,\n"
                    + "         0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000,\n"
                    + "         0.5000, 0.5000, 0.5000, 0.5000]";
            assertEquals("tensor([" + row + ",\n        " + row + ",\n        " + row + "], dtype=torch.float64)",
                    t.toString());
        }

        @Test
        void summarisedMatrix() {
            float[] v = new float[2000];
            for (int i = 0; i < v.length; i++) {
                v[i] = i;
            }
            assertEquals("tensor([[0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 9.9700e+02, 9.9800e+02,\n"
                    + "         9.9900e+02],\n"
                    + "        [1.0000e+03, 1.0010e+03, 1.0020e+03,  ..., 1.9970e+03, 1.9980e+03,\n"
                    + "         1.9990e+03]])", Tensor.fromFlat(v, 2, 1000).toString());
            assertEquals("tensor([[   0,    1],\n"
                    + "        [   2,    3],\n"
                    + "        [   4,    5],\n"
                    + "        ...,\n"
                    + "        [1994, 1995],\n"
                    + "        [1996, 1997],\n"
                    + "        [1998, 1999]])", Tensor.arange(2000).reshape(1000, 2).toString());
        }
    }

    @Nested
    class HigherRank {
        @Test
        void blocksSeparatedByBlankLines() {
            float[] v = new float[24];
            for (int i = 0; i < v.length; i++) {
                v[i] = i;
            }
            assertEquals("tensor([[[ 0.,  1.,  2.,  3.],\n"
                    + "         [ 4.,  5.,  6.,  7.],\n"
                    + "         [ 8.,  9., 10., 11.]],\n"
                    + "\n"
                    + "        [[12., 13., 14., 15.],\n"
                    + "         [16., 17., 18., 19.],\n"
                    + "         [20., 21., 22., 23.]]])", Tensor.fromFlat(v, 2, 3, 4).toString());
        }

        @Test
        void fourDimensions() {
            assertEquals("tensor([[[[ 0,  1],\n"
                    + "          [ 2,  3]],\n"
                    + "\n"
                    + "         [[ 4,  5],\n"
                    + "          [ 6,  7]]],\n"
                    + "\n"
                    + "\n"
                    + "        [[[ 8,  9],\n"
                    + "          [10, 11]],\n"
                    + "\n"
                    + "         [[12, 13],\n"
                    + "          [14, 15]]]])", Tensor.arange(16).reshape(2, 2, 2, 2).toString());
        }

        @Test
        void oneElement() {
            assertEquals("tensor([[[2.5000]]])", Tensor.full(2.5, 1, 1, 1).toString());
        }

        @Test
        void summarisedInEveryLongDimension() {
            String expected = "tensor([[[   0,    1,    2,  ...,    7,    8,    9],\n"
                    + "         [  10,   11,   12,  ...,   17,   18,   19],\n"
                    + "         [  20,   21,   22,  ...,   27,   28,   29],\n"
                    + "         ...,\n"
                    + "         [  70,   71,   72,  ...,   77,   78,   79],\n"
                    + "         [  80,   81,   82,  ...,   87,   88,   89],\n"
                    + "         [  90,   91,   92,  ...,   97,   98,   99]],\n"
                    + "\n"
                    + "        [[ 100,  101,  102,  ...,  107,  108,  109],\n"
                    + "         [ 110,  111,  112,  ...,  117,  118,  119],\n"
                    + "         [ 120,  121,  122,  ...,  127,  128,  129],\n"
                    + "         ...,\n"
                    + "         [ 170,  171,  172,  ...,  177,  178,  179],\n"
                    + "         [ 180,  181,  182,  ...,  187,  188,  189],\n"
                    + "         [ 190,  191,  192,  ...,  197,  198,  199]],\n"
                    + "\n"
                    + "        [[ 200,  201,  202,  ...,  207,  208,  209],\n"
                    + "         [ 210,  211,  212,  ...,  217,  218,  219],\n"
                    + "         [ 220,  221,  222,  ...,  227,  228,  229],\n"
                    + "         ...,\n"
                    + "         [ 270,  271,  272,  ...,  277,  278,  279],\n"
                    + "         [ 280,  281,  282,  ...,  287,  288,  289],\n"
                    + "         [ 290,  291,  292,  ...,  297,  298,  299]],\n"
                    + "\n"
                    + "        ...,\n"
                    + "\n"
                    + "        [[ 800,  801,  802,  ...,  807,  808,  809],\n"
                    + "         [ 810,  811,  812,  ...,  817,  818,  819],\n"
                    + "         [ 820,  821,  822,  ...,  827,  828,  829],\n"
                    + "         ...,\n"
                    + "         [ 870,  871,  872,  ...,  877,  878,  879],\n"
                    + "         [ 880,  881,  882,  ...,  887,  888,  889],\n"
                    + "         [ 890,  891,  892,  ...,  897,  898,  899]],\n"
                    + "\n"
                    + "        [[ 900,  901,  902,  ...,  907,  908,  909],\n"
                    + "         [ 910,  911,  912,  ...,  917,  918,  919],\n"
                    + "         [ 920,  921,  922,  ...,  927,  928,  929],\n"
                    + "         ...,\n"
                    + "         [ 970,  971,  972,  ...,  977,  978,  979],\n"
                    + "         [ 980,  981,  982,  ...,  987,  988,  989],\n"
                    + "         [ 990,  991,  992,  ...,  997,  998,  999]],\n"
                    + "\n"
                    + "        [[1000, 1001, 1002,  ..., 1007, 1008, 1009],\n"
                    + "         [1010, 1011, 1012,  ..., 1017, 1018, 1019],\n"
                    + "         [1020, 1021, 1022,  ..., 1027, 1028, 1029],\n"
                    + "         ...,\n"
                    + "         [1070, 1071, 1072,  ..., 1077, 1078, 1079],\n"
                    + "         [1080, 1081, 1082,  ..., 1087, 1088, 1089],\n"
                    + "         [1090, 1091, 1092,  ..., 1097, 1098, 1099]]])";
            assertEquals(expected, Tensor.arange(1100).reshape(11, 10, 10).toString());
        }
    }

    @Nested
    class Empty {
        @Test
        void oneDimensionalFloat32() {
            assertEquals("tensor([])", Tensor.zeros(0).toString());
        }

        @Test
        void otherShapesPrintTheirSize() {
            assertEquals("tensor([], size=(0, 3))", Tensor.zeros(0, 3).toString());
            assertEquals("tensor([], size=(0, 1))", Tensor.zeros(0, 1).toString());
        }

        @Test
        void everyDtypeButFloat32IsNamed() {
            assertEquals("tensor([], dtype=torch.int64)", Tensor.zeros(DType.INT64, 0).toString());
            assertEquals("tensor([], dtype=torch.float64)", Tensor.zeros(DType.FLOAT64, 0).toString());
            assertEquals("tensor([], size=(2, 0), dtype=torch.float64)", Tensor.zeros(DType.FLOAT64, 2, 0).toString());
            assertEquals("tensor([], size=(2, 0, 3), dtype=torch.int64)", Tensor.zeros(DType.INT64, 2, 0, 3).toString());
        }
    }
}
