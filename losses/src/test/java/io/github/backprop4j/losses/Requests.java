package io.github.backprop4j.losses;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.backprop4j.autograd.Autograd;
import io.github.backprop4j.autograd.BackwardOptions;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import io.github.backprop4j.tensor.testkit.TensorKit;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Replays a cli.md {@code loss --jsonl} request through the functional API: builds the tensors,
 * calls the op, and backpropagates {@code grad_output} (ones when absent) into the input and,
 * when it is floating point, the target.
 */
final class Requests {
    private Requests() {
    }

    /** What running a request produced. */
    record Outcome(Tensor output, Tensor gradInput, @Nullable Tensor gradTarget) {
    }

    /** Runs {@code request}; exceptions (bad input) propagate. */
    static Outcome run(JsonNode request) {
        String op = request.get("op").asText();
        DType dtype = DType.parse(request.get("dtype").asText());
        Variable input = Variable.parameter(TensorKit.tensor(request.get("input"), dtype));
        JsonNode opts = request.path("options");
        Variable output;
        Variable target = null;
        if (op.equals("log_softmax") || op.equals("softmax")) {
            int dim = opts.has("dim") ? opts.get("dim").asInt() : Losses.implicitSoftmaxDim(input.dim());
            output = op.equals("log_softmax") ? Losses.logSoftmax(input, dim) : Losses.softmax(input, dim);
        } else {
            DType targetType = request.has("target_dtype") ? DType.parse(request.get("target_dtype").asText()) : dtype;
            Tensor t = TensorKit.tensor(request.get("target"), targetType);
            target = targetType.isFloatingPoint() ? Variable.parameter(t) : Variable.of(t);
            LossOptions o = options(op, opts, dtype);
            output = switch (op) {
                case "nll_loss" -> Losses.nllLoss(input, target, o);
                case "cross_entropy" -> Losses.crossEntropy(input, target, o);
                case "binary_cross_entropy" -> Losses.binaryCrossEntropy(input, target, o);
                case "binary_cross_entropy_with_logits" -> Losses.binaryCrossEntropyWithLogits(input, target, o);
                case "multilabel_soft_margin_loss" -> Losses.multilabelSoftMarginLoss(input, target, o);
                default -> throw new IllegalArgumentException("unknown op " + op);
            };
        }
        Tensor seed = request.has("grad_output") ? TensorKit.tensor(request.get("grad_output"), dtype)
                : Tensor.ones(dtype, output.shape().toArray());
        boolean withTarget = target != null && target.requiresGrad();
        List<Variable> wrt = withTarget ? List.of(input, target) : List.of(input);
        @Nullable Variable[] grads = Autograd.grad(List.of(output), wrt, List.of(Variable.of(seed)),
                BackwardOptions.DEFAULT);
        Tensor gi = grads[0] == null ? input.value().zerosLike() : grads[0].value();
        Tensor gt = null;
        if (withTarget) {
            gt = grads[1] == null ? target.value().zerosLike() : grads[1].value();
        }
        return new Outcome(output.value(), gi, gt);
    }

    static LossOptions options(String op, JsonNode opts, DType dtype) {
        LossOptions o = LossOptions.defaults();
        if (opts.has("reduction")) {
            o = o.withReduction(Reduction.parseFor(op, opts.get("reduction").asText()));
        }
        if (opts.has("weight")) {
            o = o.withWeight(TensorKit.tensor(opts.get("weight"), dtype));
        }
        if (opts.has("ignore_index")) {
            o = o.withIgnoreIndex(opts.get("ignore_index").asLong());
        }
        if (opts.has("label_smoothing")) {
            o = o.withLabelSmoothing(opts.get("label_smoothing").asDouble());
        }
        if (opts.has("pos_weight")) {
            o = o.withPosWeight(TensorKit.tensor(opts.get("pos_weight"), dtype));
        }
        return o;
    }
}
