package io.github.backprop4j.losses;

import io.github.backprop4j.autograd.Variable;

/**
 * A loss configured once and applied many times, as a {@code torch.nn} loss module:
 *
 * <pre>{@code
 * Loss loss = new CrossEntropyLoss(LossOptions.defaults().withLabelSmoothing(0.1));
 * Variable l = loss.apply(logits, targets);
 * l.backward();
 * }</pre>
 */
public sealed interface Loss permits CrossEntropyLoss, NLLLoss, BCELoss, BCEWithLogitsLoss, MultiLabelSoftMarginLoss {
    /** The options this loss was configured with. */
    LossOptions options();

    /** The loss of {@code input} against {@code target}. */
    Variable apply(Variable input, Variable target);

    /** The forward steps and the backward formula of this loss on these values, with the numbers. */
    Explanation explain(Variable input, Variable target);

    /** PyTorch's name of the op, e.g. {@code cross_entropy}. */
    String opName();
}
