package io.github.backprop4j.autograd;

import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A record of one backward pass, for teaching: in the order the engine visited them, each node,
 * the gradient that arrived at its output, and what it passed to each of its inputs.
 *
 * <pre>{@code
 * BackwardTrace trace = new BackwardTrace();
 * loss.backward(BackwardOptions.DEFAULT.withListener(trace));
 * System.out.println(trace);          // the steps, with the gradient values
 * String dot = trace.toDot();         // the graph, each node with the norm of its gradient
 * }</pre>
 *
 * <p>It keeps the gradients it saw (as constants), so it is meant for small, illustrative graphs.
 */
public final class BackwardTrace implements BackwardListener {
    /** Largest gradient printed element by element; larger ones are summarised by shape and norm. */
    private static final int PRINT_LIMIT = 16;

    /**
     * Where a gradient went: another node, or a leaf variable (null node).
     *
     * @param node the op that made the receiving input, or null when it is a leaf
     * @param variable the receiving input
     * @param gradient the gradient sent to it, or null when it needs none
     */
    public record Target(@Nullable Function node, Variable variable, @Nullable Tensor gradient) {
    }

    /**
     * One visit: the node, the gradient at its output, and what went to each input.
     *
     * @param order the visit's position, from 1
     * @param node the op whose backward ran
     * @param outputShape the shape of that op's output
     * @param gradOutput the gradient that arrived at the output
     * @param passed one target per input, in the op's input order
     */
    public record Step(int order, Function node, Shape outputShape, Tensor gradOutput, List<Target> passed) {
    }

    private final List<Step> steps = new ArrayList<>();
    private final Map<Object, Integer> ids = new IdentityHashMap<>();
    private final Map<Variable, Tensor> leafTotals = new IdentityHashMap<>();

    /** An empty trace; pass it to {@link BackwardOptions#withListener} to record a backward pass. */
    public BackwardTrace() {
    }

    @Override
    public void visited(Function node, Variable gradOutput, @Nullable Variable[] inputGrads) {
        Variable[] inputs = node.inputs();
        List<Target> passed = new ArrayList<>(inputs.length);
        for (int i = 0; i < inputs.length; i++) {
            Variable g = inputGrads[i];
            Tensor value = g == null || !inputs[i].requiresGrad() ? null : g.value();
            passed.add(new Target(inputs[i].gradFn(), inputs[i], value));
            if (value != null && inputs[i].gradFn() == null) {
                leafTotals.merge(inputs[i], value, Tensor::plus);
            }
        }
        Shape outShape = node.output() == null ? gradOutput.shape() : node.output().shape();
        steps.add(new Step(steps.size() + 1, node, outShape, gradOutput.value(), Collections.unmodifiableList(passed)));
    }

    /**
     * The steps in the order the engine took them.
     *
     * @return an unmodifiable view of the steps recorded so far
     */
    public List<Step> steps() {
        return Collections.unmodifiableList(steps);
    }

    /**
     * The steps as text: one block per node, the gradient that arrived and where each part went.
     *
     * @return the multi-line trace
     */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append("backward trace: ").append(steps.size()).append(steps.size() == 1 ? " step" : " steps")
                .append(", in the order the engine visited the nodes\n");
        for (Step s : steps) {
            String head = String.format(Locale.ROOT, "%2d. %s (output %s) received ", s.order(), label(s.node()),
                    s.outputShape());
            sb.append(head).append(indent(show(s.gradOutput()), head.length())).append('\n');
            for (int i = 0; i < s.passed().size(); i++) {
                Target t = s.passed().get(i);
                String line = "      input " + i + " (" + describe(t) + "): ";
                sb.append(line).append(t.gradient() == null ? "nothing (needs no gradient)"
                        : indent(show(t.gradient()), line.length())).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }

    /**
     * The graph this backward walked, in Graphviz DOT: one box per op with its output shape and
     * the norm of the gradient that arrived there, one ellipse per leaf with the norm of the total
     * gradient it received, and edges labelled with the norm of the gradient sent along them.
     *
     * @return the graph in DOT, for {@code dot -Tpng}
     */
    public String toDot() {
        GraphExport.Dot dot = new GraphExport.Dot();
        for (Step s : steps) {
            dot.op(id(s.node()), s.node().name(), s.outputShape(), norm(s.gradOutput()));
            for (Target t : s.passed()) {
                String from;
                if (t.node() != null) {
                    from = id(t.node());
                } else {
                    from = id(t.variable());
                    Tensor total = leafTotals.get(t.variable());
                    dot.leaf(from, t.variable(), total == null ? Double.NaN : norm(total));
                }
                dot.edge(from, id(s.node()), t.gradient() == null ? Double.NaN : norm(t.gradient()));
            }
        }
        return dot.render();
    }

    private String label(Function node) {
        return node.name() + " #" + id(node).substring(1);
    }

    private String describe(Target t) {
        Function n = t.node();
        if (n != null) {
            return label(n);
        }
        Variable v = t.variable();
        String what = v.requiresGrad() ? "leaf" : "constant";
        return what + (v.name() == null ? "" : " '" + v.name() + "'") + " " + v.shape();
    }

    private String id(Object o) {
        Integer n = ids.get(o);
        if (n == null) {
            n = ids.size() + 1;
            ids.put(o, n);
        }
        return (o instanceof Function ? "n" : "v") + n;
    }

    /** Continuation lines of a multi-line tensor printout, lined up under its first line. */
    private static String indent(String text, int width) {
        return text.replace("\n", "\n" + " ".repeat(width));
    }

    private static String show(Tensor g) {
        if (g.numel() <= PRINT_LIMIT) {
            return g.toString();
        }
        return String.format(Locale.ROOT, "a gradient of shape %s with norm %.6g", g.shape(), norm(g));
    }

    static double norm(Tensor g) {
        double s = 0;
        for (double v : g.toDoubleArray()) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
