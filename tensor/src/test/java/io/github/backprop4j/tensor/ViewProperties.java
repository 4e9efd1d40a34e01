package io.github.backprop4j.tensor;

import static io.github.backprop4j.tensor.Gens.between;
import static io.github.backprop4j.tensor.Gens.qt;
import static io.github.backprop4j.tensor.Gens.seeds;
import static io.github.backprop4j.tensor.Gens.shapes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Reshape, transpose and permute round-trip, and agree with naive index arithmetic. */
class ViewProperties {

    /** A tensor shape, a permutation of its dims, and a second shape with the same element count. */
    record Case(int[] shape, int[] perm, int[] reshaped, long seed) {
        @Override
        public String toString() {
            return "shape " + Arrays.toString(shape) + ", perm " + Arrays.toString(perm) + ", reshaped "
                    + Arrays.toString(reshaped) + ", seed " + seed;
        }
    }

    private static Gen<Case> cases() {
        Gen<int[]> shapes = shapes(4, 1, 5);
        return in -> {
            int[] shape = shapes.generate(in);
            int[] perm = new int[shape.length];
            List<Integer> left = new ArrayList<>();
            for (int i = 0; i < shape.length; i++) {
                left.add(i);
            }
            for (int i = 0; i < perm.length; i++) {
                perm[i] = left.remove((int) between(0, left.size() - 1).generate(in));
            }
            return new Case(shape, perm, refactor(Gens.numel(shape), in), seeds().generate(in));
        };
    }

    /** A random shape whose sizes multiply to n: n split into random divisors, with some 1s. */
    private static int[] refactor(int n, org.quicktheories.core.RandomnessSource in) {
        List<Integer> sizes = new ArrayList<>();
        int rest = n;
        while (rest > 1 && sizes.size() < 5) {
            List<Integer> divisors = new ArrayList<>();
            for (int d = 1; d <= rest; d++) {
                if (rest % d == 0) {
                    divisors.add(d);
                }
            }
            int d = divisors.get(between(0, divisors.size() - 1).generate(in));
            sizes.add(d);
            rest /= d;
        }
        if (rest > 1 || sizes.isEmpty() && between(0, 1).generate(in) == 1) {
            sizes.add(rest);
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** out[i_0, ..., i_r] = in[j] with j[perm[d]] = i_d: permute written as a loop over flat indices. */
    private static double[] naivePermute(double[] data, int[] shape, int[] perm) {
        int[] outShape = new int[shape.length];
        for (int d = 0; d < perm.length; d++) {
            outShape[d] = shape[perm[d]];
        }
        double[] out = new double[data.length];
        for (int flat = 0; flat < out.length; flat++) {
            int[] i = Gens.unravel(flat, outShape);
            int[] j = new int[shape.length];
            for (int d = 0; d < perm.length; d++) {
                j[perm[d]] = i[d];
            }
            out[flat] = data[Gens.ravel(j, shape)];
        }
        return out;
    }

    private static int[] inverse(int[] perm) {
        int[] inv = new int[perm.length];
        for (int d = 0; d < perm.length; d++) {
            inv[perm[d]] = d;
        }
        return inv;
    }

    private static Tensor values(Case c) {
        return Tensor.randn(new Generator(c.seed()), DType.FLOAT64, c.shape());
    }

    @Test
    void reshapeKeepsRowMajorOrderAndRoundTrips() {
        qt(11, 300).forAll(cases()).checkAssert(c -> {
            Tensor x = values(c);
            Tensor r = x.reshape(c.reshaped());
            assertArrayEquals(c.reshaped(), r.shape().toArray());
            assertArrayEquals(x.toDoubleArray(), r.toDoubleArray());
            assertSame(x.storage(), r.storage());
            assertEquals(x, r.reshape(c.shape()));
        });
    }

    @Test
    void permuteMatchesTheNaiveLoopAndItsInverseUndoesIt() {
        qt(12, 300).forAll(cases()).checkAssert(c -> {
            Tensor x = values(c);
            Tensor p = x.permute(c.perm());
            assertArrayEquals(naivePermute(x.toDoubleArray(), c.shape(), c.perm()), p.toDoubleArray());
            assertEquals(x, p.permute(inverse(c.perm())));
        });
    }

    @Test
    void transposeTwiceIsTheIdentity() {
        qt(13, 300).forAll(cases()).checkAssert(c -> {
            Tensor x = values(c);
            int rank = c.shape().length;
            int a = rank == 0 ? 0 : c.perm()[0];
            int b = rank == 0 ? 0 : c.perm()[rank - 1];
            Tensor t = x.transpose(a, b);
            assertEquals(x, t.transpose(a, b));
            assertEquals(x, t.transpose(b, a));
        });
    }

    @Test
    void reshapeOfAPermutedTensorReadsItsLogicalOrder() {
        qt(14, 300).forAll(cases()).checkAssert(c -> {
            Tensor x = values(c);
            Tensor p = x.permute(c.perm());
            double[] expected = naivePermute(x.toDoubleArray(), c.shape(), c.perm());
            assertArrayEquals(expected, p.reshape(c.reshaped()).toDoubleArray());
            assertArrayEquals(expected, p.contiguous().toDoubleArray());
        });
    }

    @Test
    void aSuccessfulViewSharesStorageAndAgreesWithReshape() {
        qt(15, 300).forAll(cases()).checkAssert(c -> {
            Tensor p = values(c).permute(c.perm());
            Tensor v;
            try {
                v = p.view(c.reshaped());
            } catch (IllegalArgumentException notViewable) {
                return;
            }
            assertSame(p.storage(), v.storage());
            assertEquals(p.reshape(c.reshaped()), v);
        });
    }
}
