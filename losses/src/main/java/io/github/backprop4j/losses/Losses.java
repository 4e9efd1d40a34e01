package io.github.backprop4j.losses;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.internal.Explainer;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The losses as functions, like {@code torch.nn.functional}. Each validates its arguments in
 * PyTorch's order and fails with a {@link LossException} carrying PyTorch's message, then records
 * one fused node whose backward is written in closed form and is itself differentiable (so
 * second derivatives work). Options a loss does not have must be left at their defaults.
 *
 * <pre>{@code
 * Variable loss = Losses.crossEntropy(logits, Variable.of(Tensor.of(1L, 0L)),
 *         LossOptions.defaults().withLabelSmoothing(0.1));
 * loss.backward();
 * }</pre>
 *
 * See the loss classes ({@link CrossEntropyLoss}, {@link NLLLoss}, {@link BCELoss},
 * {@link BCEWithLogitsLoss}, {@link MultiLabelSoftMarginLoss}) for the formulas.
 */
public final class Losses {
    private Losses() {
    }

    /** log_softmax along {@code dim} (negative counts from the end); see {@link LogSoftmax}. */
    public static Variable logSoftmax(Variable input, int dim) {
        return new LogSoftmax(dim).apply(input);
    }

    /** softmax along {@code dim}; see {@link Softmax}. */
    public static Variable softmax(Variable input, int dim) {
        return new Softmax(dim).apply(input);
    }

    /**
     * The dim PyTorch picks when none is given (deprecated there): 0 for 0-, 1- and 3-dimensional
     * input, else 1.
     */
    public static int implicitSoftmaxDim(int rank) {
        return rank == 0 || rank == 1 || rank == 3 ? 0 : 1;
    }

    /** NLL on log-probabilities with int64 class-index targets; see {@link NLLLoss}. */
    public static Variable nllLoss(Variable input, Variable target, LossOptions o) {
        return new NLLLoss(o).apply(input, target);
    }

    /**
     * Cross-entropy on logits; see {@link CrossEntropyLoss}. An int64 target holds class indices;
     * a floating target of the input's shape holds class probabilities (and is differentiable).
     */
    public static Variable crossEntropy(Variable input, Variable target, LossOptions o) {
        return new CrossEntropyLoss(o).apply(input, target);
    }

    /**
     * Cross-entropy with a weight variable in place of {@code o.weight()}; for probability targets it
     * may require a gradient.
     */
    public static Variable crossEntropy(Variable input, Variable target, Variable weight, LossOptions o) {
        return new CrossEntropyLoss(o).apply(input, target, weight);
    }

    /** Binary cross-entropy on probabilities; see {@link BCELoss}. */
    public static Variable binaryCrossEntropy(Variable input, Variable target, LossOptions o) {
        return new BCELoss(o).apply(input, target);
    }

    /** Binary cross-entropy on logits, with optional pos_weight; see {@link BCEWithLogitsLoss}. */
    public static Variable binaryCrossEntropyWithLogits(Variable input, Variable target, LossOptions o) {
        return new BCEWithLogitsLoss(o).apply(input, target);
    }

    /** Multi-label soft margin over the last dim; see {@link MultiLabelSoftMarginLoss}. */
    public static Variable multilabelSoftMarginLoss(Variable input, Variable target, LossOptions o) {
        return new MultiLabelSoftMarginLoss(o).apply(input, target);
    }

    /** Multi-label soft margin with a weight variable in place of {@code o.weight()}; it may require a gradient. */
    public static Variable multilabelSoftMarginLoss(Variable input, Variable target, Variable weight, LossOptions o) {
        return new MultiLabelSoftMarginLoss(o).apply(input, target, weight);
    }

    /**
     * Explains one loss on these values: each forward step with its numbers (for the softmax
     * family: max-shift, exp, sum, log-probabilities; then picked entries, weights, the reduction
     * and its denominator), the loss, then the backward — the closed-form gradient evaluated next to
     * the gradient autograd computed (seeded with ones), and their largest difference.
     *
     * @param loss one of {@code log-softmax}, {@code softmax}, {@code nll}, {@code cross-entropy},
     *             {@code bce}, {@code bce-with-logits}, {@code multilabel-soft-margin} (PyTorch's
     *             op names with underscores are accepted too)
     * @param target required except for log-softmax and softmax
     * @param dim    the dim of log-softmax and softmax; ignored by the others
     * @throws LossException for bad input, as the loss itself would throw
     * @throws IllegalArgumentException for an unknown loss name or a missing target
     */
    public static Explanation explain(String loss, Variable input, @Nullable Variable target, LossOptions o, int dim) {
        String name = loss.toLowerCase(Locale.ROOT).replace('_', '-');
        if (name.equals("log-softmax") || name.equals("softmax")) {
            return Explainer.softmax(input, o, dim, name.equals("log-softmax"));
        }
        if (target == null) {
            throw new IllegalArgumentException("explain " + loss + ": a target is required");
        }
        return switch (name) {
            case "nll", "nll-loss" -> Explainer.nll(input, target, o);
            case "cross-entropy" -> Explainer.crossEntropy(input, target, o);
            case "bce", "binary-cross-entropy" -> Explainer.bce(input, target, o);
            case "bce-with-logits", "binary-cross-entropy-with-logits" -> Explainer.bceWithLogits(input, target, o);
            case "multilabel-soft-margin", "multilabel-soft-margin-loss" ->
                    Explainer.multilabelSoftMargin(input, target, o);
            default -> throw new IllegalArgumentException("explain: unknown loss '" + loss + "' (expected log-softmax,"
                    + " softmax, nll, cross-entropy, bce, bce-with-logits or multilabel-soft-margin)");
        };
    }
}
