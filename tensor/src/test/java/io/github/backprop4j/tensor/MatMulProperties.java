package io.github.backprop4j.tensor;

import static io.github.backprop4j.tensor.TensorGens.normals;
import static io.github.backprop4j.tensor.TensorGens.seeds;
import static io.github.backprop4j.testkit.Gens.between;
import static io.github.backprop4j.testkit.Gens.broadcastableTo;
import static io.github.backprop4j.testkit.Gens.numel;
import static io.github.backprop4j.testkit.Gens.qt;
import static io.github.backprop4j.testkit.Gens.shapes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.testkit.Tolerance;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * matmul against the textbook triple loop, written here: C[i][j] = Σ_p A[i][p]·B[p][j]. Sizes
 * run from 0 to 21, so most do not divide the kernel's 4×8 (float32) or 4×4 (float64) tiles.
 */
class MatMulProperties {

    record Dims(int m, int k, int n, long seed) {
    }

    private static Gen<Dims> dims() {
        return between(0, 21).zip(between(0, 21), between(0, 21), seeds(), Dims::new);
    }

    /** The triple loop over row-major arrays, accumulating in double. */
    private static double[] naive(double[] a, double[] b, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[i * k + p] * b[p * n + j];
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    /** Σ_p |A[i][p]·B[p][j]|: how large the rounding error of entry (i, j) can be, relatively. */
    private static double[] magnitudes(double[] a, double[] b, int m, int k, int n) {
        double[] absA = Arrays.stream(a).map(Math::abs).toArray();
        double[] absB = Arrays.stream(b).map(Math::abs).toArray();
        return naive(absA, absB, m, k, n);
    }

    /** Entry i within eps·scale[i]: the rounding-error bound of a sum of products of that magnitude. */
    private static void assertCloseEntrywise(double[] expected, double[] scale, double[] actual, double eps) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            Tolerance.absolute(eps * scale[i] + 1e-30).assertClose(expected[i], actual[i], "entry " + i);
        }
    }

    @Test
    void float64MatchesTheTripleLoop() {
        qt(21, 300).forAll(dims()).checkAssert(d -> {
            Tensor a = normals(d.seed(), DType.FLOAT64, d.m(), d.k());
            Tensor b = normals(d.seed() + 1, DType.FLOAT64, d.k(), d.n());
            double[] x = a.toDoubleArray();
            double[] y = b.toDoubleArray();
            Tensor c = a.matmul(b);
            assertArrayEquals(new int[] {d.m(), d.n()}, c.shape().toArray());
            // both sum k double products; only the order of the additions may differ
            assertCloseEntrywise(naive(x, y, d.m(), d.k(), d.n()), magnitudes(x, y, d.m(), d.k(), d.n()),
                    c.toDoubleArray(), 1e-15 * (d.k() + 1));
        });
    }

    @Test
    void integerValuedFloat64IsExact() {
        qt(22, 200).forAll(dims()).checkAssert(d -> {
            Tensor a = TensorGens.smallInts(d.seed(), DType.FLOAT64, d.m(), d.k());
            Tensor b = TensorGens.smallInts(d.seed() + 1, DType.FLOAT64, d.k(), d.n());
            assertArrayEquals(naive(a.toDoubleArray(), b.toDoubleArray(), d.m(), d.k(), d.n()),
                    a.matmul(b).toDoubleArray());
        });
    }

    @Test
    void float32IsWithinFloatRoundingOfTheExactProduct() {
        qt(23, 300).forAll(dims()).checkAssert(d -> {
            Tensor a = normals(d.seed(), DType.FLOAT32, d.m(), d.k());
            Tensor b = normals(d.seed() + 1, DType.FLOAT32, d.k(), d.n());
            double[] x = a.toDoubleArray();
            double[] y = b.toDoubleArray();
            Tensor c = a.matmul(b);
            assertEquals(DType.FLOAT32, c.dtype());
            // float accumulation: error ≤ k·u·Σ|a||b| with u = 2^-24 ≈ 6e-8
            assertCloseEntrywise(naive(x, y, d.m(), d.k(), d.n()), magnitudes(x, y, d.m(), d.k(), d.n()),
                    c.toDoubleArray(), 6e-8 * (d.k() + 1));
        });
    }

    @Test
    void transposedOperandsGiveTheSameProduct() {
        qt(24, 200).forAll(dims()).checkAssert(d -> {
            Tensor a = normals(d.seed(), DType.FLOAT64, d.m(), d.k());
            Tensor b = normals(d.seed() + 1, DType.FLOAT64, d.k(), d.n());
            Tensor at = a.t().contiguous().t(); // same values, column-major strides
            Tensor bt = b.t().contiguous().t();
            assertTrue(at.allclose(a, 0, 0) && bt.allclose(b, 0, 0));
            assertEquals(a.matmul(b), at.matmul(bt));
            // (A·B)ᵀ = Bᵀ·Aᵀ, up to the order of additions
            assertTrue(a.matmul(b).t().allclose(b.t().matmul(a.t()), 1e-12, 1e-12));
        });
    }

    /** Batch dims that broadcast, and matrix sizes. */
    record Batched(int[] batch, int[] batchA, int[] batchB, int m, int k, int n, long seed) {
        @Override
        public String toString() {
            return "batch " + Arrays.toString(batch) + " from " + Arrays.toString(batchA) + " and "
                    + Arrays.toString(batchB) + ", m " + m + ", k " + k + ", n " + n + ", seed " + seed;
        }
    }

    private static Gen<Batched> batched() {
        Gen<int[]> batches = shapes(3, 1, 3);
        return in -> {
            int[] batch = batches.generate(in);
            int[] a = broadcastableTo(batch, in);
            int[] b = batch.clone(); // b keeps every batch size, so the result's batch is exactly `batch`
            if (between(0, 1).generate(in) == 1) {
                int[] t = a;
                a = b;
                b = t;
            }
            return new Batched(batch, a, b, between(1, 9).generate(in), between(0, 9).generate(in),
                    between(1, 9).generate(in), seeds().generate(in));
        };
    }

    private static int[] concat(int[] batch, int rows, int cols) {
        int[] s = Arrays.copyOf(batch, batch.length + 2);
        s[batch.length] = rows;
        s[batch.length + 1] = cols;
        return s;
    }

    @Test
    void batchedMatmulIsOneTripleLoopPerBroadcastBatchEntry() {
        qt(25, 200).forAll(batched()).checkAssert(c -> {
            Tensor a = TensorGens.smallInts(c.seed(), DType.FLOAT64, concat(c.batchA(), c.m(), c.k()));
            Tensor b = TensorGens.smallInts(c.seed() + 1, DType.FLOAT64, concat(c.batchB(), c.k(), c.n()));
            Tensor out = a.matmul(b);
            assertArrayEquals(concat(c.batch(), c.m(), c.n()), out.shape().toArray());
            int batches = numel(c.batch());
            for (int i = 0; i < batches; i++) {
                int[] idx = TensorGens.unravel(i, c.batch());
                Tensor ai = select(a, idx, c.batchA());
                Tensor bi = select(b, idx, c.batchB());
                double[] expected = naive(ai.toDoubleArray(), bi.toDoubleArray(), c.m(), c.k(), c.n());
                assertArrayEquals(expected, select(out, idx, c.batch()).toDoubleArray(), "batch entry " + i);
            }
        });
    }

    /** The matrix of {@code t} at broadcast batch index {@code idx} (size-1 and missing dims read index 0). */
    private static Tensor select(Tensor t, int[] idx, int[] ownBatch) {
        int lead = idx.length - ownBatch.length;
        Tensor r = t;
        for (int d = 0; d < ownBatch.length; d++) {
            r = r.select(0, ownBatch[d] == 1 ? 0 : idx[lead + d]);
        }
        return r;
    }

    @Test
    void vectorOperandsAreRowsAndColumns() {
        qt(26, 200).forAll(dims()).checkAssert(d -> {
            Tensor a = TensorGens.smallInts(d.seed(), DType.FLOAT64, d.m(), d.k());
            Tensor v = TensorGens.smallInts(d.seed() + 1, DType.FLOAT64, d.k());
            Tensor w = TensorGens.smallInts(d.seed() + 2, DType.FLOAT64, d.m());
            assertEquals(a.matmul(v.unsqueeze(1)).squeeze(1), a.matmul(v));
            assertEquals(w.unsqueeze(0).matmul(a).squeeze(0), w.matmul(a));
            assertEquals(TensorGens.inner(v.toDoubleArray(), v.toDoubleArray()), v.matmul(v).item());
        });
    }
}
