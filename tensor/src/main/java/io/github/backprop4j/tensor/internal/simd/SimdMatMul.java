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
 * A panel of B (k × 2L floats), copied into a contiguous buffer for bands of
 * {@link #PACK_ROWS} rows or more, stays in cache while every row block of the band streams past
 * it.
 *
 * <p>Every element of C is the chain {@code s = fma(A[i][p], B[p][j], s)} for p = 0, 1, ...,
 * whichever tile computes it: in a vector column here, in the last columns the plain kernel,
 * whose formula is the same. So the result depends neither on how the rows are split between
 * threads nor on the kernel path.
 */
final class SimdMatMul {
    private static final VectorSpecies<Float> S = SimdFloatKernels.S;

    /**
     * Bands of at least this many rows copy each panel of B into a contiguous buffer first, so
     * that the kernel streams it linearly instead of striding a page or more per step of k.
     */
    private static final int PACK_ROWS = 16;

    private SimdMatMul() {
    }

    static void rows(float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs,
                     float[] c, int cOff, int i0, int i1, int k, int n) {
        int lanes = S.length();
        int width = 2 * lanes;
        float[] panel = i1 - i0 >= PACK_ROWS && n >= width ? new float[k * width] : null;
        int j = 0;
        for (; j + width <= n; j += width) {
            float[] pb = b;
            int pOff = bOff + j;
            int pStride = brs;
            if (panel != null) {
                for (int p = 0; p < k; p++) {
                    System.arraycopy(b, bOff + p * brs + j, panel, p * width, width);
                }
                pb = panel;
                pOff = 0;
                pStride = width;
            }
            int i = i0;
            for (; i + 6 <= i1; i += 6) {
                tile6x2(a, aOff + i * ars, ars, acs, pb, pOff, pStride, c, cOff + i * n + j, k, n);
            }
            for (; i + 4 <= i1; i += 4) {
                tile4x2(a, aOff + i * ars, ars, acs, pb, pOff, pStride, c, cOff + i * n + j, k, n);
            }
            for (; i < i1; i++) {
                tile1x1(a, aOff + i * ars, acs, b, bOff + j, brs, c, cOff + i * n + j, k);
                tile1x1(a, aOff + i * ars, acs, b, bOff + j + lanes, brs, c, cOff + i * n + j + lanes, k);
            }
        }
        for (; j + lanes <= n; j += lanes) {
            int i = i0;
            for (; i + 4 <= i1; i += 4) {
                tile4x1(a, aOff + i * ars, ars, acs, b, bOff + j, brs, c, cOff + i * n + j, k, n);
            }
            for (; i < i1; i++) {
                tile1x1(a, aOff + i * ars, acs, b, bOff + j, brs, c, cOff + i * n + j, k);
            }
        }
        if (j < n) {
            // fewer columns than lanes are left: the plain 4×8 kernel, which keeps 32 sums in flight
            MatMul.plainRows(a, aOff, ars, acs, b, bOff + j, brs, 1, c, cOff + j, n, i0, i1, k, n - j);
        }
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

    /** C[r.., 6 rows × 2 vectors]. */
    private static void tile6x2(float[] a, int a0, int ars, int acs, float[] b, int b0, int brs,
                                float[] c, int r, int k, int n) {
        int lanes = S.length();
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
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
            x = FloatVector.broadcast(S, a[pa + 4 * ars]);
            c40 = x.fma(v0, c40);
            c41 = x.fma(v1, c41);
            x = FloatVector.broadcast(S, a[pa + 5 * ars]);
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
