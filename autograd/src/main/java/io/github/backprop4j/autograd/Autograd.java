package io.github.backprop4j.autograd;

import io.github.backprop4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Gradients without side effects, like {@code torch.autograd.grad}. */
public final class Autograd {
    private Autograd() {
    }

    /**
     * The gradients of {@code outputs} (seeded with {@code gradOutputs}, or ones for scalars when
     * null) with respect to {@code inputs}; nothing accumulates into {@code .grad}. An input that
     * the outputs do not depend on gets null.
     *
     * @param outputs the results to differentiate
     * @param inputs the variables to differentiate with respect to
     * @param gradOutputs one seed per output, shaped like it; or null when every output has one
     *        element, to seed each with 1
     * @param options whether to retain the graph or create the graph of the gradients (then they
     *        can be differentiated again), and a listener
     * @return Σₖ gradOutputₖᵀ·∂outputₖ/∂inputᵢ for each input, in {@code inputs}' order, or null
     *         for an input no output depends on
     * @throws IllegalArgumentException if {@code gradOutputs} is null and an output has more than
     *         one element
     * @throws IllegalStateException if an output does not require a gradient, a seed has the
     *         wrong shape, or the graph was already released
     */
    public static @Nullable Variable[] grad(List<Variable> outputs, List<Variable> inputs,
                                            @Nullable List<Variable> gradOutputs, BackwardOptions options) {
        List<Variable> seeds = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            if (gradOutputs != null) {
                seeds.add(gradOutputs.get(i));
            } else {
                Tensor v = outputs.get(i).value();
                if (v.numel() != 1) {
                    throw new IllegalArgumentException("grad can be implicitly created only for scalar outputs"
                            + " (output " + i + " has shape " + v.shape() + ")");
                }
                seeds.add(Variable.of(v.onesLike()));
            }
        }
        return Engine.run(outputs, seeds, inputs.toArray(new Variable[0]), options.engineOptions());
    }

    /**
     * The gradient of a scalar {@code output} with respect to each of {@code inputs}, with default
     * options (the graph is released).
     *
     * @param output a one-element result
     * @param inputs the variables to differentiate with respect to
     * @return ∂output/∂inputᵢ for each input, or null for an input it does not depend on
     * @throws IllegalArgumentException if {@code output} has more than one element
     * @throws IllegalStateException if {@code output} does not require a gradient
     */
    public static @Nullable Variable[] grad(Variable output, Variable... inputs) {
        return grad(List.of(output), List.of(inputs), null, BackwardOptions.DEFAULT);
    }
}
