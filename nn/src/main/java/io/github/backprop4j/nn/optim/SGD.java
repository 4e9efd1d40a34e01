package io.github.backprop4j.nn.optim;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.RawKernels;
import io.github.backprop4j.tensor.Tensor;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Stochastic gradient descent with PyTorch's update rule ({@code torch.optim.SGD}). For each
 * parameter p with gradient ∇, at step t:
 *
 * <pre>
 * g = ∇ + weight_decay·p
 * if momentum ≠ 0:
 *     b = g                                  (t = 1)
 *     b = momentum·b + (1 − dampening)·g     (t &gt; 1)
 *     g = g + momentum·b    if nesterov, else   g = b
 * p = p − lr·g
 * </pre>
 */
public final class SGD extends Optimizer {
    private final Options options;
    private final @Nullable Tensor[] momentumBuffers;

    /**
     * Hyper-parameters; PyTorch's defaults except the learning rate, which has none. Start from
     * {@link #lr(double)} and change one at a time:
     * {@code SGD.Options.lr(0.1).momentum(0.9).nesterov(true)}.
     *
     * @param lr the learning rate, ≥ 0
     * @param momentum the momentum factor, ≥ 0 (default 0: no momentum buffer)
     * @param dampening the fraction of the gradient held back from the momentum buffer (default 0)
     * @param weightDecay the L2 penalty factor added to the gradient, ≥ 0 (default 0)
     * @param nesterov whether to use Nesterov momentum (default {@code false})
     */
    public record Options(double lr, double momentum, double dampening, double weightDecay, boolean nesterov) {
        /**
         * Checks the hyper-parameters as {@code torch.optim.SGD} does.
         *
         * @param lr the learning rate
         * @param momentum the momentum factor
         * @param dampening the dampening of the momentum buffer
         * @param weightDecay the L2 penalty factor
         * @param nesterov whether to use Nesterov momentum
         * @throws IllegalArgumentException for a negative or NaN learning rate, momentum or weight
         *     decay, or Nesterov momentum without a positive momentum and zero dampening
         */
        public Options {
            if (!(lr >= 0)) {
                throw new IllegalArgumentException("SGD: Invalid learning rate: " + lr);
            }
            if (!(momentum >= 0)) {
                throw new IllegalArgumentException("SGD: Invalid momentum value: " + momentum);
            }
            if (!(weightDecay >= 0)) {
                throw new IllegalArgumentException("SGD: Invalid weight_decay value: " + weightDecay);
            }
            if (nesterov && (momentum <= 0 || dampening != 0)) {
                throw new IllegalArgumentException("SGD: Nesterov momentum requires a momentum and zero dampening"
                        + " (momentum=" + momentum + ", dampening=" + dampening + ")");
            }
        }

        /**
         * Plain SGD with learning rate {@code lr}: no momentum, dampening or weight decay.
         *
         * @param lr the learning rate, ≥ 0
         * @return the options, PyTorch's defaults but {@code lr}
         * @throws IllegalArgumentException if {@code lr} is negative or NaN
         */
        public static Options lr(double lr) {
            return new Options(lr, 0, 0, 0, false);
        }

        /**
         * These options with another momentum.
         *
         * @param value the momentum factor, ≥ 0
         * @return a copy with {@code momentum = value}
         * @throws IllegalArgumentException if the result is invalid (see {@link Options})
         */
        public Options momentum(double value) {
            return new Options(lr, value, dampening, weightDecay, nesterov);
        }

        /**
         * These options with another dampening.
         *
         * @param value the dampening of the momentum buffer
         * @return a copy with {@code dampening = value}
         * @throws IllegalArgumentException if the result is invalid (see {@link Options})
         */
        public Options dampening(double value) {
            return new Options(lr, momentum, value, weightDecay, nesterov);
        }

        /**
         * These options with another weight decay.
         *
         * @param value the L2 penalty factor, ≥ 0
         * @return a copy with {@code weightDecay = value}
         * @throws IllegalArgumentException if the result is invalid (see {@link Options})
         */
        public Options weightDecay(double value) {
            return new Options(lr, momentum, dampening, value, nesterov);
        }

        /**
         * These options with or without Nesterov momentum.
         *
         * @param value whether to use Nesterov momentum
         * @return a copy with {@code nesterov = value}
         * @throws IllegalArgumentException if the result is invalid (see {@link Options})
         */
        public Options nesterov(boolean value) {
            return new Options(lr, momentum, dampening, weightDecay, value);
        }
    }

    /**
     * Plain SGD, {@code p = p − lr·∇}, as {@code torch.optim.SGD(params, lr=lr)}.
     *
     * @param params the parameters to update, usually {@code model.parameters()}
     * @param lr the learning rate
     * @throws IllegalArgumentException for an empty or repeated parameter list, a parameter that
     *     is not a leaf requiring grad, or a negative learning rate
     */
    public SGD(Iterable<Variable> params, double lr) {
        this(params, Options.lr(lr));
    }

    /**
     * SGD with the given hyper-parameters.
     *
     * @param params the parameters to update, usually {@code model.parameters()}
     * @param options the learning rate, momentum, dampening, weight decay and Nesterov flag
     * @throws IllegalArgumentException for an empty or repeated parameter list or a parameter
     *     that is not a leaf requiring grad
     */
    public SGD(Iterable<Variable> params, Options options) {
        super("SGD", params, options.lr());
        this.options = options;
        this.momentumBuffers = new Tensor[parameters().size()];
    }

    /**
     * The hyper-parameters given at construction. The learning rate in them is the initial one;
     * {@link #lr()} is the current one, which a scheduler may have changed.
     *
     * @return the options
     */
    public Options options() {
        return options;
    }

    @Override
    protected Tensor update(int index, Tensor param, Tensor grad) {
        if (options.weightDecay() == 0 && options.momentum() == 0 && isPlainFloat32(param, grad)) {
            return minusScaled(param, grad, (float) lr());
        }
        Tensor g = options.weightDecay() != 0 ? grad.plus(param.times(options.weightDecay())) : grad;
        if (options.momentum() != 0) {
            Tensor previous = momentumBuffers[index];
            Tensor buffer = previous == null ? g
                    : previous.times(options.momentum()).plus(g.times(1 - options.dampening()));
            momentumBuffers[index] = buffer;
            g = options.nesterov() ? g.plus(buffer.times(options.momentum())) : buffer;
        }
        return param.minus(g.times(lr()));
    }

    @Override
    protected Map<String, Tensor> parameterState(int index) {
        Tensor buffer = momentumBuffers[index];
        return buffer == null ? Map.of() : Map.of("momentum_buffer", buffer);
    }

    @Override
    protected void loadParameterState(int index, Map<String, Tensor> state, Tensor param) {
        momentumBuffers[index] = state.isEmpty() ? null : stateTensor(state, "momentum_buffer", param);
    }

    /** True for contiguous float32 tensors of the same shape, which {@link #minusScaled} reads directly. */
    private static boolean isPlainFloat32(Tensor param, Tensor grad) {
        return param.dtype() == DType.FLOAT32 && grad.dtype() == DType.FLOAT32 && param.isContiguous()
                && grad.isContiguous() && param.shape().equals(grad.shape());
    }

    /**
     * {@code p − lr·g} into new storage, rounding as {@code param.minus(grad.times(lr))} does: the
     * product is rounded to float, then the difference, in one pass of the active float kernels
     * ({@link RawKernels#subtractScaled}).
     */
    private static Tensor minusScaled(Tensor param, Tensor grad, float lr) {
        float[] out = new float[param.numel()];
        RawKernels.subtractScaled(RawKernels.floats(param), param.offset(), lr, RawKernels.floats(grad), grad.offset(),
                out, 0, out.length);
        return RawKernels.wrapFloats(out, param.shape().toArray());
    }
}
