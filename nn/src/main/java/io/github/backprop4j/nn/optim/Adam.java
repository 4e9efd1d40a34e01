package io.github.backprop4j.nn.optim;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Adam with PyTorch's update rule ({@code torch.optim.Adam}). For each parameter p with gradient
 * ∇, at step t = 1, 2, ...:
 *
 * <pre>
 * g = ∇ + weight_decay·p                     (L2 penalty added to the gradient)
 * m = β₁·m + (1 − β₁)·g                      (m, v start at 0)
 * v = β₂·v + (1 − β₂)·g²
 * v̂ = max(v̂, v) if amsgrad, else v
 * p = p − lr / (1 − β₁ᵗ) · m / (√v̂ / √(1 − β₂ᵗ) + ε)
 * </pre>
 *
 * <p>{@link AdamW} is the same rule with the weight decay decoupled from the gradient.
 */
public class Adam extends Optimizer {
    private final Options options;
    private final boolean decoupledWeightDecay;
    private final @Nullable Moments[] moments;

    /**
     * Hyper-parameters, with PyTorch's defaults (β₁ 0.9, β₂ 0.999, ε 1e-8, no weight decay, no
     * AMSGrad). Start from {@link #lr(double)} and change one at a time:
     * {@code Adam.Options.lr(1e-3).betas(0.9, 0.98)}.
     *
     * @param lr the learning rate, ≥ 0
     * @param beta1 β₁, the decay of the gradient's running mean m, in [0, 1)
     * @param beta2 β₂, the decay of the squared gradient's running mean v, in [0, 1)
     * @param eps ε, added to the denominator for stability, ≥ 0
     * @param weightDecay the weight decay factor, ≥ 0: an L2 term in {@link Adam}, a decoupled
     *     shrink in {@link AdamW}
     * @param amsgrad whether to divide by the running maximum of v (AMSGrad)
     */
    public record Options(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
        /**
         * Checks the hyper-parameters as {@code torch.optim.Adam} does.
         *
         * @param lr the learning rate
         * @param beta1 β₁, the decay of the gradient's running mean
         * @param beta2 β₂, the decay of the squared gradient's running mean
         * @param eps ε, added to the denominator
         * @param weightDecay the weight decay factor
         * @param amsgrad whether to use AMSGrad
         * @throws IllegalArgumentException for a negative or NaN learning rate, ε or weight decay,
         *     or a β outside [0, 1)
         */
        public Options {
            if (!(lr >= 0)) {
                throw new IllegalArgumentException("Adam: Invalid learning rate: " + lr);
            }
            if (!(eps >= 0)) {
                throw new IllegalArgumentException("Adam: Invalid epsilon value: " + eps);
            }
            if (!(beta1 >= 0 && beta1 < 1)) {
                throw new IllegalArgumentException("Adam: Invalid beta parameter at index 0: " + beta1);
            }
            if (!(beta2 >= 0 && beta2 < 1)) {
                throw new IllegalArgumentException("Adam: Invalid beta parameter at index 1: " + beta2);
            }
            if (!(weightDecay >= 0)) {
                throw new IllegalArgumentException("Adam: Invalid weight_decay value: " + weightDecay);
            }
        }

        /**
         * PyTorch's Adam defaults with learning rate {@code lr} (PyTorch's default is 1e-3).
         *
         * @param lr the learning rate, ≥ 0
         * @return the options, PyTorch's defaults but {@code lr}
         * @throws IllegalArgumentException if {@code lr} is negative or NaN
         */
        public static Options lr(double lr) {
            return new Options(lr, 0.9, 0.999, 1e-8, 0, false);
        }

        /**
         * These options with other decay rates, as PyTorch's {@code betas=(beta1, beta2)}.
         *
         * @param beta1 β₁, in [0, 1)
         * @param beta2 β₂, in [0, 1)
         * @return a copy with the new betas
         * @throws IllegalArgumentException if either is outside [0, 1)
         */
        public Options betas(double beta1, double beta2) {
            return new Options(lr, beta1, beta2, eps, weightDecay, amsgrad);
        }

        /**
         * These options with another ε.
         *
         * @param value ε, ≥ 0
         * @return a copy with {@code eps = value}
         * @throws IllegalArgumentException if {@code value} is negative or NaN
         */
        public Options eps(double value) {
            return new Options(lr, beta1, beta2, value, weightDecay, amsgrad);
        }

        /**
         * These options with another weight decay.
         *
         * @param value the weight decay factor, ≥ 0
         * @return a copy with {@code weightDecay = value}
         * @throws IllegalArgumentException if {@code value} is negative or NaN
         */
        public Options weightDecay(double value) {
            return new Options(lr, beta1, beta2, eps, value, amsgrad);
        }

        /**
         * These options with or without AMSGrad.
         *
         * @param value whether to use AMSGrad
         * @return a copy with {@code amsgrad = value}
         */
        public Options amsgrad(boolean value) {
            return new Options(lr, beta1, beta2, eps, weightDecay, value);
        }
    }

    /**
     * The running state of one parameter: tensors, or for a float32 parameter the raw arrays that
     * {@link FusedAdam} updates in place.
     */
    private static final class Moments {
        int step;
        Tensor mean;
        Tensor squares;
        Tensor maxSquares;
        FusedAdam.@Nullable State fused;

        Moments(Tensor zeros) {
            mean = zeros;
            squares = zeros;
            maxSquares = zeros;
        }
    }

    /**
     * Adam with PyTorch's defaults and learning rate {@code lr}.
     *
     * @param params the parameters to update, usually {@code model.parameters()}
     * @param lr the learning rate
     * @throws IllegalArgumentException for an empty or repeated parameter list, a parameter that
     *     is not a leaf requiring grad, or a negative learning rate
     */
    public Adam(Iterable<Variable> params, double lr) {
        this(params, Options.lr(lr));
    }

    /**
     * Adam with the given hyper-parameters.
     *
     * @param params the parameters to update, usually {@code model.parameters()}
     * @param options the learning rate, betas, ε, weight decay and AMSGrad flag
     * @throws IllegalArgumentException for an empty or repeated parameter list or a parameter
     *     that is not a leaf requiring grad
     */
    public Adam(Iterable<Variable> params, Options options) {
        this("Adam", params, options, false);
    }

    Adam(String name, Iterable<Variable> params, Options options, boolean decoupledWeightDecay) {
        super(name, params, options.lr());
        this.options = options;
        this.decoupledWeightDecay = decoupledWeightDecay;
        this.moments = new Moments[parameters().size()];
    }

    /**
     * The hyper-parameters given at construction. The learning rate in them is the initial one;
     * {@link #lr()} is the current one, which a scheduler may have changed.
     *
     * @return the options
     */
    public final Options options() {
        return options;
    }

    /** PyTorch's names: {@code step}, {@code exp_avg}, {@code exp_avg_sq} (and {@code max_exp_avg_sq} with AMSGrad). */
    @Override
    protected final Map<String, Tensor> parameterState(int index) {
        Moments s = moments[index];
        if (s == null) {
            return Map.of();
        }
        if (s.fused != null) {
            int[] shape = parameters().get(index).shape().toArray();
            s.mean = s.fused.mean(shape);
            s.squares = s.fused.squares(shape);
            s.maxSquares = s.fused.maxSquares(shape);
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put("step", Tensor.scalar(s.step, DType.FLOAT64));
        out.put("exp_avg", s.mean);
        out.put("exp_avg_sq", s.squares);
        if (options.amsgrad()) {
            out.put("max_exp_avg_sq", s.maxSquares);
        }
        return out;
    }

    @Override
    protected final void loadParameterState(int index, Map<String, Tensor> state, Tensor param) {
        if (state.isEmpty()) {
            moments[index] = null;
            return;
        }
        Tensor step = state.get("step");
        if (step == null || step.numel() != 1) {
            throw new IllegalArgumentException("Adam: state of parameter " + index + " lacks a step count");
        }
        Moments s = new Moments(param.zerosLike());
        s.step = (int) step.item();
        s.mean = stateTensor(state, "exp_avg", param);
        s.squares = stateTensor(state, "exp_avg_sq", param);
        s.maxSquares = options.amsgrad() ? stateTensor(state, "max_exp_avg_sq", param) : s.maxSquares;
        moments[index] = s;
    }

    @Override
    protected final Tensor update(int index, Tensor param, Tensor grad) {
        if (moments[index] == null) {
            moments[index] = new Moments(param.zerosLike());
        }
        Moments s = moments[index];
        s.step++;
        double lr = lr();
        double wd = options.weightDecay();
        if (param.dtype() == DType.FLOAT32) {
            if (s.fused == null) {
                s.fused = new FusedAdam.State(s.mean, s.squares, options.amsgrad() ? s.maxSquares : null);
            }
            return FusedAdam.step(s.fused, param, grad, options, lr, decoupledWeightDecay, s.step);
        }
        Tensor p = param;
        Tensor g = grad;
        if (wd != 0) {
            if (decoupledWeightDecay) {
                p = p.times(1 - lr * wd);
            } else {
                g = g.plus(p.times(wd));
            }
        }
        double b1 = options.beta1();
        double b2 = options.beta2();
        s.mean = s.mean.times(b1).plus(g.times(1 - b1));
        s.squares = s.squares.times(b2).plus(g.times(g).times(1 - b2));
        Tensor v = s.squares;
        if (options.amsgrad()) {
            s.maxSquares = s.maxSquares.maximum(s.squares);
            v = s.maxSquares;
        }
        double stepSize = lr / (1 - Math.pow(b1, s.step));
        double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(b2, s.step));
        Tensor denominator = v.sqrt().div(biasCorrection2Sqrt).plus(options.eps());
        return p.minus(s.mean.div(denominator).times(stepSize));
    }
}
