package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command prints --help; usage errors exit 2 with one line on stderr. */
class HelpAndExitCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "seeds", "explain", "loss"})
    void everyCommandPrintsHelpToStdoutAndExitsZero(String command) {
        Cli.Run run = command.isEmpty() ? Cli.run("--help") : Cli.run(command, "--help");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err(), run::toString);
        String usage = "Usage: backprop4j" + (command.isEmpty() ? "" : " " + command);
        assertTrue(run.out().startsWith(usage), run::toString);
        assertTrue(run.out().contains("--help"), run::toString);
    }

    @Test
    void topLevelHelpListsTheCommands() {
        String out = Cli.run("--help").out();
        for (String command : new String[] {"seeds", "explain", "loss"}) {
            assertTrue(out.contains("  " + command + " "), () -> command + " missing from\n" + out);
        }
    }

    @Test
    void seedsHelpListsTheWalkthroughs() {
        String out = Cli.run("seeds", "--help").out();
        for (String name : new String[] {"log-softmax-nll", "cross-entropy-options", "paper-pencil",
                "multi-class-vs-multi-label"}) {
            assertTrue(out.contains(name), () -> name + " missing from\n" + out);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "frobnicate", "seeds --frobnicate", "seeds a b", "loss --jsonl",
            "explain", "explain cross-entropy", "explain --input [1]"})
    void usageErrorsExitTwoWithOneLineOnStderr(String commandLine) {
        Cli.Run run = Cli.run(commandLine.isEmpty() ? new String[0] : commandLine.split(" "));
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("", run.out(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().startsWith("backprop4j"), run::toString);
    }

    @Test
    void versionIsPrinted() {
        Cli.Run run = Cli.run("--version");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("backprop4j "), run::toString);
    }
}
