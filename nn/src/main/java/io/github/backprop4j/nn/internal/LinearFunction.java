package io.github.backprop4j.nn.internal;

import io.github.backprop4j.autograd.Function;
import io.github.backprop4j.autograd.GradMode;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import io.github.backprop4j.tensor.internal.FloatStorage;
import io.github.backprop4j.tensor.internal.MatMul;
import org.jspecify.annotations.Nullable;

/**
 * {@code y = x·Wᵀ + b} as one graph node, like PyTorch's {@code addmm}: x is {@code [m, k]}, W
 * {@code [n, k]}, b {@code [n]} (optional: apply to {@code (x, W)} for a layer without bias).
 *
 * <p>Backward, with g = ∂L/∂y of shape {@code [m, n]}:
 * <pre>
 *   ∂L/∂x = g·W        [m, k]
 *   ∂L/∂W = gᵀ·x       [n, k]
 *   ∂L/∂b = Σ_rows g   [n]
 * </pre>
 * When the backward itself is recorded ({@code createGraph}), or the operands are not all
 * float32, these formulas run as {@link Variable} ops, so second derivatives work. Otherwise they
 * run as closed-form float32 kernels, with no intermediate nodes, views or temporaries: a toy
 * model's step is dominated by such per-op overhead.
 */
public final class LinearFunction extends Function {
    /** Below this many multiply-adds, plain loops beat the blocked matmul's set-up. */
    private static final int SMALL = 1 << 13;

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];
        Tensor w = in[1];
        Tensor b = in.length > 2 ? in[2] : null;
        if (!allFloat32(in)) {
            Tensor y = x.matmul(w.t());
            return b == null ? y : y.plus(b);
        }
        int m = x.size(0);
        int k = x.size(1);
        int n = w.size(0);
        float[] xs = data(x);
        float[] ws = data(w);
        float[] y = new float[m * n];
        if ((long) m * k * n < SMALL) { // Wᵀ[p][j] = W[j·k + p]
            smallProduct(xs, k, 1, ws, 1, k, y, m, k, n);
        } else { // Wᵀ read in place: Wᵀ[p][j] = W[j·k + p]
            MatMul.multiply(xs, 0, k, 1, ws, 0, 1, k, y, 0, m, k, n);
        }
        if (b != null) {
            float[] bs = data(b);
            for (int i = 0, o = 0; i < m; i++) {
                for (int j = 0; j < n; j++, o++) {
                    y[o] += bs[j];
                }
            }
        }
        return Tensor.wrap(new FloatStorage(y), m, n);
    }

    @Override
    protected @Nullable Variable[] backward(Variable g) {
        Variable x = input(0);
        Variable w = input(1);
        Variable b = inputCount() > 2 ? input(2) : null;
        @Nullable Variable[] out = new Variable[inputCount()];
        if (GradMode.isEnabled() || !float32(g.value()) || !float32(x.value()) || !float32(w.value())) {
            out[0] = x.requiresGrad() ? g.matmul(w) : null;
            out[1] = w.requiresGrad() ? g.t().matmul(x) : null;
            if (b != null) {
                out[2] = b.requiresGrad() ? g.sum(0, false) : null;
            }
            return out;
        }
        int m = x.size(0);
        int k = x.size(1);
        int n = w.size(0);
        float[] gs = data(g.value());
        boolean small = (long) m * k * n < SMALL;
        if (x.requiresGrad()) { // dX[i][p] = Σ_j g[i][j]·W[j][p]
            float[] ws = data(w.value());
            float[] dx = new float[m * k];
            if (small) {
                smallProduct(gs, n, 1, ws, k, 1, dx, m, n, k);
            } else {
                MatMul.multiply(gs, 0, n, 1, ws, 0, k, 1, dx, 0, m, n, k);
            }
            out[0] = Variable.of(Tensor.wrap(new FloatStorage(dx), m, k));
        }
        if (w.requiresGrad()) { // dW[j][p] = Σ_i g[i][j]·x[i][p]
            float[] xs = data(x.value());
            float[] dw = new float[n * k];
            if (small) { // gᵀ[j][i] = g[i·n + j]
                smallProduct(gs, 1, n, xs, k, 1, dw, n, m, k);
            } else { // gᵀ read in place: gᵀ[j][i] = g[i·n + j]
                MatMul.multiply(gs, 0, 1, n, xs, 0, k, 1, dw, 0, n, m, k);
            }
            out[1] = Variable.of(Tensor.wrap(new FloatStorage(dw), n, k));
        }
        if (b != null && b.requiresGrad()) { // db[j] = Σ_i g[i][j]
            float[] db = new float[n];
            int j = 0;
            for (; j + 4 <= n; j += 4) { // four columns at a time: independent sums, each over i ascending
                float s0 = 0;
                float s1 = 0;
                float s2 = 0;
                float s3 = 0;
                for (int o = j; o < m * n; o += n) {
                    s0 += gs[o];
                    s1 += gs[o + 1];
                    s2 += gs[o + 2];
                    s3 += gs[o + 3];
                }
                db[j] = s0;
                db[j + 1] = s1;
                db[j + 2] = s2;
                db[j + 3] = s3;
            }
            for (; j < n; j++) {
                float s0 = 0;
                for (int o = j; o < m * n; o += n) {
                    s0 += gs[o];
                }
                db[j] = s0;
            }
            out[2] = Variable.of(Tensor.wrap(new FloatStorage(db), n));
        }
        return out;
    }

    /**
     * {@code C = A·B} for small operands, C contiguous [m, n], with {@code A[i][p] = a[i·ars + p·acs]}
     * and {@code B[p][j] = b[p·brs + j·bcs]}. Each element is the float sum over p ascending, from 0,
     * as the blocked kernel's. Tiles of 4×2 elements (or 1×4 in the last rows) are computed at
     * once, so several independent additions are in flight instead of one chain of dependent ones.
     */
    static void smallProduct(float[] a, int ars, int acs, float[] b, int brs, int bcs, float[] c,
                             int m, int k, int n) {
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int a0 = i * ars;
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
                for (int p = 0, ap = 0, bp = j * bcs; p < k; p++, ap += acs, bp += brs) {
                    float bv = b[bp];
                    float bw = b[bp + bcs];
                    float v0 = a[a0 + ap];
                    float v1 = a[a1 + ap];
                    float v2 = a[a2 + ap];
                    float v3 = a[a3 + ap];
                    s0 += v0 * bv;
                    s1 += v1 * bv;
                    s2 += v2 * bv;
                    s3 += v3 * bv;
                    t0 += v0 * bw;
                    t1 += v1 * bw;
                    t2 += v2 * bw;
                    t3 += v3 * bw;
                }
                c[i * n + j] = s0;
                c[(i + 1) * n + j] = s1;
                c[(i + 2) * n + j] = s2;
                c[(i + 3) * n + j] = s3;
                c[i * n + j + 1] = t0;
                c[(i + 1) * n + j + 1] = t1;
                c[(i + 2) * n + j + 1] = t2;
                c[(i + 3) * n + j + 1] = t3;
            }
            for (; j < n; j++) {
                float s0 = 0;
                float s1 = 0;
                float s2 = 0;
                float s3 = 0;
                for (int p = 0, ap = 0, bp = j * bcs; p < k; p++, ap += acs, bp += brs) {
                    float bv = b[bp];
                    s0 += a[a0 + ap] * bv;
                    s1 += a[a1 + ap] * bv;
                    s2 += a[a2 + ap] * bv;
                    s3 += a[a3 + ap] * bv;
                }
                c[i * n + j] = s0;
                c[(i + 1) * n + j] = s1;
                c[(i + 2) * n + j] = s2;
                c[(i + 3) * n + j] = s3;
            }
        }
        for (; i < m; i++) {
            int ai = i * ars;
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                float s0 = 0;
                float s1 = 0;
                float s2 = 0;
                float s3 = 0;
                for (int p = 0, ap = ai, bp = j * bcs; p < k; p++, ap += acs, bp += brs) {
                    float av = a[ap];
                    s0 += av * b[bp];
                    s1 += av * b[bp + bcs];
                    s2 += av * b[bp + 2 * bcs];
                    s3 += av * b[bp + 3 * bcs];
                }
                c[i * n + j] = s0;
                c[i * n + j + 1] = s1;
                c[i * n + j + 2] = s2;
                c[i * n + j + 3] = s3;
            }
            for (; j < n; j++) {
                float s0 = 0;
                for (int p = 0, ap = ai, bp = j * bcs; p < k; p++, ap += acs, bp += brs) {
                    s0 += a[ap] * b[bp];
                }
                c[i * n + j] = s0;
            }
        }
    }

    private static boolean allFloat32(Tensor[] in) {
        for (Tensor t : in) {
            if (!float32(t)) {
                return false;
            }
        }
        return true;
    }

    private static boolean float32(Tensor t) {
        return t.dtype() == DType.FLOAT32;
    }

    /** The elements of a float32 tensor in row-major order: its own array when contiguous from 0. */
    private static float[] data(Tensor t) {
        Tensor c = t.contiguous();
        float[] a = ((FloatStorage) c.storage()).data();
        if (c.offset() == 0 && a.length == c.numel()) {
            return a;
        }
        return c.toFloatArray();
    }
}
