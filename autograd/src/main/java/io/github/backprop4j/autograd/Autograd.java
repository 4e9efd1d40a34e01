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

    /** The gradient of a scalar {@code output} with respect to each of {@code inputs}. */
    public static @Nullable Variable[] grad(Variable output, Variable... inputs) {
        return grad(List.of(output), List.of(inputs), null, BackwardOptions.DEFAULT);
    }
}
