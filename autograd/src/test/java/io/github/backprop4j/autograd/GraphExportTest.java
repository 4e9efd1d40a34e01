package io.github.backprop4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Graphviz export and the backward trace, on a graph small enough to work out by hand. */
class GraphExportTest {

    /** loss = Σ (w · x + b)², with w = [1, 2], x = [3, 4], b = 0.5: Σ (3.5, 8.5)² = 84.5. */
    private static Variable[] tiny() {
        Variable w = Variable.parameter(Tensor.of(1.0, 2.0)).named("w");
        Variable x = Variable.of(Tensor.of(3.0, 4.0)).named("x");
        Variable b = Variable.parameter(Tensor.scalar(0.5, DType.FLOAT64)).named("b");
        Variable h = w.times(x).plus(b);
        Variable loss = h.times(h).sum();
        return new Variable[] {loss, w, x, b};
    }


    @Test
    void dotShowsOpsShapesLeavesAndGradientNormsAfterBackward() {
        Variable[] v = tiny();
        Variable loss = v[0];
        assertEquals(84.5, loss.item(), 0);
        String before = GraphExport.toDot(loss);
        assertTrue(before.startsWith("digraph"), before);
        for (String op : List.of("Sum", "Mul", "Add")) {
            assertTrue(before.contains("label=\"" + op + "\\n"), op + " missing:\n" + before);
        }
        assertTrue(before.contains("label=\"w\\n[2]\""), before);
        assertTrue(before.contains("label=\"x\\n[2]\""), before);
        assertTrue(before.contains("label=\"b\\n[]\""), before);
        assertTrue(!before.contains("‖grad‖"), "no gradients before backward:\n" + before);

        loss.backward(BackwardOptions.RETAIN_GRAPH);
        // dL/dh = 2h = (7, 17); dL/dw = 2h·x = (21, 68), ‖·‖ = √(21² + 68²) = 71.17; dL/db = 24
        String after = GraphExport.toDot(loss);
        assertTrue(after.contains(String.format(java.util.Locale.ROOT, "label=\"w\\n[2]\\n‖grad‖ = %.4g\"",
                Math.hypot(21, 68))), after);
        assertTrue(after.contains("label=\"b\\n[]\\n‖grad‖ = 24\""), after);
        assertEquals(7, after.lines().filter(l -> l.contains("->")).count(), "edges:\n" + after);
    }

    @Test
    void afterAPlainBackwardTheExportSaysTheGraphWasReleased() {
        Variable loss = tiny()[0];
        loss.backward();
        assertTrue(GraphExport.toDot(loss).contains("Sum (released)"));
    }

    @Test
    void theTraceListsNodesInEngineOrderWithTheGradientsTheyPassed() {
        Variable[] v = tiny();
        BackwardTrace trace = new BackwardTrace();
        v[0].backward(BackwardOptions.DEFAULT.withListener(trace));
        List<BackwardTrace.Step> steps = trace.steps();
        List<String> names = steps.stream().map(s -> s.node().name()).toList();
        assertEquals(List.of("Sum", "Mul", "Add", "Mul"), names);
        // Sum receives 1 and passes ones; Mul (h·h) receives ones and passes h to both sides
        assertEquals(1.0, steps.get(0).gradOutput().item(), 0);
        assertEquals(List.of(7.0 / 2, 17.0 / 2).toString(),
                List.of(steps.get(1).passed().get(0).gradient().toDoubleArray()[0],
                        steps.get(1).passed().get(0).gradient().toDoubleArray()[1]).toString());
        // Add passes 2h = (7, 17) to w·x and Σ 2h = 24 to b
        assertEquals(24.0, steps.get(2).passed().get(1).gradient().item(), 0);
        // the last Mul passes 2h·x = (21, 68) to w and nothing to the constant x
        BackwardTrace.Step last = steps.get(3);
        assertEquals(List.of(21.0, 68.0).toString(),
                List.of(last.passed().get(0).gradient().toDoubleArray()[0],
                        last.passed().get(0).gradient().toDoubleArray()[1]).toString());
        assertEquals(null, last.passed().get(1).gradient());

        String text = trace.format();
        assertTrue(text.contains("4 steps"), text);
        assertTrue(text.contains("input 1 (constant 'x' [2]): nothing"), text);
        assertTrue(text.contains("input 0 (leaf 'w' [2])"), text);
    }

    @Test
    void theTraceDrawsTheGraphWithGradientNormsOnEveryNode() {
        Variable[] v = tiny();
        BackwardTrace trace = new BackwardTrace();
        v[0].backward(BackwardOptions.DEFAULT.withListener(trace));
        String dot = trace.toDot();
        // every op node carries the norm of the gradient that reached it: 1, ‖(1,1)‖, ‖(7,17)‖, ‖(7,17)‖
        assertEquals(4, dot.lines().filter(l -> l.contains("shape=box") && l.contains("‖grad‖")).count(), dot);
        assertTrue(dot.contains(String.format(java.util.Locale.ROOT, "‖grad‖ = %.4g", Math.hypot(7, 17))), dot);
        assertTrue(dot.contains("label=\"b\\n[]\\n‖grad‖ = 24\""), dot);
    }
}
