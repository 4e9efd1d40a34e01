package io.github.backprop4j.losses;

import static io.github.backprop4j.losses.internal.Checks.Option.WEIGHT;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.internal.Checks;
import io.github.backprop4j.losses.internal.Explainer;
import io.github.backprop4j.losses.internal.Layout;
import io.github.backprop4j.losses.internal.MultiLabelSoftMarginOp;
import io.github.backprop4j.losses.internal.Reducer;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * Multi-label soft margin, as {@code nn.MultiLabelSoftMarginLoss} (losses.md §7): the classes are
 * the last dim of the input (C = input.size(−1)); target and weight just need to broadcast.
 *
 * <pre>
 *   e = −(y·logσ(x) + (1 − y)·logσ(−x)) · w       per = Σ_class e / C
 *   none → per    sum → Σ per    mean → Σ per / #per
 *   dx = scale·w·(σ(x) − y)     dy = scale·w·(−x)     dw = scale·e₀      (e₀: e without w; scale includes 1/C)
 * </pre>
 *
 * Input, target and weight are differentiable. Options: weight, reduction.
 */
public final class MultiLabelSoftMarginLoss extends Loss {
    private static final String OP = "multilabel_soft_margin_loss";

    public MultiLabelSoftMarginLoss() {
        this(LossOptions.defaults());
    }

    public MultiLabelSoftMarginLoss(LossOptions options) {
        super(OP, options, WEIGHT);
    }

    /** With a weight that may require a gradient (it replaces options().weight()). */
    public Variable apply(Variable input, Variable target, Variable weight) {
        return compute(input, target, weight);
    }

    @Override
    public Explanation explain(Variable input, Variable target) {
        return Explainer.multilabelSoftMargin(input, target, options());
    }

    @Override
    Variable compute(Variable input, Variable target, @Nullable Variable weight) {
        Tensor x = input.value();
        int[] shape = Checks.broadcast(OP, target.value().shape().toArray(), x.shape().toArray());
        if (weight != null) {
            shape = Checks.broadcast(OP, shape, weight.value().shape().toArray());
        }
        if (x.dim() == 0) {
            throw new LossException(OP, "Dimension specified as -1 but tensor has no dimensions");
        }
        Checks.requireFloatInput(OP, "log_sigmoid_cpu", x);
        Variable y = target;
        if (!target.value().dtype().isFloatingPoint()) {
            y = Variable.of(target.value().to(x.dtype()));
        } else {
            Checks.requireScalarType(OP, target.value(), x.dtype());
        }
        if (weight != null) {
            Checks.requireScalarType(OP, weight.value(), x.dtype());
        }
        int classDim = x.dim() - 1;
        Layout layout = Layout.of(shape, classDim);
        int classes = x.size(-1);
        Reducer reducer = Reducer.rows(options().reduction(), layout, layout.rows(), classes);
        Shape s = Shape.of(shape);
        MultiLabelSoftMarginOp op = new MultiLabelSoftMarginOp(layout, reducer, classes);
        return weight == null ? op.apply(input.expand(s), y.expand(s))
                : op.apply(input.expand(s), y.expand(s), weight.expand(s));
    }
}
