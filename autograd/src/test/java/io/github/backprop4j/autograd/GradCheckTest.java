package io.github.backprop4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** GradCheck itself: it passes right gradients, catches wrong ones, and says where. */
class GradCheckTest {

    /** x³ with a backward that is off by a factor for element 1 only. */
    static final class WrongCube extends Function {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].pow(3);
        }

        @Override
        protected Variable[] backward(Variable g) {
            Tensor scale = Tensor.of(3.0, 3.3, 3.0);
            return new Variable[] {g.times(input(0).pow(2)).times(Variable.of(scale))};
        }
    }

    /** x³ whose backward treats x as a constant: right first derivative, wrong second. */
    static final class DetachedCube extends Function {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].pow(3);
        }

        @Override
        protected Variable[] backward(Variable g) {
            return new Variable[] {g.times(input(0).detach().pow(2).times(3))};
        }
    }

    private static final Tensor X = Tensor.of(0.5, -1.25, 2.0);

    @Test
    void aCorrectFunctionPassesAndReportsSmallErrors() {
        GradCheck.Result r = GradCheck.gradcheck(xs -> xs.get(0).pow(3).times(xs.get(1)), X, Tensor.of(1.5, 2.0, -1.0));
        assertTrue(r.passed());
        assertEquals(GradCheck.Method.FULL_JACOBIAN, r.method());
        assertEquals(2 * 3 * 3, r.comparisons(), "two inputs of 3 elements, 3 outputs");
        assertTrue(r.maxAbsError() < 1e-7, r.describe());
        assertTrue(r.describe().startsWith("gradcheck passed"), r.describe());
    }

    @Test
    void aWrongBackwardFailsNamingTheInputAndElement() {
        GradCheck.GradCheckException e = assertThrows(GradCheck.GradCheckException.class,
                () -> GradCheck.gradcheck(xs -> new WrongCube().apply(xs.get(0)), X));
        String m = e.getMessage();
        assertTrue(m.startsWith("gradcheck failed"), m);
        assertTrue(m.contains("input 0 (shape [3]) element [1], output element [1]"), m);
        // analytical 3.3·x² = 5.15625 against 3·x² = 4.6875 at x = −1.25
        assertTrue(m.contains("5.15625"), m);
        assertTrue(m.contains("4.6874999"), m);
        GradCheck.Result r = e.result();
        assertFalse(r.passed());
        assertEquals(0.46875, r.maxAbsError(), 1e-6);
        assertEquals(0.1, r.maxRelError(), 1e-6);
        assertTrue(r.maxAbsErrorAt().contains("element [1]"), r.maxAbsErrorAt());
    }

    @Test
    void largeInputsAreCheckedAlongRandomDirectionsAndStillCaught() {
        Random rng = new Random(3);
        Tensor big = Values.uniform(rng, new int[] {40, 30}, -1, 1);
        Tensor w = Values.uniform(rng, new int[] {30, 20}, -1, 1);
        GradCheck.Result ok = GradCheck.gradcheck(xs -> xs.get(0).matmul(xs.get(1)).tanh(), big, w);
        assertEquals(GradCheck.Method.RANDOM_DIRECTIONS, ok.method());
        assertEquals(GradCheck.Options.DEFAULT.directions() * 2, ok.comparisons());

        GradCheck.Fn wrong = xs -> new Function() {
            @Override
            protected Tensor forward(Tensor... x) {
                return x[0].tanh();
            }

            @Override
            protected Variable[] backward(Variable g) {
                return new Variable[] {g.times(0.999)};      // d tanh = 1 − tanh², not ≈ 1
            }
        }.apply(xs.get(0));
        GradCheck.Result bad = GradCheck.evaluate(wrong, List.of(big), GradCheck.Options.DEFAULT);
        assertFalse(bad.passed());
        assertEquals(GradCheck.Method.RANDOM_DIRECTIONS, bad.method());
        assertTrue(bad.describe().contains("random direction"), bad.describe());
    }

    @Test
    void theFullJacobianLimitChoosesTheMethod() {
        GradCheck.Fn f = xs -> xs.get(0).exp();
        assertEquals(GradCheck.Method.RANDOM_DIRECTIONS,
                GradCheck.gradcheck(f, List.of(X), GradCheck.Options.DEFAULT.withFullJacobianLimit(0)).method());
        assertEquals(GradCheck.Method.FULL_JACOBIAN,
                GradCheck.gradcheck(f, List.of(X), GradCheck.Options.DEFAULT).method());
    }

    @Test
    void gradgradcheckCatchesABackwardThatIsNotItselfDifferentiable() {
        GradCheck.Fn f = xs -> new DetachedCube().apply(xs.get(0));
        GradCheck.gradcheck(f, X);                          // first order is right
        GradCheck.GradCheckException e = assertThrows(GradCheck.GradCheckException.class,
                () -> GradCheck.gradgradcheck(f, X));
        assertTrue(e.getMessage().startsWith("gradgradcheck failed"), e.getMessage());
        GradCheck.gradgradcheck(xs -> xs.get(0).pow(3), X);
    }

    @Test
    void gradcheckNeedsFloat64() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradCheck.gradcheck(xs -> xs.get(0).exp(), Tensor.of(1f, 2f)));
        assertTrue(e.getMessage().contains("float64"), e.getMessage());
    }

    @Test
    void anOutputThatDoesNotDependOnTheInputHasAZeroJacobian() {
        GradCheck.Result r = GradCheck.gradcheck(xs -> Variable.of(Tensor.ones(DType.FLOAT64, 2)), X);
        assertTrue(r.passed());
        assertEquals(0, r.maxAbsError(), 0);
    }
}
