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

    /** Hyper-parameters; PyTorch's defaults except the learning rate, which has none. */
    public record Options(double lr, double momentum, double dampening, double weightDecay, boolean nesterov) {
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

        /** Plain SGD with learning rate {@code lr}: no momentum, dampening or weight decay. */
        public static Options lr(double lr) {
            return new Options(lr, 0, 0, 0, false);
        }

        public Options momentum(double value) {
            return new Options(lr, value, dampening, weightDecay, nesterov);
        }

        public Options dampening(double value) {
            return new Options(lr, momentum, value, weightDecay, nesterov);
        }

        public Options weightDecay(double value) {
            return new Options(lr, momentum, dampening, value, nesterov);
        }

        public Options nesterov(boolean value) {
            return new Options(lr, momentum, dampening, weightDecay, value);
        }
    }

    /** Plain SGD. */
    public SGD(Iterable<Variable> params, double lr) {
        this(params, Options.lr(lr));
    }

    public SGD(Iterable<Variable> params, Options options) {
        super("SGD", params, options.lr());
        this.options = options;
        this.momentumBuffers = new Tensor[parameters().size()];
    }

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
     * {@code p − lr·g} in one pass into new storage, rounding as {@code param.minus(grad.times(lr))}
     * does: the product is rounded to float, then the difference.
     */
    private static Tensor minusScaled(Tensor param, Tensor grad, float lr) {
        float[] p = RawKernels.floats(param);
        float[] g = RawKernels.floats(grad);
        int po = param.offset();
        int go = grad.offset();
        float[] out = new float[param.numel()];
        for (int i = 0; i < out.length; i++) {
            float step = g[go + i] * lr;
            out[i] = p[po + i] - step;
        }
        return RawKernels.wrapFloats(out, param.shape().toArray());
    }
}
