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

    /**
     * log_softmax along {@code dim}, as {@code F.log_softmax(input, dim)}: yᵢ = xᵢ − m −
     * log Σⱼ exp(xⱼ − m), m the maximum; the gradient is g − exp(y)·Σg. See {@link LogSoftmax}.
     *
     * @param input the logits, floating, any shape (0-d counts as a length-1 vector)
     * @param dim the dimension to normalise over (negative counts from the end)
     * @return the log-probabilities, shaped like {@code input}
     * @throws LossException if {@code dim} is out of range or the input is not floating
     */
    public static Variable logSoftmax(Variable input, int dim) {
        return new LogSoftmax(dim).apply(input);
    }

    /**
     * softmax along {@code dim}, as {@code F.softmax(input, dim)}: yᵢ = exp(xᵢ − m) / Σⱼ exp(xⱼ − m);
     * the gradient is y·(g − Σ g·y). See {@link Softmax}.
     *
     * @param input the logits, floating, any shape (0-d counts as a length-1 vector)
     * @param dim the dimension to normalise over (negative counts from the end)
     * @return the probabilities, shaped like {@code input}, summing to 1 along {@code dim}
     * @throws LossException if {@code dim} is out of range or the input is not floating
     */
    public static Variable softmax(Variable input, int dim) {
        return new Softmax(dim).apply(input);
    }

    /**
     * The dim PyTorch picks when none is given (deprecated there): 0 for 0-, 1- and 3-dimensional
     * input, else 1.
     *
     * @param rank the input's number of dimensions
     * @return the dim PyTorch's {@code _get_softmax_dim} returns
     */
    public static int implicitSoftmaxDim(int rank) {
        return rank == 0 || rank == 1 || rank == 3 ? 0 : 1;
    }

    /**
     * NLL on log-probabilities with int64 class-index targets, as {@code F.nll_loss}:
     * lᵣ = −w[tᵣ]·x[r, tᵣ] (0 where tᵣ = ignore_index), the mean dividing by Σ w[tᵣ] over the
     * non-ignored targets. See {@link NLLLoss}.
     *
     * @param input log-probabilities, (C), (N, C) or (N, C, d1…dK)
     * @param target int64 class indices, (), (N) or (N, d1…dK)
     * @param o weight (C), ignore_index, reduction; the others must be at their defaults
     * @return the loss
     * @throws LossException for bad input or an option nll_loss does not have, with PyTorch's
     *         message
     */
    public static Variable nllLoss(Variable input, Variable target, LossOptions o) {
        return new NLLLoss(o).apply(input, target);
    }

    /**
     * Cross-entropy on logits; see {@link CrossEntropyLoss}. An int64 target holds class indices;
     * a floating target of the input's shape holds class probabilities (and is differentiable).
     * The loss is −Σ_c w_c·t'_c·log_softmax(x)_c per sample, t' the (smoothed) target
     * distribution; its gradient with respect to the logits is scale·(p·Σ_c B_c − B), with p the
     * softmax and B = w ⊙ t' (without weight or smoothing: p − onehot(t)).
     *
     * @param input logits, (C), (N, C) or (N, C, d1…dK)
     * @param target int64 class indices (the input's shape without the class dim) or class
     *        probabilities (the input's shape)
     * @param o weight (C), ignore_index, reduction, label_smoothing; pos_weight must be unset
     * @return the loss
     * @throws LossException for bad input or an option cross_entropy does not have, with
     *         PyTorch's message
     */
    public static Variable crossEntropy(Variable input, Variable target, LossOptions o) {
        return new CrossEntropyLoss(o).apply(input, target);
    }

    /**
     * Cross-entropy with a weight variable in place of {@code o.weight()}; for probability targets it
     * may require a gradient: ∂l/∂w_c = −Σᵣ scaleᵣ·t'[r, c]·logp[r, c].
     *
     * @param input logits, (C), (N, C) or (N, C, d1…dK)
     * @param target int64 class indices or class probabilities
     * @param weight class weights (C), replacing {@code o.weight()}
     * @param o ignore_index, reduction, label_smoothing
     * @return the loss
     * @throws LossException for bad input, or a weight requiring a gradient with class-index
     *         targets, with PyTorch's message
     */
    public static Variable crossEntropy(Variable input, Variable target, Variable weight, LossOptions o) {
        return new CrossEntropyLoss(o).apply(input, target, weight);
    }

    /**
     * Binary cross-entropy on probabilities, as {@code F.binary_cross_entropy}:
     * l = −w·(y·max(log x, −100) + (1 − y)·max(log(1 − x), −100)), with gradient
     * w·(x − y) / max(x(1 − x), 1e-12). See {@link BCELoss}.
     *
     * @param input probabilities in [0, 1], any shape
     * @param target probabilities in [0, 1], the input's shape exactly
     * @param o weight (broadcast to the target), reduction; the others must be at their defaults
     * @return the loss
     * @throws LossException for bad input (shapes differ, values outside [0, 1], ...) or an option
     *         binary_cross_entropy does not have, with PyTorch's message
     */
    public static Variable binaryCrossEntropy(Variable input, Variable target, LossOptions o) {
        return new BCELoss(o).apply(input, target);
    }

    /**
     * Binary cross-entropy on logits, with optional pos_weight, as
     * {@code F.binary_cross_entropy_with_logits}: l = w·((1 − y)·x − (1 + (pw − 1)·y)·logσ(x)),
     * stable for any finite logit; the gradient is w·((pw·y + 1 − y)·σ(x) − pw·y). See
     * {@link BCEWithLogitsLoss}.
     *
     * @param input logits, any shape
     * @param target labels or probabilities, the input's shape
     * @param o weight and pos_weight (each broadcast to the input), reduction
     * @return the loss
     * @throws LossException for bad input or an option the loss does not have, with PyTorch's
     *         message
     */
    public static Variable binaryCrossEntropyWithLogits(Variable input, Variable target, LossOptions o) {
        return new BCEWithLogitsLoss(o).apply(input, target);
    }

    /**
     * Multi-label soft margin over the last dim, as {@code F.multilabel_soft_margin_loss}: per
     * sample −Σ_c w·(y·logσ(x) + (1 − y)·logσ(−x)) / C; the gradient is w·(σ(x) − y) / C. See
     * {@link MultiLabelSoftMarginLoss}.
     *
     * @param input logits, the classes along the last dim (at least 1-D)
     * @param target 0/1 labels (or probabilities), broadcasting with the input
     * @param o weight (broadcasting with the input), reduction
     * @return the loss
     * @throws LossException for bad input or an option the loss does not have, with PyTorch's
     *         message
     */
    public static Variable multilabelSoftMarginLoss(Variable input, Variable target, LossOptions o) {
        return new MultiLabelSoftMarginLoss(o).apply(input, target);
    }

    /**
     * Multi-label soft margin with a weight variable in place of {@code o.weight()}; it may require
     * a gradient: ∂l/∂w = scale·e₀, e₀ the unweighted per-element loss.
     *
     * @param input logits, the classes along the last dim (at least 1-D)
     * @param target 0/1 labels (or probabilities), broadcasting with the input
     * @param weight element weights, broadcasting with the input, replacing {@code o.weight()}
     * @param o reduction
     * @return the loss
     * @throws LossException for bad input, with PyTorch's message
     */
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
     * @param input the prediction the loss is explained on
     * @param target required except for log-softmax and softmax
     * @param o      the loss's options
     * @param dim    the dim of log-softmax and softmax; ignored by the others
     * @return the text of the explanation and the largest gradient difference it found
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
