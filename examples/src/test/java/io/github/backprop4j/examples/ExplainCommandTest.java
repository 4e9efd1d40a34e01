package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code backprop4j explain}: the example of docs/spec/cli.md, and how bad command lines and
 * bad input end. Expected numbers were computed by hand (Python's math module) from the
 * formulas of docs/spec/losses.md §4.
 */
class ExplainCommandTest {
    private static final String INPUT = "[[1, 4, 1, 1], [5, 1, 2, 1]]";

    private static void assertPrints(String out, String... expected) {
        for (String e : expected) {
            assertTrue(out.contains(e), () -> "expected the output to contain\n  " + e + "\nbut it was\n" + out);
        }
    }

    @Test
    void theCliMdExampleExplainsForwardAndBackward() {
        Cli.Run run = Cli.run("explain", "cross-entropy", "--input", INPUT, "--target", "[1, 0]");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err(), run::toString);
        assertPrints(run.out(),
                // forward: exp of the max-shifted logits and their sums
                "0.0498", "1.1494", "1.0864",
                // log-probabilities of the targets: -0.1392 and -0.0829
                "-0.1392", "-0.0829",
                // the loss, (0.1392 + 0.0829) / 2
                "0.1110",
                // backward: (softmax - onehot) / 2, closed form and autograd
                "0.0217", "-0.0650", "-0.0398", "0.0084", "0.0229");
    }

    @Test
    void float64AndOptionsAreAccepted() {
        Cli.Run run = Cli.run("explain", "cross-entropy", "--input", INPUT, "--target", "[1, 0]",
                "--weight", "[1, 2, 1, 1]", "--reduction", "sum", "--label-smoothing", "0.1",
                "--ignore-index", "3", "--dtype", "float64");
        assertEquals(0, run.exitCode(), run::toString);
        // Σ_i (1 − ε)·w[t_i]·(−logp[i, t_i]) + (ε / C)·Σ_c w_c·(−logp[i, c])  (losses.md §4.4)
        assertPrints(run.out(), "0.9529");
    }

    @Test
    void softmaxNeedsNoTarget() {
        Cli.Run run = Cli.run("explain", "log-softmax", "--input", "[1, 2, 3]");
        assertEquals(0, run.exitCode(), run::toString);
        assertPrints(run.out(), "-2.4076", "-1.4076", "-0.4076"); // losses.md LS1
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "explain nope --input [1]                                  | Unknown LOSS 'nope'",
        "explain cross-entropy --input [[1,2]]                     | needs --target",
        "explain cross-entropy --input [[1,2]] --target [0] --pos-weight [1] | takes no --pos-weight",
        "explain softmax --input [1] --reduction sum               | takes no --reduction",
        "explain nll --input [[1,2]] --target [0] --reduction avg  | avg is not a valid value for reduction",
        "explain nll --input [[1,2]] --target [0] --dtype float16  | float16",
        "explain nll --input [[1,2]] --target [0] --ignore-index x | --ignore-index",
    })
    void usageErrorsExitTwo(String commandLine, String message) {
        Cli.Run run = Cli.run(commandLine.trim().split(" +"));
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().contains(message), run::toString);
        assertEquals("", run.out(), run::toString);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "explain cross-entropy --input [[1,2],[3]] --target [0,1]     | --input: the lists are not rectangular",
        "explain cross-entropy --input [[1,2],[3,4]] --target [0,1,1] | Expected input batch_size (2) to match target batch_size (3).",
        "explain cross-entropy --input [[1,2],[3,4]] --target [0,5]   | Target 5 is out of bounds.",
        "explain bce --input [0.5,2] --target [1,0]                    | all elements of input should be between 0 and 1",
        "explain nll --input [[1,2]] --target [0.5]                    | expected scalar type Long but found Float",
    })
    void badInputExitsOneWithOneLineNamingTheProblem(String commandLine, String message) {
        Cli.Run run = Cli.run(commandLine.trim().split(" +"));
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().startsWith("backprop4j explain: "), run::toString);
        assertTrue(run.err().contains(message), run::toString);
    }
}
