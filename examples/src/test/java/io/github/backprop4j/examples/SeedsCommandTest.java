package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code backprop4j seeds}: every walk-through prints the numbers of docs/spec/cli.md (and the
 * intermediate values PyTorch prints for the same inputs), by the library and by hand.
 */
class SeedsCommandTest {

    private static String seeds(String name) {
        Cli.Run run = Cli.run("seeds", name);
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err(), run::toString);
        return run.out();
    }

    private static void assertPrints(String out, String... expected) {
        for (String e : expected) {
            assertTrue(out.contains(e), () -> "expected the output to contain\n  " + e + "\nbut it was\n" + out);
        }
    }

    @Test
    void logSoftmaxNllReachesTheLossOfTheOriginalWalkthrough() {
        String out = seeds("log-softmax-nll");
        assertPrints(out,
                "target: tensor([0, 4, 3, 0, 0, 4, 1, 2, 4, 2])",
                // log-softmax by hand, first row as the original printed it
                "pred: tensor([[-1.2094, -4.1063, -1.2418, -1.3509, -1.9859],",
                "pred[0, 0] = 1.5837 - 2.7931 = -1.2094",
                // the one-hot matrix
                "ohe: tensor([[1., 0., 0., 0., 0.],",
                // the picked log-probabilities
                "-1.2094", "-2.9991", "-0.8766", "-1.3302", "-2.7128", "-1.3909", "-0.5881", "-0.9334",
                "-1.2764", "-1.3764",
                "mean: tensor(-1.4693)",
                "negmean: tensor(1.4693)",
                "/ 10 = 1.4693",
                "loss: tensor(1.4693)",
                "which fuses the two: tensor(1.4693)");
    }

    @Test
    void crossEntropyOptionsShowsEachOptionsNumbers() {
        String out = seeds("cross-entropy-options");
        assertPrints(out,
                "CrossEntropyLoss()(x, target): tensor(1.3447)",
                "LogSoftmax(dim=1)(x): tensor([[-1.3447, -1.1937, -0.8294]])",
                "NLLLoss()(LogSoftmax(dim=1)(x), target): tensor(1.3447)",
                "x - logsumexp = [-1.3447, -1.1937, -0.8294]",
                "= 1.3447",
                "CrossEntropyLoss(reduction='none')(logits, target): tensor([1.0986, 1.0986])",
                "CrossEntropyLoss(weight=w, reduction='none')(logits, target): tensor([0.6592, 0.2197])",
                "0.6 * 1.0986 = 0.6592",
                "0.2 * 1.0986 = 0.2197",
                "CrossEntropyLoss(weight=w)(logits, target): tensor(1.0986)",
                "CrossEntropyLoss(ignore_index=1, reduction='none')(logits, target): tensor([1.0986, 0.0000, 1.0986])",
                "CrossEntropyLoss(ignore_index=2, reduction='none')(logits, target): tensor([1.0986, 1.0986, 0.0000])");
    }

    @Test
    void paperPencilMatchesThePaperComputation() {
        String out = seeds("paper-pencil");
        assertPrints(out,
                "softmax(logits, dim=1): tensor([[0.0433, 0.8700, 0.0433, 0.0433],",
                "[0.9205, 0.0169, 0.0458, 0.0169],",
                "[0.0169, 0.0458, 0.9205, 0.0169]])",
                "= 0.87005", "= 0.92046",
                "(-ln 0.87005 - ln 0.92046 - ln 0.92046) / 3 = 0.10166",
                "CrossEntropyLoss()(logits, target): tensor(0.1017)");
    }

    @Test
    void multiClassVsMultiLabelGivesTheSameMultiLabelLossFourWays() {
        String out = seeds("multi-class-vs-multi-label");
        assertPrints(out,
                "CrossEntropyLoss()(x, target): tensor(1.7804)",
                "exp(x) = [1.1618, 0.7118, 1.1275, 1.9542, 1.7333]",
                "p = [0.1737, 0.1064, 0.1686, 0.2922, 0.2591]",
                "-log p[2] = -log 0.1686 = 1.7804",
                "sigmoid(x): tensor([[0.5374, 0.4158, 0.5300, 0.6615, 0.6341]])",
                "BCELoss()(sigmoid(x), y): tensor(0.7644)",
                "BCEWithLogitsLoss()(x, y): tensor(0.7644)",
                "MultiLabelSoftMarginLoss()(x, y): tensor(0.7644)",
                "3.8222 / 5 = 0.7644");
    }

    @Test
    void withoutANameRunsAllFourInOrder() {
        Cli.Run run = Cli.run("seeds");
        assertEquals(0, run.exitCode(), run::toString);
        int previous = -1;
        for (String name : List.of("log-softmax-nll", "cross-entropy-options", "paper-pencil",
                "multi-class-vs-multi-label")) {
            int at = run.out().indexOf("== " + name + ":");
            assertTrue(at > previous, () -> name + " missing or out of order:\n" + run.out());
            previous = at;
        }
        assertPrints(run.out(), "tensor(1.4693)", "tensor(1.3447)", "0.10166", "tensor(1.7804)", "tensor(0.7644)");
    }

    @Test
    void anUnknownNameIsAUsageErrorListingTheValidNames() {
        Cli.Run run = Cli.run("seeds", "nope");
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run::toString);
        assertPrints(run.err(), "nope", "log-softmax-nll", "cross-entropy-options", "paper-pencil",
                "multi-class-vs-multi-label");
    }
}
