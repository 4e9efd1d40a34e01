package io.github.backprop4j.tensor.internal;

/**
 * Dense 2-D matrix products: {@code C = A · B} with A (m×k), B (k×n), C (m×n) row-major.
 *
 * <p>float32 operands may have any strides, so {@code x·Wᵀ} (Linear's forward) and
 * {@code Xᵀ·G} (its weight gradient) read the transposed operand in place instead of copying
 * it. Products of at least {@link FloatKernels#parallelFlops()} floating-point operations are
 * split over {@link Parallel}'s threads: by C's columns when C is at least as wide as tall (each
 * thread then packs only its own part of B), else by its rows; smaller ones stay on the calling
 * thread, where a toy model's many small products spend less time than a hand-off would cost.
 *
 * <p>The plain float32 kernel is register-blocked: it computes a 4×8 tile of C at a time, holding
 * the 32 partial sums in local variables while it streams 8 values of a row of B and 4 values of
 * a column of A per step of k. That reuses each loaded B value 4 times and each A value 8 times,
 * instead of the naive triple loop's one multiply per two loads. Column panels of B go
 * outermost, so that a panel (copied to a contiguous buffer in bands of {@link #PACK_ROWS} rows)
 * stays in cache while the band's rows stream past it. Edges that do not fill a tile fall back
 * to a simple loop in the same order, so every element of C is the same chain
 * {@code s = fma(A[i][p], B[p][j], s)} over p = 0, 1, ... whichever loop computes it: results do
 * not depend on the number of threads, and they are the SIMD kernels' bits too.
 *
 * <p>Why {@link Math#fma}: one rounding per step instead of two (what BLAS sgemm does too), the
 * same formula as the vector lanes, and, where C2 has not compiled the kernel yet, about 1.5×
 * the speed of {@code s += x·y} in C1's code (measured on the 4×8 tile: 4.3–4.8 against
 * 2.6–3.7 GMAC/s). On an x86 CPU without FMA instructions (before 2013) it would be slow.
 */
public final class MatMul {
    private static final int MR = 4;
    private static final int NR = 8;

    /**
     * Bands of at least this many rows copy each 8-column panel of B into a contiguous buffer
     * first (k·8 floats), so the tiles stream it linearly, whatever B's strides, instead of
     * touching a new cache line (or page) per step of k.
     */
    private static final int PACK_ROWS = 16;

    /**
     * Threads that split C's columns get multiples of this many: whole panels of every kernel
     * (the plain one's 8 columns, the SIMD one's two vectors of up to 16 floats).
     */
    private static final int COLUMN_GRAIN = 32;

    private MatMul() {
    }

    /** C[cOff..] = A[aOff..] · B[bOff..] for contiguous row-major float32 operands. */
    public static void multiply(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
        multiply(a, aOff, k, 1, b, bOff, n, 1, c, cOff, m, k, n);
    }

    /**
     * C = A·B in float32, accumulating in float like PyTorch's sgemm, with
     * {@code A[i][p] = a[aOff + i·ars + p·acs]}, {@code B[p][j] = b[bOff + p·brs + j·bcs]} and C
     * contiguous at {@code cOff}. Small products take {@link FloatKernels#matmulSmall}; the rest run on
     * {@link Kernels#active()}, over the pool when large.
     */
    public static void multiply(float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs, int bcs,
                                float[] c, int cOff, int m, int k, int n) {
        if ((long) m * k * n < SmallMatMul.THRESHOLD) {
            Kernels.active().matmulSmall(a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, m, k, n);
            return;
        }
        FloatKernels kernels = Kernels.active();
        if (2L * m * k * n < kernels.parallelFlops() || Parallel.threads() == 1) {
            kernels.matmulRows(a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, n, 0, m, k, n);
        } else if (n >= m && n >= 2 * COLUMN_GRAIN) { // each thread packs its own part of B, the larger operand
            Parallel.forRange(n, COLUMN_GRAIN, (j0, j1) -> kernels.matmulRows(a, aOff, ars, acs, b, bOff + j0 * bcs,
                    brs, bcs, c, cOff + j0, n, 0, m, k, j1 - j0));
        } else {
            Parallel.forRange(m, MR, (i0, i1) ->
                    kernels.matmulRows(a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, n, i0, i1, k, n));
        }
    }

    /**
     * Rows [i0, i1) of C = A·B with the plain 4×8 kernel, C's rows {@code ldc} apart (n when C is
     * the whole product; more when the SIMD kernel hands over its last, narrow columns). See
     * {@link FloatKernels#matmulRows}.
     */
    public static void plainRows(float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs, int bcs,
                                 float[] c, int cOff, int ldc, int i0, int i1, int k, int n) {
        int nBlocked = n - n % NR;
        int iBlocked = i0 + (i1 - i0) / MR * MR;
        float[] panel = i1 - i0 >= PACK_ROWS ? new float[k * NR] : null;
        for (int j = 0; j < nBlocked; j += NR) {
            float[] pb = b;
            int pOff = bOff + j * bcs;
            int pRow = brs;
            int pCol = bcs;
            if (panel != null) {
                for (int p = 0; p < k; p++) {
                    for (int q = 0, src = pOff + p * brs; q < NR; q++, src += bcs) {
                        panel[p * NR + q] = b[src];
                    }
                }
                pb = panel;
                pOff = 0;
                pRow = NR;
                pCol = 1;
            }
            for (int i = i0; i < iBlocked; i += MR) {
                tile(a, aOff + i * ars, ars, acs, pb, pOff, pRow, pCol, c, cOff + i * ldc + j, k, ldc);
            }
        }
        edge(a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, i0, iBlocked, nBlocked, n, k);
        edge(a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, iBlocked, i1, 0, n, k);
    }

    /** The 4×8 tile of C at {@code c[r..]} (rows ldc apart) from A's rows at {@code a0} and B's columns at {@code b0}. */
    private static void tile(float[] a, int a0, int ars, int acs, float[] b, int b0, int brs, int bcs,
                             float[] c, int r, int k, int ldc) {
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c04 = 0, c05 = 0, c06 = 0, c07 = 0;
        float c10 = 0, c11 = 0, c12 = 0, c13 = 0, c14 = 0, c15 = 0, c16 = 0, c17 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c24 = 0, c25 = 0, c26 = 0, c27 = 0;
        float c30 = 0, c31 = 0, c32 = 0, c33 = 0, c34 = 0, c35 = 0, c36 = 0, c37 = 0;
        for (int p = 0, pa = a0, bp = b0; p < k; p++, pa += acs, bp += brs) {
            float b0v = b[bp], b1 = b[bp + bcs], b2 = b[bp + 2 * bcs], b3 = b[bp + 3 * bcs];
            float b4 = b[bp + 4 * bcs], b5 = b[bp + 5 * bcs], b6 = b[bp + 6 * bcs], b7 = b[bp + 7 * bcs];
            float x = a[pa];
            c00 = Math.fma(x, b0v, c00); c01 = Math.fma(x, b1, c01); c02 = Math.fma(x, b2, c02); c03 = Math.fma(x, b3, c03);
            c04 = Math.fma(x, b4, c04); c05 = Math.fma(x, b5, c05); c06 = Math.fma(x, b6, c06); c07 = Math.fma(x, b7, c07);
            x = a[pa + ars];
            c10 = Math.fma(x, b0v, c10); c11 = Math.fma(x, b1, c11); c12 = Math.fma(x, b2, c12); c13 = Math.fma(x, b3, c13);
            c14 = Math.fma(x, b4, c14); c15 = Math.fma(x, b5, c15); c16 = Math.fma(x, b6, c16); c17 = Math.fma(x, b7, c17);
            x = a[pa + 2 * ars];
            c20 = Math.fma(x, b0v, c20); c21 = Math.fma(x, b1, c21); c22 = Math.fma(x, b2, c22); c23 = Math.fma(x, b3, c23);
            c24 = Math.fma(x, b4, c24); c25 = Math.fma(x, b5, c25); c26 = Math.fma(x, b6, c26); c27 = Math.fma(x, b7, c27);
            x = a[pa + 3 * ars];
            c30 = Math.fma(x, b0v, c30); c31 = Math.fma(x, b1, c31); c32 = Math.fma(x, b2, c32); c33 = Math.fma(x, b3, c33);
            c34 = Math.fma(x, b4, c34); c35 = Math.fma(x, b5, c35); c36 = Math.fma(x, b6, c36); c37 = Math.fma(x, b7, c37);
        }
        c[r] = c00; c[r + 1] = c01; c[r + 2] = c02; c[r + 3] = c03;
        c[r + 4] = c04; c[r + 5] = c05; c[r + 6] = c06; c[r + 7] = c07;
        r += ldc;
        c[r] = c10; c[r + 1] = c11; c[r + 2] = c12; c[r + 3] = c13;
        c[r + 4] = c14; c[r + 5] = c15; c[r + 6] = c16; c[r + 7] = c17;
        r += ldc;
        c[r] = c20; c[r + 1] = c21; c[r + 2] = c22; c[r + 3] = c23;
        c[r + 4] = c24; c[r + 5] = c25; c[r + 6] = c26; c[r + 7] = c27;
        r += ldc;
        c[r] = c30; c[r + 1] = c31; c[r + 2] = c32; c[r + 3] = c33;
        c[r + 4] = c34; c[r + 5] = c35; c[r + 6] = c36; c[r + 7] = c37;
    }

    /** The rows [i0, i1) × columns [j0, j1) of C, one dot product at a time. */
    private static void edge(float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs, int bcs,
                             float[] c, int cOff, int ldc, int i0, int i1, int j0, int j1, int k) {
        for (int i = i0; i < i1; i++) {
            for (int j = j0; j < j1; j++) {
                float s = 0;
                for (int p = 0, pa = aOff + i * ars, pb = bOff + j * bcs; p < k; p++, pa += acs, pb += brs) {
                    s = Math.fma(a[pa], b[pb], s);
                }
                c[cOff + i * ldc + j] = s;
            }
        }
    }

    /** C[cOff..] = A[aOff..] · B[bOff..] in float64, with the same 4×4-blocked scheme. */
    public static void multiply(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n) {
        int mBlocked = m - m % 4;
        int nBlocked = n - n % 4;
        for (int i = 0; i < mBlocked; i += 4) {
            for (int j = 0; j < nBlocked; j += 4) {
                double c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
                double c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
                int a0 = aOff + i * k;
                for (int p = 0; p < k; p++) {
                    int bp = bOff + p * n + j;
                    double b0 = b[bp], b1 = b[bp + 1], b2 = b[bp + 2], b3 = b[bp + 3];
                    double x = a[a0 + p];
                    c00 += x * b0; c01 += x * b1; c02 += x * b2; c03 += x * b3;
                    x = a[a0 + k + p];
                    c10 += x * b0; c11 += x * b1; c12 += x * b2; c13 += x * b3;
                    x = a[a0 + 2 * k + p];
                    c20 += x * b0; c21 += x * b1; c22 += x * b2; c23 += x * b3;
                    x = a[a0 + 3 * k + p];
                    c30 += x * b0; c31 += x * b1; c32 += x * b2; c33 += x * b3;
                }
                int r = cOff + i * n + j;
                c[r] = c00; c[r + 1] = c01; c[r + 2] = c02; c[r + 3] = c03;
                r += n;
                c[r] = c10; c[r + 1] = c11; c[r + 2] = c12; c[r + 3] = c13;
                r += n;
                c[r] = c20; c[r + 1] = c21; c[r + 2] = c22; c[r + 3] = c23;
                r += n;
                c[r] = c30; c[r + 1] = c31; c[r + 2] = c32; c[r + 3] = c33;
            }
            edge(a, aOff, b, bOff, c, cOff, i, i + 4, nBlocked, n, k, n);
        }
        edge(a, aOff, b, bOff, c, cOff, mBlocked, m, 0, n, k, n);
    }

    private static void edge(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                             int i0, int i1, int j0, int j1, int k, int n) {
        for (int i = i0; i < i1; i++) {
            for (int j = j0; j < j1; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[aOff + i * k + p] * b[bOff + p * n + j];
                }
                c[cOff + i * n + j] = s;
            }
        }
    }
}
