package io.github.backprop4j.losses.internal;

import io.github.backprop4j.autograd.Function;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.Reduction;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;

/**
 * The backward of NLL as an op of its own, input g: dx[r, t_r] = −w[t_r] · scale_r (scale_r =
 * g_r, g, or g / W for mean), 0 elsewhere and on ignored rows. It is linear in g, so its own
 * gradient is NLL applied to the incoming gg: ∂/∂g = nll_loss(gg, t, w) (losses.md §3.4).
 */
public final class NllLossBackwardOp extends Function {
    private final IndexTargets targets;
    private final Reduction reduction;
    private final DType dtype;

    public NllLossBackwardOp(IndexTargets targets, Reduction reduction, DType dtype) {
        this.targets = targets;
        this.reduction = reduction;
        this.dtype = dtype;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Layout layout = targets.layout();
        double[] scale = NllLossOp.reducer(targets, reduction).scales(in[0], targets.rows());
        double[] dx = new double[layout.numel()];
        for (int r = 0; r < scale.length; r++) {
            if (!targets.ignored(r)) {
                int t = targets.target(r);
                dx[layout.base(r) + t * layout.inner()] = -scale[r] * targets.classWeight(t);
            }
        }
        return Buffers.make(dx, dtype, layout.shape());
    }

    @Override
    protected Variable[] backward(Variable gg) {
        return new Variable[] {new NllLossOp(targets, reduction).apply(gg)};
    }

    @Override
    public String name() {
        return "NllLossBackwardBackward0";
    }
}
