package io.github.backprop4j.playground;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.backprop4j.autograd.BackwardOptions;
import io.github.backprop4j.autograd.BackwardTrace;
import io.github.backprop4j.autograd.Function;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.examples.jsonl.LossEvaluator;
import io.github.backprop4j.examples.jsonl.LossRequest;
import io.github.backprop4j.losses.LossKind;
import io.github.backprop4j.losses.LossOptions;
import io.github.backprop4j.losses.Losses;
import io.github.backprop4j.losses.Reduction;
import io.github.backprop4j.tensor.Tensor;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The autograd graph of the explorer's computation, for drawing: its nodes (leaves and ops, each
 * with shape, value, gradient and, for ops, the vector-Jacobian product), its edges, and the
 * order in which one backward pass (seeded with ones) visited the ops, as {@link BackwardTrace}
 * recorded it. Cross-entropy with class indices and no label smoothing is built as
 * {@code nll_loss(log_softmax(x))}, the two steps {@code explain} prints; every other loss is the
 * library's single fused node.
 */
final class LossGraph {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private LossGraph() {
    }

    /** The graph of {@code r} as {@code {"nodes": [...], "edges": [...], "order": [...]}}. */
    static ObjectNode of(LossRequest r) {
        Variable input = Variable.parameter(r.input()).named("input");
        boolean targetGrad = r.target() != null && r.op().targetIsDifferentiable(r.input(), r.target());
        Variable target = r.target() == null ? null
                : (targetGrad ? Variable.parameter(r.target()) : Variable.of(r.target())).named("target");
        Map<Function, Variable> made = new IdentityHashMap<>();
        Variable output = forward(r, input, target, made);
        BackwardTrace trace = new BackwardTrace();
        if (output.requiresGrad()) {
            output.backward(Variable.of(output.value().onesLike()), BackwardOptions.DEFAULT.withListener(trace));
        }
        return describe(trace, made, output);
    }

    private static Variable forward(LossRequest r, Variable input, Variable target, Map<Function, Variable> made) {
        LossKind op = r.op();
        Long dimOption = r.options().dim();
        int dim = dimOption != null ? LossEvaluator.intDim(dimOption, input.dim()) : Losses.implicitSoftmaxDim(input.dim());
        if (!op.takesTarget()) {
            return remember(op.apply(input, target, LossOptions.defaults(), dim), made);
        }
        LossOptions options = r.options().toLossOptions(Reduction.parse(r.options().reductionName()));
        boolean indexTargets = target != null && !target.dtype().isFloatingPoint();
        if (op == LossKind.CROSS_ENTROPY && indexTargets && options.labelSmoothing() == 0) {
            int classDim = input.dim() == 1 ? 0 : 1;
            Variable logProbabilities = remember(Losses.logSoftmax(input, classDim), made);
            return remember(Losses.nllLoss(logProbabilities, target, options), made);
        }
        return remember(op.apply(input, target, options, dim), made);
    }

    private static Variable remember(Variable v, Map<Function, Variable> made) {
        if (v.gradFn() != null) {
            made.put(v.gradFn(), v.retainGrad());
        }
        return v;
    }

    private static ObjectNode describe(BackwardTrace trace, Map<Function, Variable> made, Variable output) {
        Map<Object, String> ids = new IdentityHashMap<>();
        ObjectNode graph = JSON.objectNode();
        ArrayNode nodes = graph.putArray("nodes");
        ArrayNode edges = graph.putArray("edges");
        ArrayNode order = graph.putArray("order");
        if (trace.steps().isEmpty()) {
            nodes.add(leaf("n1", output));
            return graph;
        }
        for (BackwardTrace.Step step : trace.steps()) {
            String id = ids.computeIfAbsent(step.node(), k -> "n" + (ids.size() + 1));
            order.add(id);
            Variable value = made.get(step.node());
            ObjectNode node = nodes.addObject();
            node.put("id", id).put("kind", "op").put("op", step.node().name())
                    .put("shape", step.outputShape().toString())
                    .put("value", value == null ? "" : value.value().toString())
                    .put("grad", step.gradOutput().toString())
                    .put("vjp", VjpFormulas.of(step.node().name()))
                    .put("output", value == output);
            ArrayNode sends = node.putArray("sends");
            for (BackwardTrace.Target t : step.passed()) {
                Object key = t.node() != null ? t.node() : t.variable();
                boolean isNew = !ids.containsKey(key);
                String from = ids.computeIfAbsent(key, k -> "n" + (ids.size() + 1));
                if (t.node() == null && isNew) {
                    nodes.add(leaf(from, t.variable()));
                }
                edges.addObject().put("from", from).put("to", id);
                sends.addObject().put("to", from)
                        .put("grad", t.gradient() == null ? "" : t.gradient().toString());
            }
        }
        return graph;
    }

    private static ObjectNode leaf(String id, Variable v) {
        Variable grad = v.grad();
        Tensor value = v.value();
        return JSON.objectNode().put("id", id).put("kind", "leaf")
                .put("op", v.name() == null ? "leaf" : v.name())
                .put("shape", value.shape().toString())
                .put("value", value.toString())
                .put("grad", grad == null ? "" : grad.value().toString())
                .put("requiresGrad", v.requiresGrad());
    }
}
