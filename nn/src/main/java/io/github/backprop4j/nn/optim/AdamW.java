package io.github.backprop4j.nn.optim;

import io.github.backprop4j.autograd.Variable;

/**
 * Adam with decoupled weight decay ({@code torch.optim.AdamW}, Loshchilov &amp; Hutter): at each
 * step the parameter first shrinks, {@code p = p·(1 − lr·weight_decay)}, and then takes the
 * {@link Adam} step computed from the plain gradient (no L2 term). PyTorch's default weight
 * decay for AdamW is 0.01.
 */
public final class AdamW extends Adam {
    /**
     * AdamW with PyTorch's defaults (weight decay 0.01) and learning rate {@code lr}.
     *
     * @param params the parameters to update, usually {@code model.parameters()}
     * @param lr the learning rate
     * @throws IllegalArgumentException for an empty or repeated parameter list, a parameter that
     *     is not a leaf requiring grad, or a negative learning rate
     */
    public AdamW(Iterable<Variable> params, double lr) {
        this(params, options(lr));
    }

    /**
     * AdamW with the given hyper-parameters. Build them with {@link #options(double)}:
     * {@link Adam.Options#lr(double)} has Adam's weight decay default, 0, which makes AdamW plain
     * Adam.
     *
     * @param params the parameters to update, usually {@code model.parameters()}
     * @param options the learning rate, betas, ε, decoupled weight decay and AMSGrad flag
     * @throws IllegalArgumentException for an empty or repeated parameter list or a parameter
     *     that is not a leaf requiring grad
     */
    public AdamW(Iterable<Variable> params, Options options) {
        super("AdamW", params, options, true);
    }

    /**
     * PyTorch's AdamW defaults: Adam's, but weight decay 0.01.
     *
     * @param lr the learning rate, ≥ 0
     * @return the options, to refine with {@code betas}, {@code eps}, ...
     * @throws IllegalArgumentException if {@code lr} is negative or NaN
     */
    public static Options options(double lr) {
        return Options.lr(lr).weightDecay(0.01);
    }
}
