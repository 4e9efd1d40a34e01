package io.github.backprop4j.tensor;

import static io.github.backprop4j.tensor.TensorAssertions.assertDType;
import static io.github.backprop4j.tensor.TensorAssertions.assertTensor;
import static io.github.backprop4j.tensor.TensorAssertions.assertThrowsWith;
import static io.github.backprop4j.tensor.TensorAssertions.shape;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IndexingTest {
    /** [[10, 11, 12], [20, 21, 22]] as float64. */
    private static Tensor m() {
        return Tensor.of(new double[][] {{10, 11, 12}, {20, 21, 22}});
    }

    @Nested
    class Gather {
        @Test
        void alongTheLastDimPicksOnePerRow() {
            // out[i][j] = m[i][index[i][j]]
            Tensor index = Tensor.of(new long[][] {{2, 0}, {1, 1}});
            assertTensor(m().gather(1, index), shape(2, 2), 12, 10, 21, 21);
            assertTensor(m().gather(-1, Tensor.of(new long[][] {{-1}, {0}})), shape(2, 1), 12, 20);
        }

        @Test
        void alongTheFirstDim() {
            // out[i][j] = m[index[i][j]][j]
            Tensor index = Tensor.of(new long[][] {{1, 0, 1}});
            assertTensor(m().gather(0, index), shape(1, 3), 20, 11, 22);
        }

        @Test
        void keepsTheSourceDtype() {
            assertDType(DType.INT64, Tensor.of(new long[][] {{5, 6}}).gather(1, Tensor.of(new long[][] {{1}})));
        }

        @Test
        void errors() {
            assertThrowsWith(IndexOutOfBoundsException.class, () -> m().gather(1, Tensor.of(new long[][] {{3}})),
                    "gather", "index 3", "dimension 1", "size 3");
            assertThrowsWith(IllegalArgumentException.class, () -> m().gather(1, Tensor.of(new double[][] {{0}})),
                    "gather", "int64");
            assertThrowsWith(IllegalArgumentException.class, () -> m().gather(1, Tensor.of(0L)),
                    "gather", "same number of dimensions");
            assertThrowsWith(IllegalArgumentException.class, () -> m().gather(1, Tensor.zeros(DType.INT64, 3, 1)),
                    "gather", "dimension 0");
        }
    }

    @Nested
    class ScatterAdd {
        @Test
        void repeatedIndicesAccumulate() {
            Tensor out = Tensor.zeros(DType.FLOAT64, 3).scatterAdd(0, Tensor.of(0L, 0L, 2L), Tensor.of(1.0, 2.0, 3.0));
            assertTensor(out, shape(3), 3, 0, 3);
        }

        @Test
        void addsToTheBaseWithoutChangingIt() {
            Tensor base = m();
            Tensor out = base.scatterAdd(1, Tensor.of(new long[][] {{0, 0}, {2, 1}}),
                    Tensor.of(new double[][] {{1, 2}, {3, 4}}));
            assertTensor(out, shape(2, 3), 13, 11, 12, 20, 25, 25);
            assertTensor(base, shape(2, 3), 10, 11, 12, 20, 21, 22);
        }

        @Test
        void errors() {
            assertThrowsWith(IndexOutOfBoundsException.class,
                    () -> Tensor.zeros(3).scatterAdd(0, Tensor.of(3L), Tensor.of(1f)), "scatter_add", "index 3");
            assertThrowsWith(IllegalArgumentException.class,
                    () -> Tensor.zeros(3).scatterAdd(0, Tensor.of(0L, 1L), Tensor.of(1f)), "scatter_add", "src");
        }
    }

    @Nested
    class IndexSelect {
        @Test
        void picksSlicesInOrderWithRepeats() {
            assertTensor(m().indexSelect(1, Tensor.of(2L, 0L, 2L)), shape(2, 3), 12, 10, 12, 22, 20, 22);
            assertTensor(m().indexSelect(0, Tensor.of(-1L)), shape(1, 3), 20, 21, 22);
            assertTensor(m().indexSelect(0, Tensor.zeros(DType.INT64, 0)), shape(0, 3));
        }

        /** Rows of a contiguous tensor are copied as blocks: every dtype, rank 3, and a view with an offset. */
        @Test
        void rowsOfContiguousTensorsInEveryDtype() {
            Tensor idx = Tensor.of(2L, 0L, -1L, 2L);
            for (DType dtype : DType.values()) {
                Tensor t = Tensor.arange(24).to(dtype).reshape(4, 3, 2);
                Tensor view = t.narrow(0, 1, 3); // offset 6, still contiguous: rows 1, 2, 3 of t
                Tensor picked = view.indexSelect(0, idx);
                assertDType(dtype, picked);
                assertTensor(picked, shape(4, 3, 2),
                        18, 19, 20, 21, 22, 23, 6, 7, 8, 9, 10, 11, 18, 19, 20, 21, 22, 23, 18, 19, 20, 21, 22, 23);
            }
        }

        @Test
        void errors() {
            assertThrowsWith(IndexOutOfBoundsException.class, () -> m().indexSelect(1, Tensor.of(5L)),
                    "index_select", "index 5", "[2, 3]");
            assertThrowsWith(IllegalArgumentException.class,
                    () -> m().indexSelect(0, Tensor.of(new long[][] {{0}})), "index_select", "vector");
        }
    }

    @Nested
    class MaskedFill {
        @Test
        void fillsWhereTheBroadcastMaskIsSet() {
            Tensor filled = m().maskedFill(Tensor.of(1L, 0L, 1L), -1);
            assertTensor(filled, shape(2, 3), -1, 11, -1, -1, 21, -1);
            assertDType(DType.FLOAT64, filled);
        }

        @Test
        void int64ValueIsTruncatedAsInPyTorch() {
            // torch.tensor([1, 2, 3]).masked_fill(mask, 2.5) is tensor([2, 2, 2])
            Tensor filled = Tensor.of(1L, 2L, 3L).maskedFill(Tensor.of(1L, 0L, 1L), 2.5);
            assertDType(DType.INT64, filled);
            assertTensor(filled, shape(3), 2, 2, 2);
        }

        @Test
        void maskMustNotGrowTheTensor() {
            assertThrowsWith(IllegalArgumentException.class,
                    () -> Tensor.of(1f, 2f).maskedFill(Tensor.zeros(DType.INT64, 3, 2), 0), "masked_fill", "[3, 2]");
        }
    }

    @Nested
    class OneHot {
        @Test
        void encodes() {
            assertTensor(Tensor.of(0L, 2L).oneHot(3), shape(2, 3), 1, 0, 0, 0, 0, 1);
            assertTensor(Tensor.of(new long[][] {{1}}).oneHot(2), shape(1, 1, 2), 0, 1);
            assertDType(DType.INT64, Tensor.of(0L).oneHot(1));
        }

        @Test
        void minusOneInfersTheNumberOfClasses() {
            assertTensor(Tensor.of(1L, 2L).oneHot(-1), shape(2, 3), 0, 1, 0, 0, 0, 1);
        }

        @Test
        void errors() {
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.of(3L).oneHot(3), "one_hot", "[0, 3)", "3");
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.of(-1L).oneHot(3), "one_hot", "-1");
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.of(1f).oneHot(3), "one_hot", "int64");
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.of(1L).oneHot(-2), "one_hot", "-2");
            assertThrowsWith(IllegalArgumentException.class,
                    () -> Tensor.zeros(DType.INT64, 0).oneHot(-1), "one_hot", "empty");
        }
    }
}
