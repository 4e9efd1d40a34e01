package io.github.backprop4j.tensor.internal;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;
import java.util.Arrays;

/** {@code torch.matmul}'s shape rules on top of the 2-D kernels in {@link MatMul}. */
public final class Products {
    private Products() {
    }

    /**
     * 1-D·1-D: dot product (0-d). 1-D left: treated as (1, k), the 1 removed afterwards. 1-D right:
     * treated as (k, 1), the 1 removed afterwards. Otherwise (..., m, k)·(..., k, n) = (..., m, n)
     * with the batch dims broadcast.
     */
    public static Tensor matmul(Tensor a, Tensor b) {
        if (a.dim() == 0 || b.dim() == 0) {
            throw new IllegalArgumentException("matmul: both arguments need at least 1 dimension, but got shapes "
                    + a.shape() + " and " + b.shape());
        }
        boolean vectorLeft = a.dim() == 1;
        boolean vectorRight = b.dim() == 1;
        Tensor left = vectorLeft ? a.unsqueeze(0) : a;
        Tensor right = vectorRight ? b.unsqueeze(1) : b;
        int m = left.size(-2);
        int k = left.size(-1);
        int n = right.size(-1);
        if (right.size(-2) != k) {
            throw new IllegalArgumentException(String.format(
                    "matmul: shapes %s and %s cannot be multiplied (%d != %d)", a.shape(), b.shape(), k, right.size(-2)));
        }
        int[] batchA = Arrays.copyOf(left.shape().toArray(), left.dim() - 2);
        int[] batchB = Arrays.copyOf(right.shape().toArray(), right.dim() - 2);
        int[] batch;
        try {
            batch = Shape.broadcast("matmul", Shape.of(batchA), Shape.of(batchB)).toArray();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("matmul: batch dimensions of shapes " + a.shape() + " and "
                    + b.shape() + " cannot be broadcast", e);
        }
        DType dtype = DType.promote(a.dtype(), b.dtype());
        if (dtype == DType.INT64) {
            throw new IllegalArgumentException("matmul: integer (int64) operands are not supported; convert to a float dtype");
        }
        int batches = Shape.of(batch).numel();
        Tensor lhs = left.to(dtype).expand(concat(batch, m, k)).contiguous();
        Tensor rhs = right.to(dtype).expand(concat(batch, k, n)).contiguous();
        Storage out = Storage.allocate(dtype, batches * m * n);
        for (int i = 0; i < batches; i++) {
            multiply2d(lhs.storage(), lhs.offset() + i * m * k, rhs.storage(), rhs.offset() + i * k * n,
                    out, i * m * n, m, k, n);
        }
        Tensor result = Tensor.wrap(out, concat(batch, m, n));
        if (vectorLeft) {
            result = result.squeeze(-2);
        }
        if (vectorRight) {
            result = result.squeeze(-1);
        }
        return result;
    }

    private static void multiply2d(Storage a, int aOff, Storage b, int bOff, Storage c, int cOff, int m, int k, int n) {
        if (a instanceof FloatStorage fa) {
            MatMul.multiply(fa.data(), aOff, ((FloatStorage) b).data(), bOff, ((FloatStorage) c).data(), cOff, m, k, n);
        } else {
            MatMul.multiply(((DoubleStorage) a).data(), aOff, ((DoubleStorage) b).data(), bOff,
                    ((DoubleStorage) c).data(), cOff, m, k, n);
        }
    }

    private static int[] concat(int[] batch, int rows, int cols) {
        int[] s = Arrays.copyOf(batch, batch.length + 2);
        s[batch.length] = rows;
        s[batch.length + 1] = cols;
        return s;
    }
}
