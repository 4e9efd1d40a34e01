package io.github.backprop4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * int64 arithmetic is exact {@code long} arithmetic with two's-complement wrap-around, as in
 * PyTorch, and a floating scalar promotes int64 to float32 (PyTorch's default dtype). The expected
 * values come from {@link BigInteger} reduced modulo 2^64, an independent oracle; the dtype rules
 * and error texts are PyTorch 2.13's ({@code torch.tensor([3]) - 1.0} is float32, and so on).
 */
class Int64ArithmeticTest {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    /** {@code v} modulo 2^64, read as a signed long: what int64 hardware keeps. */
    private static long wrap(BigInteger v) {
        return v.mod(TWO_64).longValue();
    }

    private static long only(Tensor t) {
        assertEquals(DType.INT64, t.dtype());
        return t.getLong();
    }

    @Test
    void valuesBeyondTwoToThe53SurviveAddition() {
        long big = (1L << 53) + 1; // 9007199254740993 has no double
        assertEquals(big, only(Tensor.of(big).plus(Tensor.of(0L)).select(0, 0)));
        assertEquals(big, only(Tensor.of(big).plus(0).select(0, 0)));
        assertEquals(big, only(Tensor.of(big).times(1).select(0, 0)));
    }

    @Test
    void overflowWrapsAround() {
        Tensor max = Tensor.of(Long.MAX_VALUE);
        Tensor min = Tensor.of(Long.MIN_VALUE);
        assertEquals(Long.MIN_VALUE, only(max.plus(1).select(0, 0)));
        assertEquals(wrap(BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TWO)), only(max.times(2).select(0, 0)));
        assertEquals(Long.MAX_VALUE, only(min.minus(1).select(0, 0)));
        assertEquals(Long.MIN_VALUE, only(min.neg().select(0, 0)), "−(−2^63) wraps to itself");
        assertEquals(Long.MIN_VALUE, only(min.abs().select(0, 0)), "|−2^63| wraps to itself");
    }

    @Test
    void integerPowerWrapsAround() {
        Tensor p = Tensor.of(3L).pow(40);
        assertEquals(wrap(BigInteger.valueOf(3).pow(40)), only(p.select(0, 0))); // -6289078614652622815
        assertEquals(1, only(Tensor.of(7L).pow(0).select(0, 0)));
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(2L).pow(-1));
    }

    @Test
    void sumIsExactAndWraps() {
        long quarter = 1L << 62;
        Tensor t = Tensor.of(quarter, quarter, quarter);
        assertEquals(wrap(BigInteger.valueOf(quarter).multiply(BigInteger.valueOf(3))), only(t.sum()));
        Tensor rows = Tensor.of(new long[][] {{(1L << 53) + 1, 0}, {1, Long.MAX_VALUE}});
        assertArrayEquals(new long[] {(1L << 53) + 2, Long.MAX_VALUE}, rows.sum(0, false).toLongArray());
        assertArrayEquals(new long[] {(1L << 53) + 1, Long.MIN_VALUE}, rows.sum(1, false).toLongArray());
        assertArrayEquals(new int[] {2, 1}, rows.sum(1, true).shape().toArray());
        assertEquals(DType.INT64, rows.t().sum(new int[] {0}, false).dtype());
        assertArrayEquals(new long[] {(1L << 53) + 1, Long.MIN_VALUE}, rows.t().sum(0, false).toLongArray());
    }

    @Test
    void comparisonsAreExact() {
        long big = (1L << 53) + 1;
        assertEquals(0, only(Tensor.of(big).eq(Tensor.of(big - 1)).select(0, 0)));
        assertEquals(1, only(Tensor.of(big).gt(Tensor.of(big - 1)).select(0, 0)));
    }

    @Test
    void whereKeepsLargeValues() {
        long big = (1L << 60) + 1;
        Tensor picked = Tensor.where(Tensor.of(1L, 0L), Tensor.of(big, 0L), Tensor.of(0L, -big));
        assertArrayEquals(new long[] {big, -big}, picked.toLongArray());
    }

    @Test
    void floatingScalarsPromoteToFloat32AndIntegerScalarsKeepInt64() {
        Tensor t = Tensor.of(3L, 4L);
        assertEquals(DType.FLOAT32, t.minus(1.0).dtype());
        assertEquals(DType.FLOAT32, t.plus(1.0).dtype());
        assertEquals(DType.FLOAT32, t.times(2.0).dtype());
        assertEquals(DType.FLOAT32, t.pow(2.0).dtype());
        assertEquals(DType.FLOAT32, t.div(2).dtype(), "int64 / int is true division");
        assertEquals(DType.INT64, t.minus(1).dtype());
        assertEquals(DType.INT64, t.times(2).dtype());
        assertEquals(DType.INT64, t.pow(2).dtype());
        assertArrayEquals(new float[] {2f, 3f}, t.minus(1.0).toFloatArray());
        assertArrayEquals(new float[] {1.5f, 2f}, t.div(2).toFloatArray());
        assertEquals(DType.FLOAT64, Tensor.of(1.0, 2.0).plus(1).dtype(), "a float tensor keeps its dtype");
    }

    @Test
    void matmulRejectsMixedDtypesWithPyTorchsMessages() {
        Tensor f32 = Tensor.zeros(4, 3);
        var e = assertThrows(IllegalArgumentException.class, () -> f32.matmul(Tensor.zeros(DType.FLOAT64, 3, 2)));
        assertEquals("expected m1 and m2 to have the same dtype, but got: float != double", e.getMessage());
        var dot = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(3).matmul(Tensor.zeros(DType.FLOAT64, 3)));
        assertEquals("dot : expected both vectors to have same dtype, but found Float and Double", dot.getMessage());
        var ints = assertThrows(IllegalArgumentException.class, () -> f32.matmul(Tensor.zeros(DType.INT64, 3, 2)));
        assertEquals("expected m1 and m2 to have the same dtype, but got: float != long int", ints.getMessage());
    }

    @Test
    void addSubMulMatchArithmeticModuloTwoTo64() {
        QuickTheory.qt().withFixedSeed(20261205L).withExamples(500)
                .forAll(longs().all(), longs().all())
                .checkAssert((a, b) -> {
                    BigInteger x = BigInteger.valueOf(a);
                    BigInteger y = BigInteger.valueOf(b);
                    Tensor ta = Tensor.of(a, b);
                    Tensor tb = Tensor.of(b, a);
                    assertArrayEquals(new long[] {wrap(x.add(y)), wrap(y.add(x))}, ta.plus(tb).toLongArray());
                    assertArrayEquals(new long[] {wrap(x.subtract(y)), wrap(y.subtract(x))}, ta.minus(tb).toLongArray());
                    assertArrayEquals(new long[] {wrap(x.multiply(y)), wrap(y.multiply(x))}, ta.times(tb).toLongArray());
                    assertEquals(wrap(x.add(y)), ta.sum().getLong());
                });
    }
}
