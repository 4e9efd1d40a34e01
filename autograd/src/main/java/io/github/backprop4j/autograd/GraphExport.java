package io.github.backprop4j.autograd;

import io.github.backprop4j.tensor.Shape;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Draws a computation graph in Graphviz DOT ({@code dot -Tpng graph.dot -o graph.png}): a box per
 * op with its name and output shape, an ellipse per leaf with its name and shape, and arrows in
 * the direction the values flow. Wherever a gradient is known — a leaf's {@code .grad}, or a
 * non-leaf's after {@link Variable#retainGrad()} — its norm ‖g‖ is shown too.
 *
 * <p>The graph must still be there: export before {@code backward()}, or backward with
 * {@link BackwardOptions#RETAIN_GRAPH}. To draw the graph a backward pass walked, with the
 * gradient norm at every node, record it with a {@link BackwardTrace} and call
 * {@link BackwardTrace#toDot()}.
 */
public final class GraphExport {
    private GraphExport() {
    }

    /**
     * The graph that produced {@code root}, in DOT.
     *
     * @param root the variable whose history to draw, such as a loss
     * @return the graph in DOT (a single ellipse when {@code root} is a leaf)
     */
    public static String toDot(Variable root) {
        Dot dot = new Dot();
        Map<Object, String> ids = new IdentityHashMap<>();
        java.util.function.Function<Object, String> id = o -> ids.computeIfAbsent(o,
                k -> (k instanceof Function ? "n" : "v") + (ids.size() + 1));
        Function top = root.gradFn();
        if (top == null) {
            dot.leaf(id.apply(root), root, gradNorm(root));
            return dot.render();
        }
        Set<Function> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Function> todo = new ArrayDeque<>();
        todo.push(top);
        seen.add(top);
        while (!todo.isEmpty()) {
            Function node = todo.pop();
            Variable out = node.output();
            dot.op(id.apply(node), node.name() + (node.isReleased() ? " (released)" : ""),
                    out == null ? null : out.shape(), out == null ? Double.NaN : gradNorm(out));
            for (Variable in : node.inputs()) {
                Function f = in.gradFn();
                String from;
                if (f == null) {
                    from = id.apply(in);
                    dot.leaf(from, in, gradNorm(in));
                } else {
                    from = id.apply(f);
                    if (seen.add(f)) {
                        todo.push(f);
                    }
                }
                dot.edge(from, id.apply(node), Double.NaN);
            }
        }
        return dot.render();
    }

    private static double gradNorm(Variable v) {
        Variable g = v.grad();
        return g == null ? Double.NaN : BackwardTrace.norm(g.value());
    }

    /** Collects nodes and edges, then writes them out; NaN norms are left off. */
    static final class Dot {
        private final Map<String, String> nodes = new LinkedHashMap<>();
        private final List<String> edges = new ArrayList<>();

        void op(String id, String name, @Nullable Shape shape, double gradNorm) {
            nodes.putIfAbsent(id, String.format("%s [label=\"%s\", shape=box, style=filled, fillcolor=\"#dbe8f5\"];",
                    id, label(name, shape, gradNorm)));
        }

        void leaf(String id, Variable v, double gradNorm) {
            String name = v.name() != null ? v.name() : v.requiresGrad() ? "leaf" : "constant";
            String fill = v.requiresGrad() ? "#d9f2d9" : "#eeeeee";
            nodes.putIfAbsent(id, String.format("%s [label=\"%s\", shape=ellipse, style=filled, fillcolor=\"%s\"];",
                    id, label(name, v.shape(), gradNorm), fill));
        }

        void edge(String from, String to, double gradNorm) {
            edges.add(Double.isNaN(gradNorm) ? String.format("%s -> %s;", from, to)
                    : String.format(Locale.ROOT, "%s -> %s [label=\"‖g‖ %s\"];", from, to, compact(gradNorm)));
        }

        private static String label(String name, @Nullable Shape shape, double gradNorm) {
            StringBuilder sb = new StringBuilder(escape(name));
            if (shape != null) {
                sb.append("\\n").append(shape);
            }
            if (!Double.isNaN(gradNorm)) {
                sb.append("\\n‖grad‖ = ").append(compact(gradNorm));
            }
            return sb.toString();
        }

        /** Four significant digits without trailing zeros: 24, 71.17, 0.001234. */
        static String compact(double v) {
            String s = String.format(Locale.ROOT, "%.4g", v);
            if (s.contains(".") && !s.contains("e")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return s;
        }

        private static String escape(String s) {
            return s.replace("\\", "\\\\").replace("\"", "\\\"");
        }

        String render() {
            StringBuilder sb = new StringBuilder("digraph autograd {\n");
            sb.append("  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=11];\n");
            for (String n : nodes.values()) {
                sb.append("  ").append(n).append('\n');
            }
            for (String e : edges) {
                sb.append("  ").append(e).append('\n');
            }
            return sb.append("}\n").toString();
        }
    }
}
