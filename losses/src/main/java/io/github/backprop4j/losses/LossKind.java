package io.github.backprop4j.losses;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The catalogue of losses, one entry each — the one place that lists them, as
 * {@code autograd/ops/Op.java} lists the ops. Every front end (the {@code explain} command,
 * {@code loss --jsonl}, the tests) reads this list; adding a loss is one entry here and one family
 * file.
 *
 * <pre>
 *   entry                    PyTorch name                        CLI name                 target   file
 *   LOG_SOFTMAX              log_softmax                         log-softmax              no       SoftmaxFamily
 *   SOFTMAX                  softmax                             softmax                  no       SoftmaxFamily
 *   NLL                      nll_loss                            nll                      index    NLLLoss
 *   CROSS_ENTROPY            cross_entropy                       cross-entropy            both     CrossEntropyLoss
 *   BCE                      binary_cross_entropy                bce                      prob.    BinaryCrossEntropy
 *   BCE_WITH_LOGITS          binary_cross_entropy_with_logits    bce-with-logits          prob.    BinaryCrossEntropy
 *   MULTILABEL_SOFT_MARGIN   multilabel_soft_margin_loss         multilabel-soft-margin   0/1      MultiLabelSoftMarginLoss
 * </pre>
 *
 * The {@link #options() options} are PyTorch's keyword names, including the legacy
 * {@code size_average} / {@code reduce} flags the losses still take (losses.md §1.2).
 */
public enum LossKind {
    /** {@code log_softmax}: yᵢ = xᵢ − log Σⱼ exp xⱼ along a dim; no target ({@link LogSoftmax}). */
    LOG_SOFTMAX("log_softmax", "log-softmax", false, "dim"),
    /** {@code softmax}: yᵢ = exp xᵢ / Σⱼ exp xⱼ along a dim; no target ({@link Softmax}). */
    SOFTMAX("softmax", "softmax", false, "dim"),
    /** {@code nll_loss}: −w[t]·x[t] on log-probabilities, int64 class-index target ({@link NLLLoss}). */
    NLL("nll_loss", "nll", true, "weight", "ignore_index", "reduction", "size_average", "reduce"),
    /**
     * {@code cross_entropy}: log_softmax fused with NLL on logits, class-index or probability
     * target ({@link CrossEntropyLoss}).
     */
    CROSS_ENTROPY("cross_entropy", "cross-entropy", true,
            "weight", "ignore_index", "reduction", "label_smoothing", "size_average", "reduce"),
    /** {@code binary_cross_entropy}: −(y·log x + (1 − y)·log(1 − x)) on probabilities ({@link BCELoss}). */
    BCE("binary_cross_entropy", "bce", true, "weight", "reduction", "size_average", "reduce"),
    /**
     * {@code binary_cross_entropy_with_logits}: binary cross-entropy of σ(x), computed stably from
     * the logits, with optional pos_weight ({@link BCEWithLogitsLoss}).
     */
    BCE_WITH_LOGITS("binary_cross_entropy_with_logits", "bce-with-logits", true,
            "weight", "reduction", "pos_weight", "size_average", "reduce"),
    /**
     * {@code multilabel_soft_margin_loss}: per-class binary cross-entropy on logits averaged over
     * the last dim ({@link MultiLabelSoftMarginLoss}).
     */
    MULTILABEL_SOFT_MARGIN("multilabel_soft_margin_loss", "multilabel-soft-margin", true,
            "weight", "reduction", "size_average", "reduce");

    private final String pytorchName;
    private final String cliName;
    private final boolean takesTarget;
    private final Set<String> options;

    LossKind(String pytorchName, String cliName, boolean takesTarget, String... options) {
        this.pytorchName = pytorchName;
        this.cliName = cliName;
        this.takesTarget = takesTarget;
        this.options = Set.of(options);
    }

    /**
     * PyTorch's name, as in {@code torch.nn.functional}: {@code cross_entropy}.
     *
     * @return the op name, also the prefix of its {@link LossException} messages
     */
    public String pytorchName() {
        return pytorchName;
    }

    /**
     * The name on the command line: {@code cross-entropy}.
     *
     * @return the name {@code ./backprop4j explain} and {@code loss --jsonl} use
     */
    public String cliName() {
        return cliName;
    }

    /**
     * Whether the loss needs a target (all but log_softmax and softmax).
     *
     * @return true for the losses, false for log_softmax and softmax
     */
    public boolean takesTarget() {
        return takesTarget;
    }

    /**
     * The keyword options it accepts, by PyTorch's names: {@code dim}, {@code weight},
     * {@code ignore_index}, {@code reduction}, {@code label_smoothing}, {@code pos_weight},
     * {@code size_average}, {@code reduce}. PyTorch rejects any other keyword.
     *
     * @return the accepted keyword names, unmodifiable
     */
    public Set<String> options() {
        return options;
    }

    /**
     * Whether it accepts option {@code name} (PyTorch's name, e.g. {@code label_smoothing}).
     *
     * @param name a keyword argument's name in PyTorch
     * @return whether {@link #options()} contains it
     */
    public boolean accepts(String name) {
        return options.contains(name);
    }

    /**
     * Whether PyTorch differentiates with respect to {@code target}: a floating-point target of
     * the BCE family and of the multi-label soft margin loss, and a probability target (same
     * shape as the input) of cross-entropy.
     *
     * @param input the input the loss would be applied to
     * @param target the target it would be applied with
     * @return whether the loss's backward yields a gradient for {@code target}
     */
    public boolean targetIsDifferentiable(Tensor input, Tensor target) {
        if (!target.dtype().isFloatingPoint()) {
            return false;
        }
        return switch (this) {
            case CROSS_ENTROPY -> target.shape().equals(input.shape());
            case BCE, BCE_WITH_LOGITS, MULTILABEL_SOFT_MARGIN -> true;
            case LOG_SOFTMAX, SOFTMAX, NLL -> false;
        };
    }

    /**
     * The loss object configured with {@code o}, as {@code torch.nn} would make it; empty for
     * log_softmax and softmax, which take a dim instead ({@link LogSoftmax}, {@link Softmax}).
     *
     * @param o the options; those the loss does not have must be at their defaults
     * @return the loss, or empty for {@link #LOG_SOFTMAX} and {@link #SOFTMAX}
     * @throws LossException for an option the loss does not have (unless left at its default)
     */
    public Optional<Loss> create(LossOptions o) {
        return Optional.ofNullable(switch (this) {
            case LOG_SOFTMAX, SOFTMAX -> null;
            case NLL -> new NLLLoss(o);
            case CROSS_ENTROPY -> new CrossEntropyLoss(o);
            case BCE -> new BCELoss(o);
            case BCE_WITH_LOGITS -> new BCEWithLogitsLoss(o);
            case MULTILABEL_SOFT_MARGIN -> new MultiLabelSoftMarginLoss(o);
        });
    }

    /**
     * Applies it: log_softmax and softmax along {@code dim} (they ignore {@code target} and
     * {@code o}); the losses of {@code input} against {@code target} with options {@code o}
     * (they ignore {@code dim}).
     *
     * @param input the logits, log-probabilities or probabilities, as the entry expects
     * @param target the target, or null for log_softmax and softmax
     * @param o the loss's options
     * @param dim the dim of log_softmax and softmax (negative counts from the end)
     * @return the result: the normalised input, or the loss reduced as {@code o.reduction()} says
     * @throws LossException for bad input, with PyTorch's message
     * @throws IllegalArgumentException when a loss that takes a target is given none
     */
    public Variable apply(Variable input, @Nullable Variable target, LossOptions o, int dim) {
        return switch (this) {
            case LOG_SOFTMAX -> new LogSoftmax(dim).apply(input);
            case SOFTMAX -> new Softmax(dim).apply(input);
            default -> create(o).orElseThrow().apply(input, requireTarget(pytorchName, target));
        };
    }

    /**
     * Explains it on these values (see {@link Losses#explain}): each forward step with its numbers,
     * the loss, then the closed-form gradient next to the one autograd computed.
     *
     * @param input the prediction the loss is explained on
     * @param target the target, or null for log_softmax and softmax
     * @param o the loss's options
     * @param dim the dim of log_softmax and softmax; ignored by the others
     * @return the text and the largest difference between the two gradients
     * @throws LossException for bad input, as the loss itself would throw
     * @throws IllegalArgumentException when a loss that takes a target is given none
     */
    public Explanation explain(Variable input, @Nullable Variable target, LossOptions o, int dim) {
        return switch (this) {
            case LOG_SOFTMAX -> SoftmaxFamily.explain(input, o, dim, true);
            case SOFTMAX -> SoftmaxFamily.explain(input, o, dim, false);
            default -> create(o).orElseThrow().explain(input, requireTarget("explain " + cliName, target));
        };
    }

    private static Variable requireTarget(String who, @Nullable Variable target) {
        if (target == null) {
            throw new IllegalArgumentException(who + ": a target is required");
        }
        return target;
    }

    /**
     * The entry whose CLI name is {@code name}, if any (exact match).
     *
     * @param name a CLI name such as {@code bce-with-logits}
     * @return the entry, or empty
     */
    public static Optional<LossKind> byCliName(String name) {
        return Arrays.stream(values()).filter(k -> k.cliName.equals(name)).findFirst();
    }

    /**
     * The entry whose PyTorch name is {@code name}, if any (exact match).
     *
     * @param name a PyTorch name such as {@code nll_loss}
     * @return the entry, or empty
     */
    public static Optional<LossKind> byPytorchName(String name) {
        return Arrays.stream(values()).filter(k -> k.pytorchName.equals(name)).findFirst();
    }

    /**
     * The entry called {@code name}, by CLI name or PyTorch name, case-insensitive, {@code _} and
     * {@code -} alike ({@code cross_entropy}, {@code CROSS-ENTROPY}, {@code nll_loss} all work).
     *
     * @param name the name to look up
     * @return the entry
     * @throws IllegalArgumentException {@code unknown loss 'x' (expected log-softmax, softmax, ...
     *         or multilabel-soft-margin)}
     */
    public static LossKind parse(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('_', '-');
        for (LossKind k : values()) {
            if (k.cliName.equals(n) || k.pytorchName.replace('_', '-').equals(n)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + name + "' (expected " + cliNames(", ", " or ") + ")");
    }

    /**
     * The CLI names in catalogue order, e.g. {@code log-softmax, softmax, ... and
     * multilabel-soft-margin}, for messages and usage text.
     *
     * @param separator what goes between two names, such as {@code ", "}
     * @param lastSeparator what goes before the last name instead, such as {@code " and "}
     * @return the joined names
     */
    public static String cliNames(String separator, String lastSeparator) {
        return join(Arrays.stream(values()).map(LossKind::cliName).toList(), separator, lastSeparator);
    }

    /**
     * The PyTorch names in catalogue order, joined by {@code separator}.
     *
     * @param separator what goes between two names
     * @return the joined names
     */
    public static String pytorchNames(String separator) {
        return Arrays.stream(values()).map(LossKind::pytorchName).collect(Collectors.joining(separator));
    }

    private static String join(List<String> names, String separator, String lastSeparator) {
        int last = names.size() - 1;
        return String.join(separator, names.subList(0, last)) + lastSeparator + names.get(last);
    }
}
