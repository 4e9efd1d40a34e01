package io.github.backprop4j.nn.optim;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Gradient clipping, as {@code torch.nn.utils.clip_grad_norm_}. */
public final class ClipGrad {
    private ClipGrad() {
    }

    /**
     * Scales the gradients of {@code params} together so that their total 2-norm is at most
     * {@code maxNorm}; see {@link #clipGradNorm(Iterable, double, double)}.
     *
     * @param params the parameters whose gradients to clip, usually {@code model.parameters()}
     * @param maxNorm the largest total 2-norm allowed, ≥ 0
     * @return the total 2-norm before clipping (0 when no parameter has a gradient)
     * @throws IllegalArgumentException if {@code maxNorm} is negative or NaN
     */
    public static double clipGradNorm(Iterable<Variable> params, double maxNorm) {
        return clipGradNorm(params, maxNorm, 2.0);
    }

    /**
     * Computes the total norm of the gradients, as if all were concatenated into one vector:
     * {@code total = ‖(‖∇₁‖ₚ, ‖∇₂‖ₚ, ...)‖ₚ} (for p = ∞, the largest |element|). When
     * {@code total > maxNorm}, every gradient is multiplied by {@code maxNorm / (total + 1e-6)},
     * as PyTorch does; otherwise nothing changes (a NaN or infinite total
     * turns the gradients into NaN/0, as PyTorch's default {@code error_if_nonfinite=False}).
     * Parameters without a gradient are ignored. Clipping replaces each gradient with a new
     * tensor; call it between {@code loss.backward()} and {@code optimizer.step()}.
     *
     * @param params the parameters whose gradients to clip, usually {@code model.parameters()}
     * @param maxNorm the largest total norm allowed, ≥ 0
     * @param normType p ≥ 1, or {@link Double#POSITIVE_INFINITY}
     * @return the total norm before clipping (0 when no parameter has a gradient)
     * @throws IllegalArgumentException if {@code normType} is below 1 or NaN, or {@code maxNorm}
     *     is negative or NaN
     */
    public static double clipGradNorm(Iterable<Variable> params, double maxNorm, double normType) {
        if (!(normType >= 1)) {
            throw new IllegalArgumentException("clip_grad_norm_: norm_type must be >= 1 (or infinity), got " + normType);
        }
        if (!(maxNorm >= 0)) {
            throw new IllegalArgumentException("clip_grad_norm_: max_norm must be >= 0, got " + maxNorm);
        }
        List<Variable> withGrad = new ArrayList<>();
        List<Tensor> grads = new ArrayList<>();
        for (Variable p : params) {
            Variable g = p.grad();
            if (g != null) {
                withGrad.add(p);
                grads.add(g.value());
            }
        }
        if (grads.isEmpty()) {
            return 0.0;
        }
        double[] norms = new double[grads.size()];
        for (int i = 0; i < norms.length; i++) {
            norms[i] = norm(grads.get(i).to(DType.FLOAT64).toDoubleArray(), normType);
        }
        double total = norm(norms, normType);
        double coefficient = maxNorm / (total + 1e-6);
        if (!(coefficient >= 1)) { // a NaN total spreads to the gradients, as in PyTorch
            for (int i = 0; i < grads.size(); i++) {
                withGrad.get(i).setGrad(Variable.of(grads.get(i).times(coefficient)));
            }
        }
        return total;
    }

    /** ‖x‖ₚ = (Σ|xᵢ|ᵖ)^(1/p); max |xᵢ| for p = ∞; √(Σxᵢ²) for p = 2. */
    static double norm(double[] x, double p) {
        double acc = 0;
        for (double v : x) {
            double a = Math.abs(v);
            if (p == Double.POSITIVE_INFINITY) {
                acc = Math.max(acc, a);
            } else if (p == 2) {
                acc += a * a;
            } else if (p == 1) {
                acc += a;
            } else {
                acc += Math.pow(a, p);
            }
        }
        if (p == Double.POSITIVE_INFINITY || p == 1) {
            return acc;
        }
        return p == 2 ? Math.sqrt(acc) : Math.pow(acc, 1 / p);
    }
}
