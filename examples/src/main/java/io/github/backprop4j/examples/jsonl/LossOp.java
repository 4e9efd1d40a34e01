package io.github.backprop4j.examples.jsonl;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.LossOptions;
import io.github.backprop4j.losses.Losses;
import io.github.backprop4j.tensor.Tensor;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ops of {@code loss --jsonl}, named as in {@code torch.nn.functional}, with the options
 * each one accepts (PyTorch rejects any other keyword, and so does this program).
 */
public enum LossOp {
    LOG_SOFTMAX(false, "dim"),
    SOFTMAX(false, "dim"),
    NLL_LOSS(true, "weight", "ignore_index", "reduction", "size_average", "reduce"),
    CROSS_ENTROPY(true, "weight", "ignore_index", "reduction", "label_smoothing", "size_average", "reduce"),
    BINARY_CROSS_ENTROPY(true, "weight", "reduction", "size_average", "reduce"),
    BINARY_CROSS_ENTROPY_WITH_LOGITS(true, "weight", "reduction", "pos_weight", "size_average", "reduce"),
    MULTILABEL_SOFT_MARGIN_LOSS(true, "weight", "reduction", "size_average", "reduce");

    private final boolean takesTarget;
    private final Set<String> options;

    LossOp(boolean takesTarget, String... options) {
        this.takesTarget = takesTarget;
        this.options = Set.of(options);
    }

    /** The op called {@code name} in requests, e.g. {@code cross_entropy}. */
    public static LossOp parse(String name) {
        for (LossOp op : values()) {
            if (op.jsonName().equals(name)) {
                return op;
            }
        }
        throw new RequestException("unknown op '" + name + "' (expected one of " + names() + ")");
    }

    /** All op names, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(LossOp::jsonName).collect(Collectors.joining(", "));
    }

    /** The name in requests: {@code log_softmax}, {@code cross_entropy}, ... */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the op needs a {@code target}. */
    public boolean takesTarget() {
        return takesTarget;
    }

    /** The option names it accepts. */
    public Set<String> options() {
        return options;
    }

    /**
     * Whether PyTorch differentiates with respect to this target: a floating-point target of
     * the BCE family and of the multilabel soft margin loss, and a probability target (same
     * shape as the input) of cross-entropy.
     */
    public boolean targetIsDifferentiable(Tensor input, Tensor target) {
        if (!target.dtype().isFloatingPoint()) {
            return false;
        }
        return switch (this) {
            case CROSS_ENTROPY -> target.shape().equals(input.shape());
            case BINARY_CROSS_ENTROPY, BINARY_CROSS_ENTROPY_WITH_LOGITS, MULTILABEL_SOFT_MARGIN_LOSS -> true;
            default -> false;
        };
    }

    /** Applies the op; {@code target} is ignored by the softmax ops, {@code dim} by the losses. */
    public Variable apply(Variable input, Variable target, LossOptions options, int dim) {
        return switch (this) {
            case LOG_SOFTMAX -> Losses.logSoftmax(input, dim);
            case SOFTMAX -> Losses.softmax(input, dim);
            case NLL_LOSS -> Losses.nllLoss(input, target, options);
            case CROSS_ENTROPY -> Losses.crossEntropy(input, target, options);
            case BINARY_CROSS_ENTROPY -> Losses.binaryCrossEntropy(input, target, options);
            case BINARY_CROSS_ENTROPY_WITH_LOGITS -> Losses.binaryCrossEntropyWithLogits(input, target, options);
            case MULTILABEL_SOFT_MARGIN_LOSS -> Losses.multilabelSoftMarginLoss(input, target, options);
        };
    }
}
