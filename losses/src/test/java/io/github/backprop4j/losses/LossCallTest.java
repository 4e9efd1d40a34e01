package io.github.backprop4j.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The call shapes Kotlin's {@code lossFn(output, target)} and a plain-tensor target use. */
class LossCallTest {
    @Test
    void invokeAndTensorTargetsGiveTheSameLossAsApply() {
        Variable logits = Variable.of(Tensor.of(new double[][] {{1, 4, 1, 1}, {5, 1, 2, 1}}));
        Tensor target = Tensor.of(1L, 0L);
        CrossEntropyLoss loss = new CrossEntropyLoss(LossOptions.defaults());
        double expected = loss.apply(logits, Variable.of(target)).item();
        // the same batch as losses.md's explain example: (ln(3 + e^4) − 4 + ln(e^5 + e^2 + 2e) − 5) / 2
        double byHand = (Math.log(3 * Math.E + Math.exp(4)) - 4
                + Math.log(Math.exp(5) + Math.exp(2) + 2 * Math.E) - 5) / 2;
        assertEquals(byHand, expected, 1e-12);
        assertEquals(expected, loss.invoke(logits, Variable.of(target)).item());
        assertEquals(expected, loss.apply(logits, target).item());
        assertEquals(expected, loss.invoke(logits, target).item());
    }
}
