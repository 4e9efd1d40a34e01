package io.github.backprop4j.tensor.internal;

/**
 * {@code C = A·B} in float32 for small operands (fewer than {@link #THRESHOLD} multiply-adds),
 * where the blocked kernels' set-up (packing, vector tails, the pool) costs more than the
 * arithmetic: the layers of a toy model. {@code A[i][p] = a[aOff + i·ars + p·acs]},
 * {@code B[p][j] = b[bOff + p·brs + j·bcs]}, C contiguous [m, n] at {@code cOff}.
 *
 * <p>Each element is the chain {@code s = fma(A[i][p], B[p][j], s)} over p ascending from 0, as
 * in {@link MatMul}. Tiles of 4×2 elements (1×4 in the last
 * rows) are computed at once, so several independent additions are in flight instead of one chain
 * of dependent ones.
 */
final class SmallMatMul {
    /** Below this many multiply-adds (m·k·n), {@link MatMul#multiply} uses this kernel. */
    static final int THRESHOLD = 1 << 13;

    private SmallMatMul() {
    }

    static void multiply(float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs, int bcs,
                         float[] c, int cOff, int m, int k, int n) {
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int a0 = aOff + i * ars;
            int a1 = a0 + ars;
            int a2 = a1 + ars;
            int a3 = a2 + ars;
            int j = 0;
            for (; j + 2 <= n; j += 2) { // a 4×2 tile: eight independent sums
                float s0 = 0;
                float s1 = 0;
                float s2 = 0;
                float s3 = 0;
                float t0 = 0;
                float t1 = 0;
                float t2 = 0;
                float t3 = 0;
                for (int p = 0, ap = 0, bp = bOff + j * bcs; p < k; p++, ap += acs, bp += brs) {
                    float bv = b[bp];
                    float bw = b[bp + bcs];
                    float v0 = a[a0 + ap];
                    float v1 = a[a1 + ap];
                    float v2 = a[a2 + ap];
                    float v3 = a[a3 + ap];
                    s0 = Math.fma(v0, bv, s0);
                    s1 = Math.fma(v1, bv, s1);
                    s2 = Math.fma(v2, bv, s2);
                    s3 = Math.fma(v3, bv, s3);
                    t0 = Math.fma(v0, bw, t0);
                    t1 = Math.fma(v1, bw, t1);
                    t2 = Math.fma(v2, bw, t2);
                    t3 = Math.fma(v3, bw, t3);
                }
                c[cOff + i * n + j] = s0;
                c[cOff + (i + 1) * n + j] = s1;
                c[cOff + (i + 2) * n + j] = s2;
                c[cOff + (i + 3) * n + j] = s3;
                c[cOff + i * n + j + 1] = t0;
                c[cOff + (i + 1) * n + j + 1] = t1;
                c[cOff + (i + 2) * n + j + 1] = t2;
                c[cOff + (i + 3) * n + j + 1] = t3;
            }
            for (; j < n; j++) {
                float s0 = 0;
                float s1 = 0;
                float s2 = 0;
                float s3 = 0;
                for (int p = 0, ap = 0, bp = bOff + j * bcs; p < k; p++, ap += acs, bp += brs) {
                    float bv = b[bp];
                    s0 = Math.fma(a[a0 + ap], bv, s0);
                    s1 = Math.fma(a[a1 + ap], bv, s1);
                    s2 = Math.fma(a[a2 + ap], bv, s2);
                    s3 = Math.fma(a[a3 + ap], bv, s3);
                }
                c[cOff + i * n + j] = s0;
                c[cOff + (i + 1) * n + j] = s1;
                c[cOff + (i + 2) * n + j] = s2;
                c[cOff + (i + 3) * n + j] = s3;
            }
        }
        for (; i < m; i++) {
            int ai = aOff + i * ars;
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                float s0 = 0;
                float s1 = 0;
                float s2 = 0;
                float s3 = 0;
                for (int p = 0, ap = ai, bp = bOff + j * bcs; p < k; p++, ap += acs, bp += brs) {
                    float av = a[ap];
                    s0 = Math.fma(av, b[bp], s0);
                    s1 = Math.fma(av, b[bp + bcs], s1);
                    s2 = Math.fma(av, b[bp + 2 * bcs], s2);
                    s3 = Math.fma(av, b[bp + 3 * bcs], s3);
                }
                c[cOff + i * n + j] = s0;
                c[cOff + i * n + j + 1] = s1;
                c[cOff + i * n + j + 2] = s2;
                c[cOff + i * n + j + 3] = s3;
            }
            for (; j < n; j++) {
                float s0 = 0;
                for (int p = 0, ap = ai, bp = bOff + j * bcs; p < k; p++, ap += acs, bp += brs) {
                    s0 = Math.fma(a[ap], b[bp], s0);
                }
                c[cOff + i * n + j] = s0;
            }
        }
    }
}
