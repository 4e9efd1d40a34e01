package io.github.backprop4j.examples.jsonl;

import io.github.backprop4j.autograd.Autograd;
import io.github.backprop4j.autograd.BackwardOptions;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.LossKind;
import io.github.backprop4j.losses.LossOptions;
import io.github.backprop4j.losses.Losses;
import io.github.backprop4j.losses.Reduction;
import io.github.backprop4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Evaluates a {@link LossRequest} the way {@code tools/reference/gen_losses.py} evaluates it in
 * PyTorch: the forward op, then {@code torch.autograd.grad(output, [input, target?],
 * grad_output)}.
 */
public final class LossEvaluator {
    private static final Set<String> MLSM_REDUCTIONS = Set.of("none", "mean", "sum");

    private LossEvaluator() {
    }

    /** The output and gradients; throws what the loss throws for input PyTorch rejects. */
    public static JsonlAnswer.Result evaluate(LossRequest r) {
        LossKind op = r.op();
        Variable input = Variable.parameter(r.input());
        boolean targetGrad = r.target() != null && op.targetIsDifferentiable(r.input(), r.target());
        Variable target = r.target() == null ? null
                : targetGrad ? Variable.parameter(r.target()) : Variable.of(r.target());

        Variable output = forward(r, input, target);

        Tensor gradOutput = r.gradOutput() == null
                ? output.value().onesLike()
                : JsonTensors.read(r.gradOutput(), output.dtype(), "grad_output");
        if (!gradOutput.shape().equals(output.shape())) {
            throw new RequestException("Mismatch in shape: grad_output[0] has a shape of "
                    + torchSize(gradOutput) + " and output[0] has a shape of " + torchSize(output.value()) + ".");
        }

        List<Variable> wrt = new ArrayList<>(List.of(input));
        if (targetGrad) {
            wrt.add(target);
        }
        Variable[] grads = output.requiresGrad()
                ? Autograd.grad(List.of(output), wrt, List.of(Variable.of(gradOutput)), BackwardOptions.DEFAULT)
                : new Variable[wrt.size()];
        Tensor gradInput = valueOrZeros(grads[0], input);
        Tensor gradTarget = targetGrad ? valueOrZeros(grads[1], target) : null;
        return new JsonlAnswer.Result(r.id(), output.value(), gradInput, gradTarget);
    }

    /**
     * The forward pass. The reduction is checked first, as PyTorch's Python wrappers do —
     * except for the multilabel soft margin loss, which computes the per-sample loss (so its
     * shape errors come first) and only then rejects an unknown reduction, with
     * "{@code <r> is not valid}" ({@link Reduction#parseFor}).
     */
    private static Variable forward(LossRequest r, Variable input, Variable target) {
        LossKind op = r.op();
        RequestOptions o = r.options();
        if (!op.takesTarget()) {
            int dim = o.dim() != null ? intDim(o.dim(), input.dim()) : Losses.implicitSoftmaxDim(input.dim());
            return op.apply(input, target, LossOptions.defaults(), dim);
        }
        String reduction = o.reductionName();
        if (op == LossKind.MULTILABEL_SOFT_MARGIN && !MLSM_REDUCTIONS.contains(reduction)) {
            op.apply(input, target, o.toLossOptions(Reduction.NONE), 0);
        }
        return op.apply(input, target, o.toLossOptions(Reduction.parseFor(op.pytorchName(), reduction)), 0);
    }

    /** {@code dim} as an int; beyond the int range it is out of range for any tensor, in PyTorch's words. */
    public static int intDim(long dim, int rank) {
        if (dim != (int) dim) {
            int r = Math.max(rank, 1);
            throw new RequestException("Dimension out of range (expected to be in range of [" + -r + ", " + (r - 1)
                    + "], but got " + dim + ")");
        }
        return (int) dim;
    }

    private static Tensor valueOrZeros(Variable grad, Variable of) {
        return grad == null ? of.value().zerosLike() : grad.value();
    }

    /** {@code torch.Size([2, 3])}. */
    private static String torchSize(Tensor t) {
        return "torch.Size(" + Arrays.toString(t.shape().toArray()) + ")";
    }
}
