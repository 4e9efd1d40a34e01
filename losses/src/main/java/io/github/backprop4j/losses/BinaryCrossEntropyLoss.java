package io.github.backprop4j.losses;

import io.github.backprop4j.autograd.Variable;
import org.jspecify.annotations.Nullable;

/**
 * What {@link BCELoss} and {@link BCEWithLogitsLoss} share: the loss is one of the two forms of
 * binary cross-entropy in {@code BinaryCrossEntropy.java} (probabilities or logits), which
 * computes and explains it; the subclasses only name the form.
 */
public abstract sealed class BinaryCrossEntropyLoss extends Loss permits BCELoss, BCEWithLogitsLoss {
    private final BinaryCrossEntropy.Kind form;

    BinaryCrossEntropyLoss(LossKind kind, BinaryCrossEntropy.Kind form, LossOptions options) {
        super(kind, options);
        this.form = form;
    }

    @Override
    public final Explanation explain(Variable input, Variable target) {
        return BinaryCrossEntropy.explain(form, this, input, target);
    }

    @Override
    final Variable compute(Variable input, Variable target, @Nullable Variable weight) {
        return switch (form) {
            case PROBABILITIES -> BinaryCrossEntropy.probabilities(input, target, weight, options());
            case LOGITS -> BinaryCrossEntropy.logits(input, target, weight, options());
        };
    }
}
