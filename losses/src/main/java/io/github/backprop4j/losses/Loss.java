package io.github.backprop4j.losses;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.internal.Checks;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * A loss configured once and applied many times, as a {@code torch.nn} loss module:
 *
 * <pre>{@code
 * Loss loss = new CrossEntropyLoss(LossOptions.defaults().withLabelSmoothing(0.1));
 * Variable l = loss.apply(logits, targets);
 * l.backward();
 * }</pre>
 *
 * A loss is one PyTorch op with its options. Options the op does not have are rejected when the
 * loss is made, unless left at their defaults. The functions of {@link Losses} make a loss and
 * apply it; each loss's file holds what is its own: the validation of its arguments, its fused
 * node with its closed-form backward, and its {@link #explain explanation}.
 */
public abstract sealed class Loss permits CrossEntropyLoss, NLLLoss, BinaryCrossEntropyLoss,
        MultiLabelSoftMarginLoss {
    private final LossKind kind;
    private final LossOptions options;

    /** Options {@code kind} does not have must be at their defaults. */
    Loss(LossKind kind, LossOptions options) {
        Checks.rejectUnsupported(kind.pytorchName(), options, kind.options());
        this.kind = kind;
        this.options = options;
    }

    /**
     * Which loss this is, in the catalogue.
     *
     * @return the catalogue entry, such as {@link LossKind#CROSS_ENTROPY}
     */
    public final LossKind kind() {
        return kind;
    }

    /**
     * The options this loss was configured with.
     *
     * @return the options given to the constructor
     */
    public final LossOptions options() {
        return options;
    }

    /**
     * PyTorch's name of the op, e.g. {@code cross_entropy}: the prefix of this loss's
     * {@link LossException} messages.
     *
     * @return the {@code torch.nn.functional} name
     */
    public final String opName() {
        return kind.pytorchName();
    }

    /**
     * The loss of {@code input} against {@code target}, weighted by {@code options().weight()} if
     * set, as calling the {@code torch.nn} module. The arguments are checked in PyTorch's order;
     * the result is one graph node whose backward is the loss's closed-form gradient.
     *
     * @param input the prediction (logits, log-probabilities or probabilities, by loss), floating
     * @param target what the prediction is scored against: class indices or labels (int64) or
     *        probabilities (floating), by loss
     * @return the loss: 0-d for {@link Reduction#MEAN} and {@link Reduction#SUM}, per element or
     *         per sample for {@link Reduction#NONE}
     * @throws LossException for bad input (shapes, dtypes, out-of-range targets, a weight that
     *         requires a gradient where PyTorch cannot differentiate it), with PyTorch's message
     */
    public final Variable apply(Variable input, Variable target) {
        Tensor w = options.weight();
        return compute(input, target, w == null ? null : Variable.of(w));
    }

    /**
     * {@link #apply(Variable, Variable)} with a target that needs no gradient, as class indices or
     * labels.
     *
     * @param input the prediction, floating
     * @param target the target, a constant
     * @return the loss, reduced as {@code options().reduction()} says
     * @throws LossException for bad input, with PyTorch's message
     */
    public final Variable apply(Variable input, Tensor target) {
        return apply(input, Variable.of(target));
    }

    /**
     * Same as {@link #apply(Variable, Variable)}; lets Kotlin write {@code lossFn(output, target)}.
     *
     * @param input the prediction, floating
     * @param target the target
     * @return the loss, reduced as {@code options().reduction()} says
     * @throws LossException for bad input, with PyTorch's message
     */
    public final Variable invoke(Variable input, Variable target) {
        return apply(input, target);
    }

    /**
     * Same as {@link #apply(Variable, Tensor)}; lets Kotlin write {@code lossFn(output, labels)}.
     *
     * @param input the prediction, floating
     * @param target the target, a constant
     * @return the loss, reduced as {@code options().reduction()} says
     * @throws LossException for bad input, with PyTorch's message
     */
    public final Variable invoke(Variable input, Tensor target) {
        return apply(input, target);
    }

    /**
     * The forward steps and the backward formula of this loss on these values, with the numbers:
     * what {@code ./backprop4j explain} prints.
     *
     * @param input the prediction, floating
     * @param target the target
     * @return the text, and the largest difference between the closed-form gradient it shows and
     *         the one autograd computed
     * @throws LossException for bad input, as {@link #apply(Variable, Variable)} would throw
     */
    public abstract Explanation explain(Variable input, Variable target);

    /**
     * Validates the arguments in PyTorch's order, then records the loss's fused node. {@code weight}
     * takes the place of {@code options().weight()}, which is not read.
     */
    abstract Variable compute(Variable input, Variable target, @Nullable Variable weight);
}
