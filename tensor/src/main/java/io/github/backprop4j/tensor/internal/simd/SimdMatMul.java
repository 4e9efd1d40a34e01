package io.github.backprop4j.tensor.internal.simd;

import io.github.backprop4j.tensor.internal.MatMul;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 matrix-product kernel on vectors: C = A·B for rows {@code [i0, i1)} of C (m×n,
 * row-major at {@code cOff}), {@code A[i][p] = a[aOff + i·ars + p·acs]} and B with contiguous
 * rows, {@code B[p][j] = b[bOff + p·brs + j]}.
 *
 * <p>Columns go in panels of two vectors (2·L floats, L = lanes), then one vector; the last
 * {@code n mod L} columns go to the plain kernel ({@link MatMul#plainRows}). Within a panel, 6
 * rows of C at a time (then 4, then 1): per step p, two row-slices of B are loaded as vectors and
 * each of the 6 values of A is broadcast and fused-multiply-added into 12 vector accumulators
 * (6×2 measured 10–15% faster than 4×2 at 1024³ with AVX-512; 14 of the 32 vector registers).
 * The whole 6-row blocks and whole panels are packed first, {@link #STEPS} steps of k at a
 * time, GotoBLAS-style: the band's A, 6 rows at a time, step-major ({@code [p][row]}), and each
 * panel of B (steps × 2L floats) into buffers that stay in L2 and L1. The packed tile reads A at
 * {@code p·6 + row} and B at {@code p·2L + j}, contiguously. At 1024³ on 2 threads this ran at
 * 122–123 products/s in three JMH forks, against 91–123 with A read through its strides and
 * full-length k; at 128×784·784×256 (an MLP layer), 161–169 against 144–150 GFLOP/s. The rows
 * and columns left over take the unpacked tiles, reading B in place.
 *
 * <p>Every element of C is the chain {@code s = fma(A[i][p], B[p][j], s)} for p = 0, 1, ...,
 * whichever tile computes it: in a vector column here, in the last columns the plain kernel,
 * whose formula is the same. So the result depends neither on how the rows are split between
 * threads nor on the kernel path.
 */
final class SimdMatMul {
    private static final VectorSpecies<Float> S = SimdFloatKernels.S;

    /**
     * Steps of k per pass over the packed operands: B's panel of 256 × 2L floats (32 KB with
     * AVX-512) stays in L1 while A's band of 256 steps streams from L2.
     */
    private static final int STEPS = 256;

    private SimdMatMul() {
    }

    static void rows(float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs,
                     float[] c, int cOff, int i0, int i1, int k, int n) {
        int lanes = S.length();
        int width = 2 * lanes;
        int i = n >= width ? packedBlocks(a, aOff, ars, acs, b, bOff, brs, c, cOff, i0, i1, k, n) : i0;
        int j = 0;
        for (; j + width <= n; j += width) {
            int r = i;
            for (; r + 4 <= i1; r += 4) {
                tile4x2(a, aOff + r * ars, ars, acs, b, bOff + j, brs, c, cOff + r * n + j, k, n);
            }
            for (; r < i1; r++) {
                tile1x1(a, aOff + r * ars, acs, b, bOff + j, brs, c, cOff + r * n + j, k);
                tile1x1(a, aOff + r * ars, acs, b, bOff + j + lanes, brs, c, cOff + r * n + j + lanes, k);
            }
        }
        for (; j + lanes <= n; j += lanes) {
            int r = i0;
            for (; r + 4 <= i1; r += 4) {
                tile4x1(a, aOff + r * ars, ars, acs, b, bOff + j, brs, c, cOff + r * n + j, k, n);
            }
            for (; r < i1; r++) {
                tile1x1(a, aOff + r * ars, acs, b, bOff + j, brs, c, cOff + r * n + j, k);
            }
        }
        if (j < n) {
            // fewer columns than lanes are left: the plain 4×8 kernel, which keeps 32 sums in flight
            MatMul.plainRows(a, aOff, ars, acs, b, bOff + j, brs, 1, c, cOff + j, n, i0, i1, k, n - j);
        }
    }

    /**
     * The rows of whole 6-row blocks from i0 and the columns of whole panels (2L wide), packed and
     * in steps of at most {@link #STEPS} of k: A's rows × those steps (blocks step-major, in L2),
     * then for each panel B's steps × 2L (in L1), then the 6×2 tiles, each continuing the sums
     * it stored in C for the earlier steps. Returns the first row left for the unpacked tiles.
     */
    private static int packedBlocks(float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs,
                                    float[] c, int cOff, int i0, int i1, int k, int n) {
        int width = 2 * S.length();
        int blocks = (i1 - i0) / 6;
        if (blocks == 0) {
            return i0;
        }
        float[] packedA = new float[blocks * 6 * Math.min(k, STEPS)];
        float[] panel = new float[Math.min(k, STEPS) * width];
        for (int p0 = 0; p0 < k; p0 += STEPS) {
            int steps = Math.min(STEPS, k - p0);
            packSixRowBlocks(a, aOff + i0 * ars + p0 * acs, ars, acs, blocks, steps, packedA);
            for (int j = 0; j + width <= n; j += width) {
                for (int p = 0; p < steps; p++) {
                    System.arraycopy(b, bOff + (p0 + p) * brs + j, panel, p * width, width);
                }
                for (int block = 0; block < blocks; block++) {
                    tile6x2Packed(packedA, block * 6 * steps, panel, c, cOff + (i0 + 6 * block) * n + j, steps, n, p0 > 0);
                }
            }
        }
        return i0 + 6 * blocks;
    }

    /**
     * Rows of A (row r, step p at {@code a0 + r·ars + p·acs}, steps [0, steps)) as blocks of 6
     * rows, each step-major: {@code packed[block·6·steps + p·6 + row]}.
     */
    private static void packSixRowBlocks(float[] a, int a0, int ars, int acs, int blocks, int steps, float[] packed) {
        for (int block = 0, at = 0; block < blocks; block++) {
            int rowStart = a0 + block * 6 * ars;
            for (int p = 0; p < steps; p++) {
                for (int row = 0, from = rowStart + p * acs; row < 6; row++, from += ars) {
                    packed[at++] = a[from];
                }
            }
        }
    }

    /**
     * C[r.., 6 rows × 2 vectors] from packed operands: A's block at {@code a0} as
     * {@link #packSixRowBlocks} writes it, B's panel with rows of 2L floats from 0. With
     * {@code resume}, the sums start from C's values: a stored float continues the chain
     * {@code s = fma(a, b, s)} exactly, so splitting k changes no bit.
     */
    private static void tile6x2Packed(float[] a, int a0, float[] b, float[] c, int r, int k, int n, boolean resume) {
        int lanes = S.length();
        int width = 2 * lanes;
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        if (resume) {
            c00 = FloatVector.fromArray(S, c, r);
            c01 = FloatVector.fromArray(S, c, r + lanes);
            c10 = FloatVector.fromArray(S, c, r + n);
            c11 = FloatVector.fromArray(S, c, r + n + lanes);
            c20 = FloatVector.fromArray(S, c, r + 2 * n);
            c21 = FloatVector.fromArray(S, c, r + 2 * n + lanes);
            c30 = FloatVector.fromArray(S, c, r + 3 * n);
            c31 = FloatVector.fromArray(S, c, r + 3 * n + lanes);
            c40 = FloatVector.fromArray(S, c, r + 4 * n);
            c41 = FloatVector.fromArray(S, c, r + 4 * n + lanes);
            c50 = FloatVector.fromArray(S, c, r + 5 * n);
            c51 = FloatVector.fromArray(S, c, r + 5 * n + lanes);
        }
        // the 12 accumulators are named and the rows unrolled: vectors kept in an array, or passed
        // to a method C2 does not inline, are boxed on every step
        for (int p = 0; p < k; p++) {
            FloatVector v0 = FloatVector.fromArray(S, b, p * width);
            FloatVector v1 = FloatVector.fromArray(S, b, p * width + lanes);
            int pa = a0 + p * 6;
            FloatVector x = FloatVector.broadcast(S, a[pa]);
            c00 = x.fma(v0, c00);
            c01 = x.fma(v1, c01);
            x = FloatVector.broadcast(S, a[pa + 1]);
            c10 = x.fma(v0, c10);
            c11 = x.fma(v1, c11);
            x = FloatVector.broadcast(S, a[pa + 2]);
            c20 = x.fma(v0, c20);
            c21 = x.fma(v1, c21);
            x = FloatVector.broadcast(S, a[pa + 3]);
            c30 = x.fma(v0, c30);
            c31 = x.fma(v1, c31);
            x = FloatVector.broadcast(S, a[pa + 4]);
            c40 = x.fma(v0, c40);
            c41 = x.fma(v1, c41);
            x = FloatVector.broadcast(S, a[pa + 5]);
            c50 = x.fma(v0, c50);
            c51 = x.fma(v1, c51);
        }
        c00.intoArray(c, r);
        c01.intoArray(c, r + lanes);
        c10.intoArray(c, r + n);
        c11.intoArray(c, r + n + lanes);
        c20.intoArray(c, r + 2 * n);
        c21.intoArray(c, r + 2 * n + lanes);
        c30.intoArray(c, r + 3 * n);
        c31.intoArray(c, r + 3 * n + lanes);
        c40.intoArray(c, r + 4 * n);
        c41.intoArray(c, r + 4 * n + lanes);
        c50.intoArray(c, r + 5 * n);
        c51.intoArray(c, r + 5 * n + lanes);
    }

    /** C[r.., 4 rows × 2 vectors] from A's 4 rows at a0 and B's columns at b0. */
    private static void tile4x2(float[] a, int a0, int ars, int acs, float[] b, int b0, int brs,
                                float[] c, int r, int k, int n) {
        int lanes = S.length();
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00;
        FloatVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        for (int p = 0, pa = a0, pb = b0; p < k; p++, pa += acs, pb += brs) {
            FloatVector v0 = FloatVector.fromArray(S, b, pb);
            FloatVector v1 = FloatVector.fromArray(S, b, pb + lanes);
            FloatVector x = FloatVector.broadcast(S, a[pa]);
            c00 = x.fma(v0, c00);
            c01 = x.fma(v1, c01);
            x = FloatVector.broadcast(S, a[pa + ars]);
            c10 = x.fma(v0, c10);
            c11 = x.fma(v1, c11);
            x = FloatVector.broadcast(S, a[pa + 2 * ars]);
            c20 = x.fma(v0, c20);
            c21 = x.fma(v1, c21);
            x = FloatVector.broadcast(S, a[pa + 3 * ars]);
            c30 = x.fma(v0, c30);
            c31 = x.fma(v1, c31);
        }
        c00.intoArray(c, r);
        c01.intoArray(c, r + lanes);
        c10.intoArray(c, r + n);
        c11.intoArray(c, r + n + lanes);
        c20.intoArray(c, r + 2 * n);
        c21.intoArray(c, r + 2 * n + lanes);
        c30.intoArray(c, r + 3 * n);
        c31.intoArray(c, r + 3 * n + lanes);
    }

    /** C[r.., 4 rows × 1 vector]. */
    private static void tile4x1(float[] a, int a0, int ars, int acs, float[] b, int b0, int brs,
                                float[] c, int r, int k, int n) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
        for (int p = 0, pa = a0, pb = b0; p < k; p++, pa += acs, pb += brs) {
            FloatVector v = FloatVector.fromArray(S, b, pb);
            c0 = FloatVector.broadcast(S, a[pa]).fma(v, c0);
            c1 = FloatVector.broadcast(S, a[pa + ars]).fma(v, c1);
            c2 = FloatVector.broadcast(S, a[pa + 2 * ars]).fma(v, c2);
            c3 = FloatVector.broadcast(S, a[pa + 3 * ars]).fma(v, c3);
        }
        c0.intoArray(c, r);
        c1.intoArray(c, r + n);
        c2.intoArray(c, r + 2 * n);
        c3.intoArray(c, r + 3 * n);
    }

    /** C[r.., 1 row × 1 vector]. */
    private static void tile1x1(float[] a, int a0, int acs, float[] b, int b0, int brs, float[] c, int r, int k) {
        FloatVector acc = FloatVector.zero(S);
        for (int p = 0, pa = a0, pb = b0; p < k; p++, pa += acs, pb += brs) {
            acc = FloatVector.broadcast(S, a[pa]).fma(FloatVector.fromArray(S, b, pb), acc);
        }
        acc.intoArray(c, r);
    }
}
