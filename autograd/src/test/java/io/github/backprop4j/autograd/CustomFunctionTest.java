package io.github.backprop4j.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The custom-function API as a learner uses it: a softmax cross-entropy written by hand (forward
 * and the (softmax − onehot)/N backward), checked against the same loss composed of Variable
 * operations and against finite differences.
 */
class CustomFunctionTest {

    /** mean over rows of −log softmax(logits)[target]; targets are a constant int64 vector. */
    static final class HandCrossEntropy extends Function {
        private final Tensor targets;
        private @Nullable Tensor softmax;

        HandCrossEntropy(Tensor targets) {
            this.targets = targets;
        }

        @Override
        protected Tensor forward(Tensor... x) {
            Tensor logits = x[0];
            Tensor logSoftmax = logits.minus(logits.logsumexp(1, true));
            softmax = logSoftmax.exp();
            Tensor picked = logSoftmax.gather(1, targets.unsqueeze(1));
            return picked.mean().unaryMinus();
        }

        @Override
        protected Variable[] backward(Variable g) {          // ∂/∂logits = (softmax − onehot) · g / N
            int n = targets.numel();
            int classes = input(0).size(1);
            Tensor onehot = targets.oneHot(classes).to(DType.FLOAT64);
            return new Variable[] {Variable.of(softmax.minus(onehot).div(n)).times(g)};
        }

        @Override
        protected void releaseSaved() {
            softmax = null;
        }
    }

    private static Variable composedCrossEntropy(Variable logits, Tensor targets) {
        Variable logSoftmax = logits.minus(logits.logsumexp(1, true));
        return logSoftmax.gather(1, targets.unsqueeze(1)).mean().unaryMinus();
    }

    private static final Tensor LOGITS = Tensor.of(new double[][] {{1.0, 2.0, 0.5}, {-1.0, 0.0, 3.0}});
    private static final Tensor TARGETS = Tensor.of(1L, 0L);

    @Test
    void aHandWrittenLossMatchesTheComposedOne() {
        Variable a = Variable.parameter(LOGITS);
        Variable b = Variable.parameter(LOGITS);
        Variable hand = new HandCrossEntropy(TARGETS).apply(a);
        Variable composed = composedCrossEntropy(b, TARGETS);
        assertEquals(composed.item(), hand.item(), 1e-14);
        hand.backward();
        composed.backward();
        assertArrayEquals(b.grad().value().toDoubleArray(), a.grad().value().toDoubleArray(), 1e-14);
        assertEquals("HandCrossEntropy", hand.gradFn().name());
    }

    @Test
    void theHandWrittenLossAgreesWithTheLossByHand() {
        // row 0: log Σ e^{1, 2, 0.5} − 2; row 1: log Σ e^{−1, 0, 3} + 1
        double r0 = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(0.5)) - 2;
        double r1 = Math.log(Math.exp(-1) + Math.exp(0) + Math.exp(3)) + 1;
        Variable hand = new HandCrossEntropy(TARGETS).apply(Variable.parameter(LOGITS));
        assertEquals((r0 + r1) / 2, hand.item(), 1e-14);
    }

    @Test
    void theHandWrittenLossPassesGradcheck() {
        GradCheck.gradcheck(xs -> new HandCrossEntropy(TARGETS).apply(xs.get(0)), LOGITS);
    }

    @Test
    void aFunctionInstanceIsOneNodeAndCannotBeAppliedTwice() {
        HandCrossEntropy f = new HandCrossEntropy(TARGETS);
        f.apply(Variable.parameter(LOGITS));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> f.apply(Variable.parameter(LOGITS)));
        assertTrue(e.getMessage().contains("HandCrossEntropy"), e.getMessage());
    }

    @Test
    void aNullGradientMeansNoneForThatInput() {
        Function scaleByConstant = new Function() {
            @Override
            protected Tensor forward(Tensor... x) {
                return x[0].times(x[1]);
            }

            @Override
            protected @Nullable Variable[] backward(Variable g) {
                return new Variable[] {g.times(input(1)), null};
            }
        };
        Variable x = Variable.parameter(Tensor.of(1.0, 2.0));
        Variable s = Variable.parameter(Tensor.of(3.0, 4.0));
        scaleByConstant.apply(x, s).sum().backward();
        assertArrayEquals(new double[] {3, 4}, x.grad().value().toDoubleArray(), 0);
        assertNull(s.grad());
    }

    @Test
    void aBackwardReturningAWrongShapeIsReportedWithTheOpName() {
        Function bad = new Function() {
            @Override
            public String name() {
                return "BadShape";
            }

            @Override
            protected Tensor forward(Tensor... x) {
                return x[0].sum();
            }

            @Override
            protected Variable[] backward(Variable g) {
                return new Variable[] {g};
            }
        };
        Variable y = bad.apply(Variable.parameter(Tensor.of(1.0, 2.0)));
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().contains("BadShape.backward") && e.getMessage().contains("[2]"), e.getMessage());
    }

    @Test
    void aCustomFunctionWorksInsideAutogradGrad() {
        Variable x = Variable.parameter(LOGITS);
        Variable g = Autograd.grad(List.of(new HandCrossEntropy(TARGETS).apply(x)), List.of(x), null,
                BackwardOptions.DEFAULT)[0];
        assertEquals(x.shape(), g.shape());
        assertNull(x.grad());
    }
}
