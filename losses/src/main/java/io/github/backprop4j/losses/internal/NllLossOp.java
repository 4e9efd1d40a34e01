package io.github.backprop4j.losses.internal;

import io.github.backprop4j.autograd.Function;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.Reduction;
import io.github.backprop4j.tensor.Tensor;

/**
 * NLL loss on log-probabilities x (losses.md §3.3):
 *
 * <pre>
 *   l_r = ignored_r ? 0 : −w[t_r] · x[r, t_r]        W = Σ_{r not ignored} w[t_r]
 *   none → l     sum → Σ l     mean → Σ l / W          (0/0 = NaN when every target is ignored)
 * </pre>
 *
 * Backward ({@link NllLossBackwardOp}): only the picked entries get a gradient,
 * dx[r, t_r] = −w[t_r] · scale_r with scale_r = g_r, g or g / W.
 */
public final class NllLossOp extends Function {
    private final IndexTargets targets;
    private final Reduction reduction;

    public NllLossOp(IndexTargets targets, Reduction reduction) {
        this.targets = targets;
        this.reduction = reduction;
    }

    /** The reducer of this loss (its mean divides by the total weight W). */
    static Reducer reducer(IndexTargets targets, Reduction reduction) {
        return Reducer.rows(reduction, targets.layout(), targets.totalWeight(), 1);
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];
        double[] xs = Buffers.read(x);
        Layout layout = targets.layout();
        double[] rows = new double[targets.rows()];
        for (int r = 0; r < rows.length; r++) {
            if (!targets.ignored(r)) {
                int t = targets.target(r);
                rows[r] = -targets.classWeight(t) * xs[layout.base(r) + t * layout.inner()];
            }
        }
        return reducer(targets, reduction).reduce(rows, x.dtype());
    }

    @Override
    protected Variable[] backward(Variable g) {
        return new Variable[] {new NllLossBackwardOp(targets, reduction, input(0).dtype()).apply(g)};
    }

    @Override
    public String name() {
        return "NllLossBackward0";
    }
}
