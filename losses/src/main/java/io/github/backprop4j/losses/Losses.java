package io.github.backprop4j.losses;

import io.github.backprop4j.autograd.Variable;
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
     * @param loss a {@link LossKind}'s CLI name or PyTorch name ({@link LossKind#parse})
     * @param target required except for log-softmax and softmax
     * @param dim    the dim of log-softmax and softmax; ignored by the others
     * @throws LossException for bad input, as the loss itself would throw
     * @throws IllegalArgumentException for an unknown loss name or a missing target
     */
    public static Explanation explain(String loss, Variable input, @Nullable Variable target, LossOptions o, int dim) {
        LossKind kind;
        try {
            kind = LossKind.parse(loss);
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        if (kind != null && !kind.takesTarget()) {
            return kind.explain(input, null, o, dim);
        }
        if (target == null) {
            throw new IllegalArgumentException("explain " + loss + ": a target is required");
        }
        if (kind == null) {
            throw new IllegalArgumentException("explain: unknown loss '" + loss + "' (expected "
                    + LossKind.cliNames(", ", " or ") + ")");
        }
        return kind.explain(input, target, o, dim);
    }
}
