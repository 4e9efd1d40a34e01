package io.github.backprop4j.nn.optim;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.RawKernels;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * {@link Adam}'s update of one float32 parameter in a single loop over raw arrays, with no
 * temporary tensors. Every operation rounds to float32 in the order of the tensor formula
 * (PyTorch's {@code _single_tensor_adam}), so the bits are those of
 *
 * <pre>
 * g = ∇ + p·wd                   or, decoupled (AdamW):   p = p·(1 − lr·wd)
 * m = m·β₁ + g·(1 − β₁)
 * v = v·β₂ + (g·g)·(1 − β₂)
 * v̂ = max(v̂, v) if amsgrad, else v
 * p = p − (m / (√v̂ / c₂ + ε))·s      with s = lr / (1 − β₁ᵗ), c₂ = √(1 − β₂ᵗ)
 * </pre>
 *
 * <p>where every scalar is rounded to float32 first, as a tensor's scalar operand is.
 */
final class FusedAdam {
    private FusedAdam() {
    }

    /**
     * The moments m, v (and v̂ for AMSGrad) of one parameter, updated in place; copies in and out
     * of tensors for {@link Adam}'s state dict.
     */
    static final class State {
        final float[] mean;
        final float[] squares;
        final float[] maxSquares;

        /** Starts from the given moments (zeros for a first step); {@code maxSquares} null unless AMSGrad. */
        State(Tensor mean, Tensor squares, @Nullable Tensor maxSquares) {
            this.mean = copy(mean);
            this.squares = copy(squares);
            this.maxSquares = maxSquares == null ? this.squares : copy(maxSquares);
        }

        Tensor mean(int... shape) {
            return RawKernels.wrapFloats(mean.clone(), shape);
        }

        Tensor squares(int... shape) {
            return RawKernels.wrapFloats(squares.clone(), shape);
        }

        Tensor maxSquares(int... shape) {
            return RawKernels.wrapFloats(maxSquares.clone(), shape);
        }

        private static float[] copy(Tensor t) {
            return t.to(DType.FLOAT32).contiguous().toFloatArray();
        }
    }

    /** The new value of {@code param} after step {@code t}; updates {@code state}. */
    static Tensor step(State state, Tensor param, Tensor grad, Adam.Options o, double lr,
                       boolean decoupledWeightDecay, int t) {
        Tensor pc = param.contiguous();
        Tensor gc = grad.contiguous();
        float[] p = RawKernels.floats(pc);
        float[] g = RawKernels.floats(gc);
        int po = pc.offset();
        int go = gc.offset();
        double wd = o.weightDecay();
        float l2 = !decoupledWeightDecay ? (float) wd : 0f;
        float shrink = decoupledWeightDecay ? (float) (1 - lr * wd) : 1f;
        float b1 = (float) o.beta1();
        float b2 = (float) o.beta2();
        float oneMinusB1 = (float) (1 - o.beta1());
        float oneMinusB2 = (float) (1 - o.beta2());
        float stepSize = (float) (lr / (1 - Math.pow(o.beta1(), t)));
        float correction2 = (float) Math.sqrt(1 - Math.pow(o.beta2(), t));
        float eps = (float) o.eps();
        boolean amsgrad = o.amsgrad();
        float[] m = state.mean;
        float[] v = state.squares;
        float[] vMax = state.maxSquares;
        float[] out = new float[m.length];
        for (int i = 0; i < out.length; i++) {
            float pi = p[po + i];
            float gi = g[go + i];
            if (wd != 0) {
                if (decoupledWeightDecay) {
                    pi = pi * shrink;
                } else {
                    gi = gi + pi * l2;
                }
            }
            m[i] = m[i] * b1 + gi * oneMinusB1;
            v[i] = v[i] * b2 + (gi * gi) * oneMinusB2;
            float vi = v[i];
            if (amsgrad) {
                vi = vMax[i] = Math.max(vMax[i], vi);
            }
            float denominator = (float) Math.sqrt(vi) / correction2 + eps;
            out[i] = pi - (m[i] / denominator) * stepSize;
        }
        return RawKernels.wrapFloats(out, param.shape().toArray());
    }
}
