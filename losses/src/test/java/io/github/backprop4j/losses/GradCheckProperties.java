package io.github.backprop4j.losses;

import static io.github.backprop4j.testkit.Gens.qt;

import io.github.backprop4j.autograd.GradCheck;
import io.github.backprop4j.testkit.Gens;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every loss passes gradcheck (first derivatives against central differences, float64) and
 * gradgradcheck (second derivatives: the gradient, taken with createGraph, is itself checked with
 * respect to the input and the upstream gradient) under random shapes and options — which
 * exercises each fused node's closed-form backward and its "backward op"'s own backward.
 */
class GradCheckProperties {
    private static final int FIRST_ORDER_EXAMPLES = 150;
    private static final int SECOND_ORDER_EXAMPLES = 50;

    private static void check(String name, Function<Random, LossScenarios.Problem> scenario) {
        qt(name.hashCode(), FIRST_ORDER_EXAMPLES).forAll(Gens.fromRandom(scenario)).checkAssert(p -> run(p, false));
        qt(~name.hashCode(), SECOND_ORDER_EXAMPLES).forAll(Gens.fromRandom(scenario)).checkAssert(p -> run(p, true));
    }

    private static void run(LossScenarios.Problem p, boolean secondOrder) {
        try {
            if (secondOrder) {
                GradCheck.gradgradcheck(p.f(), p.inputs(), GradCheck.Options.DEFAULT);
            } else {
                GradCheck.gradcheck(p.f(), p.inputs(), GradCheck.Options.DEFAULT);
            }
        } catch (RuntimeException e) {
            throw new AssertionError((secondOrder ? "gradgradcheck" : "gradcheck") + " failed for " + p + ": "
                    + e.getMessage(), e);
        }
    }

    @Test
    void logSoftmax() {
        check("logSoftmax", r -> LossScenarios.softmaxFamily(r, true));
    }

    @Test
    void softmax() {
        check("softmax", r -> LossScenarios.softmaxFamily(r, false));
    }

    @Test
    void nllLoss() {
        check("nll", LossScenarios::nll);
    }

    @Test
    void crossEntropyWithClassIndices() {
        check("ceIndices", LossScenarios::crossEntropyIndices);
    }

    @Test
    void crossEntropyWithProbabilities() {
        check("ceProbabilities", LossScenarios::crossEntropyProbabilities);
    }

    @Test
    void binaryCrossEntropy() {
        check("bce", LossScenarios::bce);
    }

    @Test
    void binaryCrossEntropyWithLogits() {
        check("bceWithLogits", LossScenarios::bceWithLogits);
    }

    @Test
    void multilabelSoftMargin() {
        check("mlsm", LossScenarios::multilabelSoftMargin);
    }
}
