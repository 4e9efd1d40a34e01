package io.github.backprop4j.nn.optim;

import io.github.backprop4j.autograd.Variable;

/**
 * Adam with decoupled weight decay ({@code torch.optim.AdamW}, Loshchilov &amp; Hutter): at each
 * step the parameter first shrinks, {@code p = p·(1 − lr·weight_decay)}, and then takes the
 * {@link Adam} step computed from the plain gradient (no L2 term). PyTorch's default weight
 * decay for AdamW is 0.01.
 */
public final class AdamW extends Adam {
    /** AdamW with PyTorch's defaults (weight decay 0.01) and learning rate {@code lr}. */
    public AdamW(Iterable<Variable> params, double lr) {
        this(params, options(lr));
    }

    public AdamW(Iterable<Variable> params, Options options) {
        super("AdamW", params, options, true);
    }

    /** PyTorch's AdamW defaults: Adam's, but weight decay 0.01. */
    public static Options options(double lr) {
        return Options.lr(lr).weightDecay(0.01);
    }
}
