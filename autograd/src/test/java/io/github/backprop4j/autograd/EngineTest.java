package io.github.backprop4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The backward engine: accumulation, release, createGraph, no-grad scopes, hooks, deep graphs. */
class EngineTest {

    private static Variable param(double... v) {
        return Variable.parameter(Tensor.of(v));
    }

    private static double[] grad(Variable v) {
        assertNotNull(v.grad(), "no gradient");
        return v.grad().value().toDoubleArray();
    }

    private static void assertArray(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12, "element " + i);
        }
    }

    // ------------------------------------------------------------------ accumulation and zeroing

    @Test
    void setGradReplacesTheAccumulatedGradientAndNextBackwardAddsToIt() {
        Variable w = Variable.parameter(Tensor.of(1.0, 2.0));
        w.times(w).sum().backward();                      // d(Σw²)/dw = 2w = [2, 4]
        w.setGrad(Variable.of(Tensor.of(0.5, 0.5)));
        assertEquals(Tensor.of(0.5, 0.5), w.grad().value());
        w.sum().backward();                               // adds ones
        assertEquals(Tensor.of(1.5, 1.5), w.grad().value());
        w.setGrad(null);
        assertNull(w.grad());
        assertThrows(IllegalArgumentException.class, () -> w.setGrad(Variable.of(Tensor.of(1.0))));
        assertThrows(IllegalArgumentException.class, () -> w.setGrad(Variable.of(Tensor.of(1f, 2f))));
    }

    @Test
    void gradientsAccumulateAcrossBackwardCallsUntilZeroed() {
        Variable x = param(1, 2, 3);
        x.times(x).sum().backward();                      // d/dx Σx² = 2x
        assertArray(new double[] {2, 4, 6}, grad(x));
        x.times(3).sum().backward();                      // + 3
        assertArray(new double[] {5, 7, 9}, grad(x));
        x.zeroGrad();
        assertNull(x.grad());
        x.sum().backward();
        assertArray(new double[] {1, 1, 1}, grad(x));
    }

    @Test
    void aVariableUsedTwiceReceivesTheSumOfBothPaths() {
        Variable x = param(3);
        Variable y = x.times(x).plus(x.times(2));         // x² + 2x  → 2x + 2 = 8
        y.sum().backward();
        assertArray(new double[] {8}, grad(x));
    }

    @Test
    void constantsGetNoGradientAndNonLeavesKeepNoneUnlessRetained() {
        Variable c = Variable.of(Tensor.of(2.0));
        Variable x = param(5);
        Variable h = x.times(c);
        Variable kept = x.times(x).retainGrad();
        h.plus(kept).sum().backward();
        assertNull(c.grad());
        assertNull(h.grad());
        assertArray(new double[] {1}, grad(kept));
        assertArray(new double[] {2 + 10}, grad(x));
    }

    @Test
    void backwardOfANonScalarNeedsAGradient() {
        Variable y = param(1, 2).times(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().contains("scalar outputs"), e.getMessage());
        y.backward(Tensor.of(1.0, 10.0));
    }

    @Test
    void explicitGradientIsTheVectorOfTheVectorJacobianProduct() {
        Variable x = param(1, 2);
        x.times(x).backward(Tensor.of(10.0, 100.0));       // v · diag(2x)
        assertArray(new double[] {20, 400}, grad(x));
    }

    @Test
    void backwardOnAVariableThatNeedsNoGradientFails() {
        Variable y = Variable.of(Tensor.of(1.0)).times(2).sum();
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().contains("does not require grad"), e.getMessage());
    }

    // ------------------------------------------------------------------ retain / release

    @Test
    void aSecondBackwardThroughAReleasedGraphFailsSayingSo() {
        Variable x = param(1, 2);
        Variable loss = x.exp().sum();
        loss.backward();
        IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
        assertTrue(e.getMessage().contains("backward through the graph a second time"), e.getMessage());
        assertTrue(e.getMessage().contains("RETAIN_GRAPH"), e.getMessage());
    }

    @Test
    void retainGraphAllowsASecondBackwardThatAddsUp() {
        Variable x = param(0, 1);
        Variable loss = x.exp().sum();
        loss.backward(BackwardOptions.RETAIN_GRAPH);
        loss.backward();
        assertArray(new double[] {2 * Math.exp(0), 2 * Math.exp(1)}, grad(x));
    }

    @Test
    void aReleasedGraphCanBeGarbageCollected() throws InterruptedException {
        Variable x = Variable.parameter(Tensor.ones(DType.FLOAT64, 256, 256));
        Variable hidden = x.times(2).exp();
        WeakReference<Variable> ref = new WeakReference<>(hidden);
        Variable loss = hidden.sum();
        hidden = null;
        loss.backward();
        assertTrue(collected(ref, 50), "the intermediate variable stayed reachable after backward released the graph");
        assertNotNull(loss.gradFn(), "the root keeps its (released) node");
    }

    @Test
    void aRetainedGraphIsStillReachable() throws InterruptedException {
        Variable x = Variable.parameter(Tensor.ones(DType.FLOAT64, 4));
        Variable hidden = x.times(2);
        WeakReference<Variable> ref = new WeakReference<>(hidden);
        Variable loss = hidden.sum();
        hidden = null;
        loss.backward(BackwardOptions.RETAIN_GRAPH);
        assertFalse(collected(ref, 5), "a retained graph must keep its intermediate values");
        loss.backward();
    }

    private static boolean collected(WeakReference<?> ref, int tries) throws InterruptedException {
        for (int i = 0; i < tries && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        return ref.get() == null;
    }

    // ------------------------------------------------------------------ createGraph

    @Test
    void createGraphGivesSecondDerivatives() {
        Variable x = param(2);
        Variable y = x.pow(3).sum();                       // y = x³, y' = 3x² = 12, y'' = 6x = 12, y''' = 6
        Variable dy = Autograd.grad(List.of(y), List.of(x), null, BackwardOptions.CREATE_GRAPH)[0];
        assertNotNull(dy);
        assertEquals(12, dy.item(), 1e-12);
        assertTrue(dy.requiresGrad(), "the gradient is itself differentiable");
        Variable d2y = Autograd.grad(List.of(dy.sum()), List.of(x), null, BackwardOptions.CREATE_GRAPH)[0];
        assertEquals(12, d2y.item(), 1e-12);
        Variable d3y = Autograd.grad(d2y.sum(), x)[0];
        assertEquals(6, d3y.item(), 1e-12);
    }

    @Test
    void backwardWithCreateGraphLeavesADifferentiableGrad() {
        Variable x = param(0.5);
        x.tanh().sum().backward(BackwardOptions.CREATE_GRAPH);
        Variable g = x.grad();                              // 1 − tanh²x
        assertNotNull(g);
        x.zeroGrad();
        g.sum().backward();                                 // −2 tanh x (1 − tanh² x)
        double t = Math.tanh(0.5);
        assertArray(new double[] {-2 * t * (1 - t * t)}, grad(x));
    }

    @Test
    void withoutCreateGraphTheGradientIsAConstant() {
        Variable x = param(0.5);
        x.tanh().sum().backward();
        assertFalse(x.grad().requiresGrad());
    }

    @Test
    void autogradGradLeavesDotGradAlone() {
        Variable x = param(1, 2);
        Variable y = param(3);
        Variable[] g = Autograd.grad(x.times(x).sum(), x, y);
        assertArray(new double[] {2, 4}, g[0].value().toDoubleArray());
        assertNull(g[1], "y does not take part");
        assertNull(x.grad());
    }

    // ------------------------------------------------------------------ no-grad

    @Test
    void nothingIsRecordedInANoGradScopeAndEnableGradTurnsItBackOn() {
        Variable x = param(1);
        try (GradMode.Scope s = GradMode.noGrad()) {
            assertFalse(GradMode.isEnabled());
            Variable y = x.times(2);
            assertFalse(y.requiresGrad());
            assertNull(y.gradFn());
            try (GradMode.Scope inner = GradMode.enableGrad()) {
                Variable z = x.times(2);
                assertTrue(z.requiresGrad());
                assertNotNull(z.gradFn());
            }
            assertFalse(GradMode.isEnabled(), "closing the inner scope restores no-grad");
        }
        assertTrue(GradMode.isEnabled());
        assertTrue(x.times(2).requiresGrad());
    }

    @Test
    void detachCutsTheGraph() {
        Variable x = param(3);
        Variable y = x.times(x.detach());                  // d/dx (x · c) = c = 3
        y.sum().backward();
        assertArray(new double[] {3}, grad(x));
        assertTrue(x.detach().isLeaf());
        assertFalse(x.detach().requiresGrad());
    }

    // ------------------------------------------------------------------ hooks

    @Test
    void aHookSeesTheTotalGradientOfAnIntermediate() {
        Variable x = param(1, 2);
        Variable h = x.times(3);
        List<double[]> seen = new ArrayList<>();
        h.registerHook(g -> {
            seen.add(g.value().toDoubleArray());
            return null;                                    // null: keep it
        });
        h.plus(h).sum().backward();                        // h receives 1 + 1 from two uses
        assertEquals(1, seen.size(), "called once with the total");
        assertArray(new double[] {2, 2}, seen.get(0));
        assertArray(new double[] {6, 6}, grad(x));
    }

    @Test
    void aHookCanReplaceTheGradientAndBeRemoved() {
        Variable x = param(1, 2);
        Variable.HookHandle handle = x.registerHook(g -> g.times(10));
        x.times(x).sum().backward();
        assertArray(new double[] {20, 40}, grad(x));
        handle.remove();
        x.zeroGrad();
        x.times(x).sum().backward();
        assertArray(new double[] {2, 4}, grad(x));
    }

    @Test
    void aHookOnAnIntermediateChangesWhatFlowsFurther() {
        Variable x = param(1, 2);
        Variable h = x.times(x);
        h.registerHook(g -> g.times(0));
        h.sum().backward();
        assertArray(new double[] {0, 0}, grad(x));
    }

    @Test
    void hooksNeedAVariableThatRequiresGrad() {
        Variable c = Variable.of(Tensor.of(1.0));
        assertThrows(IllegalStateException.class, () -> c.registerHook(g -> g));
    }

    // ------------------------------------------------------------------ deep graphs and stale values

    @Test
    void aChainOfOneHundredThousandOpsDoesNotOverflowTheStack() {
        Variable x = Variable.parameter(Tensor.scalar(1.0, DType.FLOAT64));
        Variable y = x;
        for (int i = 0; i < 100_000; i++) {
            y = y.plus(1.0);                                // y = x + 100000, dy/dx = 1
        }
        y.backward();
        assertEquals(100_001, y.item(), 0);
        assertEquals(1, x.grad().item(), 0);
    }

    @Test
    void aDeepProductChainGetsTheRightGradient() {
        Variable x = Variable.parameter(Tensor.scalar(1.0, DType.FLOAT64));
        Variable y = x;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            y = y.times(1.0001);                            // y = x · 1.0001ⁿ
        }
        y.backward();
        assertEquals(Math.pow(1.0001, n), x.grad().item(), 1e-9);
    }

    @Test
    void backwardAfterTheLeafWasReassignedFails() {
        Variable w = param(1, 2);
        Variable loss = w.times(w).sum();
        w.assign(Tensor.of(5.0, 6.0));
        IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
        assertTrue(e.getMessage().contains("modified"), e.getMessage());
    }

    @Test
    void aMixedPrecisionGraphGivesEachLeafAGradientOfItsOwnDtype() {
        Variable a = Variable.parameter(Tensor.of(1f, 2f));
        Variable b = Variable.parameter(Tensor.of(3.0, 4.0));
        a.times(b).sum().backward();
        assertEquals(DType.FLOAT32, a.grad().dtype());
        assertEquals(DType.FLOAT64, b.grad().dtype());
        assertArray(new double[] {3, 4}, grad(a));
        assertArray(new double[] {1, 2}, grad(b));
    }
}
