package io.github.backprop4j.tensor;

import static io.github.backprop4j.tensor.TensorAssertions.assertDType;
import static io.github.backprop4j.tensor.TensorAssertions.assertTensor;
import static io.github.backprop4j.tensor.TensorAssertions.assertThrowsWith;
import static io.github.backprop4j.tensor.TensorAssertions.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DTypeTest {
    private static final DType F32 = DType.FLOAT32;
    private static final DType F64 = DType.FLOAT64;
    private static final DType I64 = DType.INT64;

    @Test
    void promotionTable() {
        // torch.result_type for tensors of these dtypes
        assertEquals(I64, DType.promote(I64, I64));
        assertEquals(F32, DType.promote(I64, F32));
        assertEquals(F32, DType.promote(F32, I64));
        assertEquals(F64, DType.promote(F32, F64));
        assertEquals(F64, DType.promote(I64, F64));
        assertEquals(F64, DType.promote(F64, F64));
    }

    @Test
    void names() {
        assertEquals("torch.float32", F32.torchName());
        assertEquals("int64", I64.shortName());
        assertEquals(F64, DType.parse("FLOAT64"));
        assertTrue(F32.isFloatingPoint());
        assertFalse(I64.isFloatingPoint());
        assertThrowsWith(IllegalArgumentException.class, () -> DType.parse("bool"), "bool", "float32, float64 or int64");
    }

    @Test
    void conversionToTheSameDtypeIsTheSameTensor() {
        Tensor t = Tensor.of(1f, 2f);
        assertSame(t, t.to(F32));
    }

    @Test
    void floatToIntTruncatesTowardZero() {
        assertTensor(Tensor.of(-1.7, -0.5, 0.5, 2.9).to(I64), shape(4), -1, 0, 0, 2);
    }

    @Test
    void float64ToFloat32Rounds() {
        Tensor t = Tensor.of(0.1).to(F32);
        assertDType(F32, t);
        assertEquals((double) 0.1f, t.item());
    }

    @Test
    void intToFloat() {
        Tensor t = Tensor.of(3L, -4L).to(F64);
        assertDType(F64, t);
        assertTensor(t, shape(2), 3, -4);
    }

    @Test
    void binaryOpsPromote() {
        assertDType(F32, Tensor.of(1L).plus(Tensor.of(1f)));
        assertDType(F64, Tensor.of(1f).times(Tensor.of(1.0)));
        assertDType(I64, Tensor.of(1L).minus(Tensor.of(1L)));
    }

    @Test
    void intDivisionIsTrueDivision() {
        Tensor q = Tensor.of(3L, 4L).div(Tensor.of(2L));
        assertDType(F32, q);
        assertTensor(q, shape(2), 1.5, 2);
        assertTensor(Tensor.of(3L).div(2), shape(1), 1.5);
    }

    @Test
    void pythonScalarsKeepTheTensorsDtype() {
        // as torch: int64 + 2 stays int64, int64 + 0.5 becomes float32, float32 + 0.1 stays float32
        assertDType(I64, Tensor.of(1L).plus(2));
        Tensor half = Tensor.of(3L).plus(0.5);
        assertDType(F32, half);
        assertTensor(half, shape(1), 3.5);
        assertDType(F32, Tensor.of(1f).plus(0.1));
        assertDType(F64, Tensor.of(1.0).times(3));
    }

    @Test
    void comparisonsGiveInt64Masks() {
        assertDType(I64, Tensor.of(1.0).lt(Tensor.of(2f)));
        assertDType(I64, Tensor.of(1f).eq(1));
    }

    @Test
    void floatingOnlyFunctionsOfIntsAreFloat32() {
        assertDType(F32, Tensor.of(0L).exp());
        assertDType(I64, Tensor.of(-2L).abs());
        assertDType(I64, Tensor.of(-2L).neg());
        assertTensor(Tensor.of(-2L).abs(), shape(1), 2);
    }
}
