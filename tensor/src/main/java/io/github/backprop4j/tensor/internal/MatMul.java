package io.github.backprop4j.tensor.internal;

/**
 * Dense 2-D matrix products on contiguous row-major arrays: {@code C = A · B} with A (m×k),
 * B (k×n), C (m×n).
 *
 * <p>The kernel is register-blocked: it computes a 4×8 tile of C at a time, holding the 32
 * partial sums in local variables while it streams one row-slice of B (8 consecutive floats)
 * and four scalars of A per step of k. That reuses each loaded B value 4 times and each A value
 * 8 times, instead of the naive triple loop's one multiply per two loads. Edges that do not
 * fill a tile fall back to a simple loop.
 */
public final class MatMul {
    private static final int MR = 4;
    private static final int NR = 8;

    private MatMul() {
    }

    /** C[cOff..] = A[aOff..] · B[bOff..] in float32, accumulating in float like PyTorch's sgemm. */
    public static void multiply(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
        int mBlocked = m - m % MR;
        int nBlocked = n - n % NR;
        for (int i = 0; i < mBlocked; i += MR) {
            for (int j = 0; j < nBlocked; j += NR) {
                tile(a, aOff, b, bOff, c, cOff, i, j, k, n);
            }
            edge(a, aOff, b, bOff, c, cOff, i, i + MR, nBlocked, n, k, n);
        }
        edge(a, aOff, b, bOff, c, cOff, mBlocked, m, 0, n, k, n);
    }

    private static void tile(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                             int i, int j, int k, int n) {
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c04 = 0, c05 = 0, c06 = 0, c07 = 0;
        float c10 = 0, c11 = 0, c12 = 0, c13 = 0, c14 = 0, c15 = 0, c16 = 0, c17 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c24 = 0, c25 = 0, c26 = 0, c27 = 0;
        float c30 = 0, c31 = 0, c32 = 0, c33 = 0, c34 = 0, c35 = 0, c36 = 0, c37 = 0;
        int a0 = aOff + i * k;
        int a1 = a0 + k;
        int a2 = a1 + k;
        int a3 = a2 + k;
        for (int p = 0; p < k; p++) {
            int bp = bOff + p * n + j;
            float b0 = b[bp], b1 = b[bp + 1], b2 = b[bp + 2], b3 = b[bp + 3];
            float b4 = b[bp + 4], b5 = b[bp + 5], b6 = b[bp + 6], b7 = b[bp + 7];
            float x = a[a0 + p];
            c00 += x * b0; c01 += x * b1; c02 += x * b2; c03 += x * b3;
            c04 += x * b4; c05 += x * b5; c06 += x * b6; c07 += x * b7;
            x = a[a1 + p];
            c10 += x * b0; c11 += x * b1; c12 += x * b2; c13 += x * b3;
            c14 += x * b4; c15 += x * b5; c16 += x * b6; c17 += x * b7;
            x = a[a2 + p];
            c20 += x * b0; c21 += x * b1; c22 += x * b2; c23 += x * b3;
            c24 += x * b4; c25 += x * b5; c26 += x * b6; c27 += x * b7;
            x = a[a3 + p];
            c30 += x * b0; c31 += x * b1; c32 += x * b2; c33 += x * b3;
            c34 += x * b4; c35 += x * b5; c36 += x * b6; c37 += x * b7;
        }
        int r = cOff + i * n + j;
        c[r] = c00; c[r + 1] = c01; c[r + 2] = c02; c[r + 3] = c03;
        c[r + 4] = c04; c[r + 5] = c05; c[r + 6] = c06; c[r + 7] = c07;
        r += n;
        c[r] = c10; c[r + 1] = c11; c[r + 2] = c12; c[r + 3] = c13;
        c[r + 4] = c14; c[r + 5] = c15; c[r + 6] = c16; c[r + 7] = c17;
        r += n;
        c[r] = c20; c[r + 1] = c21; c[r + 2] = c22; c[r + 3] = c23;
        c[r + 4] = c24; c[r + 5] = c25; c[r + 6] = c26; c[r + 7] = c27;
        r += n;
        c[r] = c30; c[r + 1] = c31; c[r + 2] = c32; c[r + 3] = c33;
        c[r + 4] = c34; c[r + 5] = c35; c[r + 6] = c36; c[r + 7] = c37;
    }

    /** The rows [i0, i1) × columns [j0, j1) of C, one dot product at a time. */
    private static void edge(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                             int i0, int i1, int j0, int j1, int k, int n) {
        for (int i = i0; i < i1; i++) {
            for (int j = j0; j < j1; j++) {
                float s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[aOff + i * k + p] * b[bOff + p * n + j];
                }
                c[cOff + i * n + j] = s;
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
