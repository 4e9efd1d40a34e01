package io.github.backprop4j.examples.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How the program ends when something goes wrong: one line on stderr that names the command and
 * what was wrong, and the exit code of docs/spec/cli.md.
 *
 * <ul>
 *   <li>{@link #USAGE} (2): the command line itself is wrong — an unknown command, option or
 *       walk-through, a missing argument, an option value of the wrong type.</li>
 *   <li>{@link #BAD_INPUT} (1): the command line parses but its input cannot be used — a tensor
 *       literal that does not parse, shapes or values a loss rejects, a file that cannot be
 *       read.</li>
 * </ul>
 */
public final class ExitHandlers {
    /** Exit code of a usage error. */
    public static final int USAGE = 2;
    /** Exit code of bad input. */
    public static final int BAD_INPUT = 1;

    private ExitHandlers() {
    }

    /** picocli's parameter-exception handler: {@code backprop4j seeds: <message> (see ... --help)}, exit 2. */
    public static int usageError(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        err.println(name + ": " + oneLine(ex.getMessage()) + " (see '" + name + " --help')");
        err.flush();
        return USAGE;
    }

    /**
     * picocli's execution-exception handler. Bad input ({@link IllegalArgumentException}, which
     * includes the losses' {@code LossException}, and unreadable files) gets one line and exit 1.
     * Anything else is a bug in this program: one line, then the stack trace, exit 1.
     */
    public static int badInput(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        if (ex instanceof IllegalArgumentException || ex instanceof UncheckedIOException) {
            err.println(name + ": " + oneLine(ex.getMessage()));
        } else {
            err.println(name + ": internal error: " + ex);
            ex.printStackTrace(err);
        }
        err.flush();
        return BAD_INPUT;
    }

    /** The message on one line (newlines become "; "), never null. */
    public static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "(no message)";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
