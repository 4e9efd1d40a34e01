package io.github.backprop4j.tensor.internal;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;
import java.util.Arrays;

/**
 * {@code torch.matmul}'s shape rules on top of the 2-D kernels in {@link MatMul}. float32 operands
 * are passed with their strides (transposed and broadcast views are read in place); float64
 * operands are made contiguous first.
 */
public final class Products {
    private Products() {
    }

    /** The C++ type of {@code dtype} (float, double, long int), as PyTorch's matmul messages print it. */
    private static String cppTypeName(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> "float";
            case FLOAT64 -> "double";
            case INT64 -> "long int";
        };
    }

    /**
     * 1-D·1-D: dot product (0-d). 1-D left: treated as (1, k), the 1 removed afterwards. 1-D right:
     * treated as (k, 1), the 1 removed afterwards. Otherwise (..., m, k)·(..., k, n) = (..., m, n)
     * with the batch dims broadcast. Both operands must have the same dtype, as in PyTorch (no
     * silent promotion: a float64 input to a float32 weight is a mistake worth an error).
     */
    public static Tensor matmul(Tensor a, Tensor b) {
        if (a.dim() == 0 || b.dim() == 0) {
            throw new IllegalArgumentException("matmul: both arguments need at least 1 dimension, but got shapes "
                    + a.shape() + " and " + b.shape());
        }
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(a.dim() == 1 && b.dim() == 1
                    ? "dot : expected both vectors to have same dtype, but found " + a.dtype().scalarTypeName()
                            + " and " + b.dtype().scalarTypeName()
                    : "expected m1 and m2 to have the same dtype, but got: " + cppTypeName(a.dtype()) + " != "
                            + cppTypeName(b.dtype()));
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
        DType dtype = a.dtype();
        if (dtype == DType.INT64) {
            throw new IllegalArgumentException("matmul: integer (int64) operands are not supported; convert to a float dtype");
        }
        int batches = Shape.of(batch).numel();
        Tensor lhs = left.to(dtype).expand(concat(batch, m, k));
        Tensor rhs = right.to(dtype).expand(concat(batch, k, n));
        Storage out = Storage.allocate(dtype, batches * m * n);
        if (dtype == DType.FLOAT32) {
            // any strides: a transposed or broadcast operand is read in place, not copied
            float[] x = ((FloatStorage) TensorAccess.storage(lhs)).data();
            float[] y = ((FloatStorage) TensorAccess.storage(rhs)).data();
            float[] c = ((FloatStorage) out).data();
            int[] sa = lhs.strides();
            int[] sb = rhs.strides();
            int[] offA = matrixOffsets(lhs, batch);
            int[] offB = matrixOffsets(rhs, batch);
            int r = batch.length;
            for (int i = 0; i < batches; i++) {
                MatMul.multiply(x, offA[i], sa[r], sa[r + 1], y, offB[i], sb[r], sb[r + 1], c, i * m * n, m, k, n);
            }
        } else {
            lhs = lhs.contiguous();
            rhs = rhs.contiguous();
            for (int i = 0; i < batches; i++) {
                MatMul.multiply(((DoubleStorage) TensorAccess.storage(lhs)).data(), lhs.offset() + i * m * k,
                        ((DoubleStorage) TensorAccess.storage(rhs)).data(), rhs.offset() + i * k * n,
                        ((DoubleStorage) out).data(), i * m * n, m, k, n);
            }
        }
        Tensor result = TensorAccess.wrap(out, concat(batch, m, n));
        if (vectorLeft) {
            result = result.squeeze(-2);
        }
        if (vectorRight) {
            result = result.squeeze(-1);
        }
        return result;
    }

    /** The storage offset of each batch entry's matrix, in row-major order of the batch dims. */
    private static int[] matrixOffsets(Tensor t, int[] batch) {
        int[] offsets = new int[Shape.of(batch).numel()];
        if (offsets.length == 0) {
            return offsets;
        }
        Walk w = new Walk(batch, new int[] {t.offset()}, Arrays.copyOf(t.strides(), batch.length));
        for (int r = 0, i = 0; r < w.rows(); r++, w.nextRow()) {
            for (int j = 0, o = w.offset(0); j < w.rowLength(); j++, o += w.innerStride(0)) {
                offsets[i++] = o;
            }
        }
        return offsets;
    }

    private static int[] concat(int[] batch, int rows, int cols) {
        int[] s = Arrays.copyOf(batch, batch.length + 2);
        s[batch.length] = rows;
        s[batch.length + 1] = cols;
        return s;
    }
}
