package io.github.backprop4j.tensor;

import static io.github.backprop4j.tensor.TensorAssertions.assertDType;
import static io.github.backprop4j.tensor.TensorAssertions.assertTensor;
import static io.github.backprop4j.tensor.TensorAssertions.assertThrowsWith;
import static io.github.backprop4j.tensor.TensorAssertions.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProductsTest {
    /** [[1, 2, 3], [4, 5, 6]]. */
    private static final double[][] A = {{1, 2, 3}, {4, 5, 6}};
    /** [[7, 8], [9, 10], [11, 12]]. */
    private static final double[][] B = {{7, 8}, {9, 10}, {11, 12}};

    @Test
    void matrixTimesMatrix() {
        // [1·7 + 2·9 + 3·11, 1·8 + 2·10 + 3·12; 4·7 + 5·9 + 6·11, 4·8 + 5·10 + 6·12]
        assertTensor(Tensor.of(A).matmul(Tensor.of(B)), shape(2, 2), 58, 64, 139, 154);
    }

    @Test
    void float32MatrixProduct() {
        Tensor a = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor c = a.matmul(Tensor.of(new float[][] {{7, 8}, {9, 10}, {11, 12}}));
        assertDType(DType.FLOAT32, c);
        assertTensor(c, shape(2, 2), 58, 64, 139, 154);
    }

    @Test
    void transposedOperands() {
        // Bᵀ·Aᵀ = (A·B)ᵀ
        assertTensor(Tensor.of(B).t().matmul(Tensor.of(A).t()), shape(2, 2), 58, 139, 64, 154);
    }

    @Test
    void vectorCases() {
        Tensor v = Tensor.of(1.0, 0.0, -1.0);
        assertTensor(v.matmul(Tensor.of(2.0, 5.0, 3.0)), shape(), -1);
        assertTensor(Tensor.of(A).matmul(v), shape(2), -2, -2);
        assertTensor(v.matmul(Tensor.of(B)), shape(2), -4, -4);
    }

    @Test
    void batchedWithBroadcastBatchDims() {
        Tensor batch = Tensor.stack(0, Tensor.of(A), Tensor.of(A).times(-1)).unsqueeze(1); // [2, 1, 2, 3]
        Tensor rhs = Tensor.stack(0, Tensor.of(B), Tensor.of(B).times(2), Tensor.of(B).times(0)); // [3, 3, 2]
        Tensor c = batch.matmul(rhs);
        assertEquals(Shape.of(2, 3, 2, 2), c.shape());
        // c[i, j] = sign_i · scale_j · (A·B)
        double[] signs = {1, -1};
        double[] scales = {1, 2, 0};
        double[] ab = {58, 64, 139, 154};
        double[] expected = new double[24];
        for (int i = 0, o = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (double x : ab) {
                    expected[o++] = signs[i] * scales[j] * x + 0.0; // a sum of −0.0 products starting at 0 is +0.0
                }
            }
        }
        assertTensor(c, shape(2, 3, 2, 2), expected);
    }

    @Test
    void batchTimesMatrixAndVector() {
        Tensor batch = Tensor.stack(0, Tensor.of(A), Tensor.of(A)); // [2, 2, 3]
        assertTensor(batch.matmul(Tensor.of(B)), shape(2, 2, 2), 58, 64, 139, 154, 58, 64, 139, 154);
        assertTensor(batch.matmul(Tensor.of(1.0, 1.0, 1.0)), shape(2, 2), 6, 15, 6, 15);
        assertTensor(Tensor.of(1.0, 1.0).matmul(batch), shape(2, 3), 5, 7, 9, 5, 7, 9);
    }

    @Test
    void emptyInnerDimensionGivesZeros() {
        assertTensor(Tensor.zeros(2, 0).matmul(Tensor.zeros(0, 3)), shape(2, 3), 0, 0, 0, 0, 0, 0);
        assertTensor(Tensor.zeros(0, 4).matmul(Tensor.zeros(4, 3)), shape(0, 3));
    }

    @Test
    void mixedDtypesAreAnError() { // PyTorch does not promote in matmul either
        assertThrowsWith(IllegalArgumentException.class, () -> Tensor.of(1f, 2f).matmul(Tensor.of(3.0, 4.0)),
                "same dtype", "Float", "Double");
    }

    @Test
    void shapeErrors() {
        assertThrowsWith(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(4, 5)),
                "matmul: shapes [2, 3] and [4, 5] cannot be multiplied (3 != 4)");
        assertThrowsWith(IllegalArgumentException.class, () -> Tensor.zeros(3).matmul(Tensor.zeros(4)),
                "matmul: shapes [3] and [4] cannot be multiplied (3 != 4)");
        assertThrowsWith(IllegalArgumentException.class, () -> Tensor.zeros(2, 3, 4).matmul(Tensor.zeros(5, 4, 2)),
                "matmul", "batch", "[2, 3, 4]", "[5, 4, 2]");
        assertThrowsWith(IllegalArgumentException.class, () -> Tensor.scalar(1).matmul(Tensor.zeros(4)),
                "matmul", "at least 1 dimension", "[]", "[4]");
        assertThrowsWith(IllegalArgumentException.class, () -> Tensor.of(1L).matmul(Tensor.of(1L)), "matmul", "int64");
    }

    @Test
    void dot() {
        assertTensor(Tensor.of(1.0, 2.0, 3.0).dot(Tensor.of(4.0, -5.0, 6.0)), shape(), 12);
        assertThrowsWith(IllegalArgumentException.class, () -> Tensor.zeros(3).dot(Tensor.zeros(4)),
                "dot", "[3]", "[4]", "3 and 4");
        assertThrowsWith(IllegalArgumentException.class, () -> Tensor.zeros(3, 1).dot(Tensor.zeros(3)),
                "dot", "1D tensors expected", "2D and 1D");
    }

    @Test
    void outer() {
        assertTensor(Tensor.of(1.0, 2.0).outer(Tensor.of(3.0, 4.0, 5.0)), shape(2, 3), 3, 4, 5, 6, 8, 10);
        assertThrowsWith(IllegalArgumentException.class, () -> Tensor.zeros(2, 2).outer(Tensor.zeros(2)),
                "outer", "2D and 1D");
    }
}
