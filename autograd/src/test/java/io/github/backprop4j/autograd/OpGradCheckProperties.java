package io.github.backprop4j.autograd;

import static io.github.backprop4j.testkit.Gens.qt;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.backprop4j.tensor.Tensor;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * gradcheck (and gradgradcheck) on every differentiable Variable operation: one test per case of
 * {@link OpCases}, over random shapes (rank 0–3, sizes 1–3, so size-1 and broadcast dims are
 * frequent) and random float64 values, drawn so that a failure is reported as the smallest
 * failing case. {@link OpCoverageTest} checks that the cases reach every op in the catalogue.
 */
class OpGradCheckProperties {
    private static final int EXAMPLES = 60;
    private static final int SECOND_ORDER_EXAMPLES = 15;

    @TestFactory
    Stream<DynamicTest> everyOpPassesGradcheckAndGradgradcheck() {
        return OpCases.ALL.values().stream().map(c -> dynamicTest(c.name(), () -> check(c)));
    }

    /** The case's gradcheck over random shapes and values, then gradgradcheck on smaller shapes. */
    static void check(OpCases.OpCase c) {
        qt(c.name().hashCode(), EXAMPLES).forAll(c.instances(3)).checkAssert(in -> run(in, false));
        qt(~c.name().hashCode(), SECOND_ORDER_EXAMPLES).forAll(c.instances(2)).checkAssert(in -> run(in, true));
    }

    private static void run(OpCases.Instance in, boolean secondOrder) {
        try {
            if (!secondOrder) {
                GradCheck.gradcheck(in.f(), in.inputs(), in.options());
            } else if (in.secondOrder()) {
                GradCheck.gradgradcheck(in.f(), in.inputs(), in.options());
            }
        } catch (RuntimeException e) {
            throw new AssertionError(in + ": " + e.getMessage(), e);
        }
    }

    /** x² with the gradient of x (g instead of 2x·g): wrong everywhere but at x = 1/2. */
    static final class SquareWithAWrongGradient extends Function {
        @Override
        protected Tensor forward(Tensor... x) {
            return x[0].times(x[0]);
        }

        @Override
        protected Variable[] backward(Variable g) {
            return new Variable[] {g};
        }
    }

    @Test
    void aWrongGradientIsCaughtAndReportedAsTheSmallestCase() {
        OpCases.OpCase wrong = new OpCases.OpCase("wrong", 0, (s, r) -> new OpCases.Instance(
                List.of(Values.uniform(r, s, -2, 2)), xs -> new SquareWithAWrongGradient().apply(xs.get(0)),
                "x² with the gradient of x", GradCheck.Options.DEFAULT, false));
        AssertionError e = assertThrows(AssertionError.class, () -> check(wrong));
        // shrunk to a scalar at the low end of the range, whatever example failed first
        assertTrue(e.getMessage().contains("x² with the gradient of x with inputs [[] tensor(-2."), e.getMessage());
    }
}
