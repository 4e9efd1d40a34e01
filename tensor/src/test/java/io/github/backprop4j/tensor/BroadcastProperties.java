package io.github.backprop4j.tensor;

import static io.github.backprop4j.tensor.TensorGens.seeds;
import static io.github.backprop4j.tensor.TensorGens.smallInts;
import static io.github.backprop4j.testkit.Gens.between;
import static io.github.backprop4j.testkit.Gens.broadcastableTo;
import static io.github.backprop4j.testkit.Gens.numel;
import static io.github.backprop4j.testkit.Gens.qt;
import static io.github.backprop4j.testkit.Gens.shapes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Broadcasting binary ops agree with an explicit expand and with a naive index-mapping loop. */
class BroadcastProperties {

    /** Two operand shapes that broadcast to {@code out}. */
    record Case(int[] out, int[] a, int[] b, long seed) {
        @Override
        public String toString() {
            return "out " + Arrays.toString(out) + ", a " + Arrays.toString(a) + ", b " + Arrays.toString(b)
                    + ", seed " + seed;
        }
    }

    private static Gen<Case> cases() {
        Gen<int[]> outs = shapes(4, 0, 4);
        return in -> {
            int[] out = outs.generate(in);
            int[] a = broadcastableTo(out, in);
            int[] b = supplyMissingSizes(out, a, broadcastableTo(out, in));
            // sometimes swap roles so that b is the longer one
            return between(0, 1).generate(in) == 0 ? new Case(out, a, b, seeds().generate(in))
                    : new Case(out, b, a, seeds().generate(in));
        };
    }

    /** {@code b}, lengthened and with sizes restored, so that a and b together broadcast to exactly {@code out}. */
    private static int[] supplyMissingSizes(int[] out, int[] a, int[] b) {
        int n = out.length;
        int need = a.length < n ? n : b.length; // the result has the rank of the longer operand
        for (int d = 0; d < n; d++) {
            boolean aHasIt = d >= n - a.length && a[d - (n - a.length)] == out[d];
            if (!aHasIt && out[d] != 1) {
                need = Math.max(need, n - d);
            }
        }
        int[] full = Arrays.copyOfRange(out, n - need, n);
        System.arraycopy(b, 0, full, need - b.length, b.length);
        for (int i = 0; i < need; i++) {
            int d = n - need + i;
            boolean aHasIt = d >= n - a.length && a[d - (n - a.length)] == out[d];
            if (!aHasIt) {
                full[i] = out[d];
            }
        }
        return full;
    }

    /**
     * out[idx] = op(a[idx'], b[idx'']) where idx' keeps idx's trailing dims and reads 0 along
     * the operand's size-1 dims: the definition of NumPy broadcasting, written as a loop.
     */
    private static double[] naiveBroadcast(double[] a, int[] aShape, double[] b, int[] bShape, int[] out,
                                           DoubleBinaryOperator op) {
        double[] r = new double[numel(out)];
        for (int flat = 0; flat < r.length; flat++) {
            int[] idx = TensorGens.unravel(flat, out);
            r[flat] = op.applyAsDouble(a[TensorGens.ravel(project(idx, aShape), aShape)],
                    b[TensorGens.ravel(project(idx, bShape), bShape)]);
        }
        return r;
    }

    private static int[] project(int[] idx, int[] shape) {
        int[] p = new int[shape.length];
        int lead = idx.length - shape.length;
        for (int d = 0; d < shape.length; d++) {
            p[d] = shape[d] == 1 ? 0 : idx[lead + d];
        }
        return p;
    }

    @Test
    void resultShapeIsTheBroadcastShape() {
        qt(1, 300).forAll(cases()).checkAssert(c -> {
            Tensor sum = Tensor.zeros(c.a()).plus(Tensor.zeros(c.b()));
            assertArrayEquals(c.out(), sum.shape().toArray());
        });
    }

    @Test
    void plusTimesMinusAgreeWithTheNaiveLoop() {
        qt(2, 300).forAll(cases()).checkAssert(c -> {
            Tensor a = smallInts(c.seed(), DType.FLOAT64, c.a());
            Tensor b = smallInts(c.seed() + 1, DType.FLOAT64, c.b());
            double[] x = a.toDoubleArray();
            double[] y = b.toDoubleArray();
            assertArrayEquals(naiveBroadcast(x, c.a(), y, c.b(), c.out(), Double::sum), a.plus(b).toDoubleArray());
            assertArrayEquals(naiveBroadcast(x, c.a(), y, c.b(), c.out(), (p, q) -> p * q),
                    a.times(b).toDoubleArray());
            assertArrayEquals(naiveBroadcast(x, c.a(), y, c.b(), c.out(), (p, q) -> p - q),
                    a.minus(b).toDoubleArray());
            assertArrayEquals(naiveBroadcast(x, c.a(), y, c.b(), c.out(), Math::max),
                    a.maximum(b).toDoubleArray());
        });
    }

    @Test
    void broadcastingEqualsExplicitExpand() {
        qt(3, 300).forAll(cases()).checkAssert(c -> {
            Tensor a = smallInts(c.seed(), DType.FLOAT32, c.a());
            Tensor b = smallInts(c.seed() + 1, DType.INT64, c.b());
            Tensor ea = a.expand(c.out());
            Tensor eb = b.expand(c.out());
            assertEquals(ea.plus(eb), a.plus(b));
            assertEquals(ea.div(eb.plus(100)), a.div(b.plus(100)));
            assertEquals(ea.lt(eb), a.lt(b));
            assertEquals(Tensor.where(eb.gt(0), ea, eb), Tensor.where(b.gt(0), a, b));
        });
    }

    @Test
    void broadcastingIsSymmetricUpToTheOp() {
        qt(4, 200).forAll(cases()).checkAssert(c -> {
            Tensor a = smallInts(c.seed(), DType.INT64, c.a());
            Tensor b = smallInts(c.seed() + 1, DType.INT64, c.b());
            assertEquals(a.plus(b), b.plus(a));
            assertEquals(a.minus(b), b.minus(a).neg());
        });
    }
}
