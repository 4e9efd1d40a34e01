package io.github.backprop4j.tensor;

import static io.github.backprop4j.tensor.TensorAssertions.assertTensor;
import static io.github.backprop4j.tensor.TensorAssertions.assertThrowsWith;
import static io.github.backprop4j.tensor.TensorAssertions.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.tensor.internal.TensorAccess;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ViewTest {
    /** [[0, 1, 2], [3, 4, 5]] as int64. */
    private static Tensor m23() {
        return Tensor.arange(6).reshape(2, 3);
    }

    @Nested
    class Reshape {
        @Test
        void inferredSize() {
            assertTensor(Tensor.arange(6).reshape(3, -1), shape(3, 2), 0, 1, 2, 3, 4, 5);
            assertTensor(Tensor.arange(6).reshape(-1), shape(6), 0, 1, 2, 3, 4, 5);
            assertTensor(Tensor.scalar(7).reshape(1, 1), shape(1, 1), 7);
            assertTensor(Tensor.of(7f).reshape(), shape(), 7);
        }

        @Test
        void contiguousReshapeSharesStorage() {
            Tensor x = Tensor.arange(6);
            assertSame(TensorAccess.storage(x), TensorAccess.storage(x.reshape(2, 3)));
        }

        @Test
        void reshapeOfATransposeCopiesInItsOwnOrder() {
            Tensor t = m23().t();
            Tensor r = t.reshape(6);
            assertNotSame(TensorAccess.storage(t), TensorAccess.storage(r));
            assertTensor(r, shape(6), 0, 3, 1, 4, 2, 5);
        }

        @Test
        void errors() {
            assertThrowsWith(IllegalArgumentException.class, () -> m23().reshape(4, -1),
                    "reshape", "[4, -1]", "size 6");
            assertThrowsWith(IllegalArgumentException.class, () -> m23().reshape(-1, -1), "reshape", "only one");
            assertThrowsWith(IllegalArgumentException.class, () -> m23().reshape(5), "reshape", "[5]", "size 6");
            assertThrowsWith(IllegalArgumentException.class, () -> m23().reshape(-2, 3), "reshape", "-2");
        }

        @Test
        void flatten() {
            assertArrayEquals(new int[] {2, 12}, Tensor.zeros(2, 3, 4).flatten(1, 2).shape().toArray());
            assertArrayEquals(new int[] {6, 4}, Tensor.zeros(2, 3, 4).flatten(0, -2).shape().toArray());
            assertArrayEquals(new int[] {24}, Tensor.zeros(2, 3, 4).flatten().shape().toArray());
            assertArrayEquals(new int[] {1}, Tensor.scalar(1).flatten(0, 0).shape().toArray());
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).flatten(1, 0), "flatten");
        }
    }

    @Nested
    class View {
        @Test
        void failsWhenStridesDoNotAllowIt() {
            assertThrowsWith(IllegalArgumentException.class, () -> m23().t().view(6),
                    "view", "[6]", "[3, 2]", "stride [1, 3]", "reshape");
        }

        @Test
        void worksOnANonContiguousTensorWhoseRowsStayContiguous() {
            // columns 1..2 of a 3x4 matrix: each row's two elements are adjacent
            Tensor cols = Tensor.arange(12).reshape(3, 4).narrow(1, 1, 2);
            assertFalse(cols.isContiguous());
            Tensor v = cols.view(3, 2, 1);
            assertSame(TensorAccess.storage(cols), TensorAccess.storage(v));
            assertTensor(v, shape(3, 2, 1), 1, 2, 5, 6, 9, 10);
            assertArrayEquals(new int[] {4, 1, 1}, v.strides()); // PyTorch: (4, 1, 1)
        }

        @Test
        void mergesDimsAcrossASizeOneDimWithAnUnrelatedStride() {
            // y[b, i, 0, j] = 24b + 3i + j: shape [2, 2, 1, 3], strides [24, 3, 6, 1] (as PyTorch)
            Tensor z = Tensor.arange(48).reshape(2, 4, 2, 3).permute(0, 2, 1, 3).narrow(2, 0, 1);
            assertArrayEquals(new int[] {24, 3, 6, 1}, z.strides());
            Tensor v = z.view(2, 6);
            assertSame(TensorAccess.storage(z), TensorAccess.storage(v));
            assertTensor(v, shape(2, 6), 0, 1, 2, 3, 4, 5, 24, 25, 26, 27, 28, 29);
            assertArrayEquals(new int[] {24, 1}, v.strides());
        }

        @Test
        void ofAnEmptyNonContiguousTensor() {
            assertTensor(Tensor.zeros(0, 3).t().view(0), shape(0));
        }
    }

    @Nested
    class Permutations {
        @Test
        void transpose() {
            Tensor t = m23().transpose(0, 1);
            assertTensor(t, shape(3, 2), 0, 3, 1, 4, 2, 5);
            assertEquals(m23(), m23().transpose(1, 1));
            assertTensor(m23().transpose(-1, 0), shape(3, 2), 0, 3, 1, 4, 2, 5);
            assertThrowsWith(IndexOutOfBoundsException.class, () -> m23().transpose(0, 2),
                    "transpose", "Dimension out of range", "[-2, 1]", "got 2");
        }

        @Test
        void permute() {
            Tensor x = Tensor.arange(24).reshape(2, 3, 4);
            Tensor p = x.permute(2, 0, 1);
            assertArrayEquals(new int[] {4, 2, 3}, p.shape().toArray());
            // p[k, i, j] = x[i, j, k] = 12i + 4j + k
            assertEquals(12 * 1 + 4 * 2 + 3, p.getLong(3, 1, 2));
            assertSame(TensorAccess.storage(x), TensorAccess.storage(p));
            assertThrowsWith(IllegalArgumentException.class, () -> x.permute(0, 1), "permute", "[0, 1]");
            assertThrowsWith(IllegalArgumentException.class, () -> x.permute(0, 1, 1), "permute", "repeated");
        }

        @Test
        void matrixTranspose() {
            Tensor v = Tensor.of(1f, 2f);
            assertSame(v, v.t());
            assertTensor(m23().t(), shape(3, 2), 0, 3, 1, 4, 2, 5);
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.zeros(1, 1, 1).t(), "t", "3D");
        }
    }

    @Nested
    class Squeezing {
        @Test
        void squeezeRemovesSizeOneDims() {
            assertArrayEquals(new int[] {2, 3}, Tensor.zeros(1, 2, 1, 3, 1).squeeze().shape().toArray());
            assertArrayEquals(new int[] {2, 1}, Tensor.zeros(1, 2, 1).squeeze(0).shape().toArray());
            assertArrayEquals(new int[] {1, 2}, Tensor.zeros(1, 2, 1).squeeze(-1).shape().toArray());
            // a dim whose size is not 1 stays, as in PyTorch
            assertArrayEquals(new int[] {1, 2, 1}, Tensor.zeros(1, 2, 1).squeeze(1).shape().toArray());
            assertEquals(0, Tensor.scalar(1).squeeze(0).dim());
            assertThrowsWith(IndexOutOfBoundsException.class, () -> Tensor.zeros(3, 1).squeeze(2),
                    "squeeze", "[-2, 1]", "got 2");
        }

        @Test
        void unsqueezeInsertsASizeOneDim() {
            Tensor v = Tensor.of(1f, 2f, 3f);
            assertArrayEquals(new int[] {1, 3}, v.unsqueeze(0).shape().toArray());
            assertArrayEquals(new int[] {3, 1}, v.unsqueeze(1).shape().toArray());
            assertArrayEquals(new int[] {3, 1}, v.unsqueeze(-1).shape().toArray());
            assertArrayEquals(new int[] {1}, Tensor.scalar(1).unsqueeze(0).shape().toArray());
            assertTensor(v.unsqueeze(1), shape(3, 1), 1, 2, 3);
            assertThrowsWith(IndexOutOfBoundsException.class, () -> v.unsqueeze(3),
                    "unsqueeze", "[-2, 1]", "got 3");
        }
    }

    @Nested
    class Expand {
        @Test
        void repeatsSizeOneDimsWithoutCopying() {
            Tensor col = Tensor.of(new float[][] {{1}, {2}});
            Tensor e = col.expand(2, 3);
            assertTensor(e, shape(2, 3), 1, 1, 1, 2, 2, 2);
            assertSame(TensorAccess.storage(col), TensorAccess.storage(e));
            assertArrayEquals(new int[] {1, 0}, e.strides());
            assertFalse(e.isContiguous());
        }

        @Test
        void addsLeadingDimsAndKeepsMinusOne() {
            Tensor row = Tensor.of(1f, 2f);
            assertTensor(row.expand(2, -1), shape(2, 2), 1, 2, 1, 2);
            assertTensor(row.expand(Shape.of(1, 3, 2)), shape(1, 3, 2), 1, 2, 1, 2, 1, 2);
            assertTensor(Tensor.scalar(5).expand(2), shape(2), 5, 5);
            assertTensor(Tensor.of(1f).expand(0), shape(0));
        }

        @Test
        void errors() {
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).expand(4, 3),
                    "expand", "(4)", "(2)", "dimension 0", "[4, 3]", "[2, 3]");
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).expand(3),
                    "expand", "(1)", "(2)");
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.zeros(3).expand(-1, 3),
                    "expand", "leading");
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.zeros(1).expand(-2), "expand", "-2");
        }
    }

    @Nested
    class Slicing {
        @Test
        void narrow() {
            Tensor x = Tensor.arange(12).reshape(3, 4);
            assertTensor(x.narrow(1, 1, 2), shape(3, 2), 1, 2, 5, 6, 9, 10);
            assertTensor(x.narrow(0, -1, 1), shape(1, 4), 8, 9, 10, 11);
            assertTensor(x.narrow(0, 3, 0), shape(0, 4));
            assertSame(TensorAccess.storage(x), TensorAccess.storage(x.narrow(0, 1, 1)));
            assertThrowsWith(IndexOutOfBoundsException.class, () -> x.narrow(1, 3, 2),
                    "narrow", "start (3)", "length (2)", "(4)", "[3, 4]");
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.scalar(1).narrow(0, 0, 1), "narrow", "0-dim");
        }

        @Test
        void sliceClampsLikePython() {
            Tensor x = Tensor.arange(5);
            assertTensor(x.slice(0, 1, 3), shape(2), 1, 2);
            assertTensor(x.slice(0, -2, 100), shape(2), 3, 4);
            assertTensor(x.slice(0, -100, 2), shape(2), 0, 1);
            assertTensor(x.slice(0, 4, 1), shape(0));
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.scalar(1).slice(0, 0, 1), "slice", "0-dim");
        }

        @Test
        void selectAndGet() {
            Tensor x = Tensor.arange(6).reshape(2, 3);
            assertTensor(x.select(1, 2), shape(2), 2, 5);
            assertTensor(x.select(0, -1), shape(3), 3, 4, 5);
            assertTensor(x.get(1), shape(3), 3, 4, 5);
            assertTensor(x.get(1, -1), shape(), 5);
            assertEquals(x, x.get());
            assertThrowsWith(IndexOutOfBoundsException.class, () -> x.select(1, 3),
                    "select", "index 3", "[2, 3]", "dimension 1");
            assertThrowsWith(IndexOutOfBoundsException.class, () -> x.get(0, 0, 0), "get", "too many indices");
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.scalar(1).select(0, 0), "select", "0-dim");
        }

        @Test
        void elementAccess() {
            Tensor x = Tensor.arange(6).reshape(2, 3);
            assertEquals(5, x.getLong(1, 2));
            assertEquals(4.0, x.getDouble(1, -2));
            assertThrowsWith(IndexOutOfBoundsException.class, () -> x.getDouble(2, 0),
                    "index 2", "dimension 0", "size 2");
            assertThrowsWith(IllegalArgumentException.class, () -> x.getDouble(1), "expected 2 indices", "[2, 3]");
            assertThrowsWith(IllegalStateException.class, () -> x.item(), "item", "6 elements");
        }
    }

    @Nested
    class Contiguity {
        @Test
        void contiguousIsIdentityOnContiguousTensors() {
            Tensor x = m23();
            assertSame(x, x.contiguous());
            assertTrue(x.isContiguous());
        }

        @Test
        void contiguousCopiesViewsIntoRowMajorOrder() {
            Tensor t = m23().t();
            assertFalse(t.isContiguous());
            Tensor c = t.contiguous();
            assertTrue(c.isContiguous());
            assertArrayEquals(new int[] {2, 1}, c.strides());
            assertTensor(c, shape(3, 2), 0, 3, 1, 4, 2, 5);
        }

        @Test
        void sizeOneDimsDoNotBreakContiguity() {
            assertTrue(Tensor.arange(3).reshape(3, 1).t().isContiguous());
        }
    }

    @Nested
    class CatAndStack {
        @Test
        void catAlongEachDim() {
            Tensor a = Tensor.of(new long[][] {{1, 2}});
            Tensor b = Tensor.of(new long[][] {{3, 4}, {5, 6}});
            assertTensor(Tensor.cat(0, a, b), shape(3, 2), 1, 2, 3, 4, 5, 6);
            assertTensor(Tensor.cat(List.of(b, b.t()), -1), shape(2, 4), 3, 4, 3, 5, 5, 6, 4, 6);
        }

        @Test
        void catPromotes() {
            Tensor c = Tensor.cat(0, Tensor.of(1L), Tensor.of(0.5f));
            TensorAssertions.assertDType(DType.FLOAT32, c);
            assertTensor(c, shape(2), 1, 0.5);
        }

        @Test
        void catErrors() {
            assertThrowsWith(IllegalArgumentException.class,
                    () -> Tensor.cat(0, Tensor.zeros(2, 3), Tensor.zeros(2, 4)),
                    "cat", "dimension 0", "[2, 3]", "[2, 4]", "tensor number 1");
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.cat(List.of(), 0), "cat", "non-empty");
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.cat(0, Tensor.scalar(1)), "cat", "zero-dimensional");
            assertThrowsWith(IndexOutOfBoundsException.class, () -> Tensor.cat(2, Tensor.zeros(2, 3)), "cat", "got 2");
        }

        @Test
        void stackAddsADim() {
            Tensor a = Tensor.of(1f, 2f);
            Tensor b = Tensor.of(3f, 4f);
            assertTensor(Tensor.stack(0, a, b), shape(2, 2), 1, 2, 3, 4);
            assertTensor(Tensor.stack(1, a, b), shape(2, 2), 1, 3, 2, 4);
            assertTensor(Tensor.stack(-1, a, b), shape(2, 2), 1, 3, 2, 4);
            assertTensor(Tensor.stack(0, Tensor.scalar(1), Tensor.scalar(2)), shape(2), 1, 2);
        }

        @Test
        void stackErrors() {
            assertThrowsWith(IllegalArgumentException.class,
                    () -> Tensor.stack(0, Tensor.zeros(2, 3), Tensor.zeros(2, 4)),
                    "stack", "[2, 3] at entry 0", "[2, 4] at entry 1");
            assertThrowsWith(IllegalArgumentException.class, () -> Tensor.stack(List.of(), 0), "stack", "non-empty");
        }
    }
}
