package io.github.backprop4j.tensor;

import static io.github.backprop4j.tensor.TensorGens.seeds;
import static io.github.backprop4j.testkit.Gens.between;
import static io.github.backprop4j.testkit.Gens.numel;
import static io.github.backprop4j.testkit.Gens.qt;
import static io.github.backprop4j.testkit.Gens.shapes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.tensor.internal.TensorAccess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
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
            return new Case(shape, perm, refactor(numel(shape), in), seeds().generate(in));
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
            int[] i = TensorGens.unravel(flat, outShape);
            int[] j = new int[shape.length];
            for (int d = 0; d < perm.length; d++) {
                j[perm[d]] = i[d];
            }
            out[flat] = data[TensorGens.ravel(j, shape)];
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
            assertSame(TensorAccess.storage(x), TensorAccess.storage(r));
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

    /**
     * Whether {@code reshaped} can view the permuted tensor: whether the storage offsets of its
     * elements, in row-major order, are an affine function of their index in {@code reshaped}
     * (then the strides of the view are that function's coefficients). Computed from the offsets
     * themselves, not from the stride-merging rule that {@code view} uses.
     */
    static boolean viewable(int[] shape, int[] perm, int[] reshaped) {
        int[] contiguous = new int[shape.length];
        for (int d = shape.length - 1, s = 1; d >= 0; s *= shape[d], d--) {
            contiguous[d] = s;
        }
        int[] permShape = new int[perm.length];
        int[] permStrides = new int[perm.length];
        for (int d = 0; d < perm.length; d++) {
            permShape[d] = shape[perm[d]];
            permStrides[d] = contiguous[perm[d]];
        }
        long[] offsets = new long[numel(shape)];
        for (int flat = 0; flat < offsets.length; flat++) {
            int[] i = TensorGens.unravel(flat, permShape);
            for (int d = 0; d < i.length; d++) {
                offsets[flat] += (long) i[d] * permStrides[d];
            }
        }
        long[] strides = new long[reshaped.length];
        for (int d = 0; d < reshaped.length; d++) {
            if (reshaped[d] > 1) {
                int[] step = new int[reshaped.length];
                step[d] = 1;
                strides[d] = offsets[TensorGens.ravel(step, reshaped)] - offsets[0];
            }
        }
        for (int flat = 0; flat < offsets.length; flat++) {
            int[] i = TensorGens.unravel(flat, reshaped);
            long affine = offsets[0];
            for (int d = 0; d < i.length; d++) {
                affine += i[d] * strides[d];
            }
            if (affine != offsets[flat]) {
                return false;
            }
        }
        return true;
    }

    /**
     * view succeeds exactly when the offsets allow it ({@link #viewable}), and then shares
     * storage and reads what reshape reads; otherwise it fails with PyTorch's advice.
     */
    private static void checkView(Case c, BiFunction<Tensor, int[], Tensor> view) {
        Tensor p = values(c).permute(c.perm());
        if (viewable(c.shape(), c.perm(), c.reshaped())) {
            Tensor v = view.apply(p, c.reshaped());
            assertSame(TensorAccess.storage(p), TensorAccess.storage(v));
            assertEquals(p.reshape(c.reshaped()), v);
        } else {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> view.apply(p, c.reshaped()));
            assertTrue(e.getMessage().startsWith("view: size ") && e.getMessage().endsWith("Use .reshape(...) instead."),
                    e.getMessage());
        }
    }

    @Test
    void viewSucceedsExactlyWhenTheStridesAllowItSharingStorageAndAgreeingWithReshape() {
        qt(15, 300).forAll(cases()).checkAssert(c -> checkView(c, Tensor::view));
    }

    @Test
    void theCasesHoldBothViewableAndNonViewableShapes() {
        int[] counts = new int[2];
        qt(15, 300).forAll(cases()).checkAssert(c -> counts[viewable(c.shape(), c.perm(), c.reshaped()) ? 1 : 0]++);
        assertTrue(counts[0] >= 20 && counts[1] >= 20, "non-viewable " + counts[0] + ", viewable " + counts[1]);
        assertTrue(viewable(new int[] {2, 3}, new int[] {1, 0}, new int[] {3, 1, 2}));
        assertFalse(viewable(new int[] {2, 3}, new int[] {1, 0}, new int[] {6}));
    }

    @Test
    void theViewPropertyFailsForAViewThatAlwaysThrowsOrAlwaysCopies() {
        BiFunction<Tensor, int[], Tensor> alwaysThrows = (t, s) -> {
            throw new IllegalArgumentException("view: size " + Arrays.toString(s) + " ... Use .reshape(...) instead.");
        };
        BiFunction<Tensor, int[], Tensor> alwaysCopies = (t, s) -> Tensor.fromFlat(t.dtype(), t.toDoubleArray(), s);
        assertThrows(AssertionError.class, () -> qt(15, 100).forAll(cases()).checkAssert(c -> checkView(c, alwaysThrows)));
        assertThrows(AssertionError.class, () -> qt(15, 100).forAll(cases()).checkAssert(c -> checkView(c, alwaysCopies)));
    }
}
