package io.github.backprop4j.examples;

import io.github.backprop4j.examples.bench.BenchCommand;
import io.github.backprop4j.examples.cli.ExitHandlers;
import io.github.backprop4j.examples.cli.ExplainCommand;
import io.github.backprop4j.examples.cli.LossCommand;
import io.github.backprop4j.examples.cli.SeedsCommand;
import io.github.backprop4j.examples.cli.StdoutFailure;
import io.github.backprop4j.examples.train.TrainCommand;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code backprop4j} command-line program; the launcher script {@code ./backprop4j} at the
 * repository root runs it.
 *
 * <p>Exit codes (docs/spec/cli.md): 0 on success, 2 on a usage error (unknown command or option,
 * a missing or malformed argument), 1 on bad input (a tensor literal that does not parse, a
 * shape the loss rejects, an unreadable file), each with a one-line message on stderr.
 *
 * <p>To add a command, write a picocli {@code @Command} class and list it in
 * {@code subcommands} below. A module that depends on this one adds its commands as
 * {@link AddedCommand} services instead (the playground's {@code serve}).
 */
@Command(
        name = "backprop4j",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Backpropagation through PyTorch's classification losses, on the JVM.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            TrainCommand.class,
            SeedsCommand.class,
            ExplainCommand.class,
            LossCommand.class,
            BenchCommand.class,
        })
public final class Main implements Callable<Integer> {
    private final InputStream stdin;

    @Spec
    private CommandSpec spec;

    /** A program that reads standard input from {@code stdin} (for {@code loss --jsonl -}). */
    public Main(InputStream stdin) {
        this.stdin = stdin;
    }

    /** Standard input as this run sees it. */
    public InputStream stdin() {
        return stdin;
    }

    /** Without a command there is nothing to do: a usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing COMMAND (one of "
                + String.join(", ", spec.subcommands().keySet()) + ")");
    }

    /**
     * Runs the program with {@code args} on the given streams and returns its exit code;
     * nothing here calls {@link System#exit}. Tests call this directly.
     */
    public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main(in));
        for (AddedCommand added : ServiceLoader.load(AddedCommand.class)) {
            commandLine.addSubcommand(added);
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(ExitHandlers::usageError);
        commandLine.setExecutionExceptionHandler(ExitHandlers::badInput);
        commandLine.setExecutionStrategy(parseResult -> {
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } catch (StdoutFailure e) { // printing --help or --version, outside any command's call()
                err.println(commandLine.getCommandSpec().qualifiedName() + ": " + e.getMessage());
                return ExitHandlers.BAD_INPUT;
            }
        });
        try {
            int code = commandLine.execute(args);
            out.flush();
            return code;
        } catch (StdoutFailure e) { // the last flush
            err.println(commandLine.getCommandSpec().qualifiedName() + ": " + e.getMessage());
            return ExitHandlers.BAD_INPUT;
        } finally {
            err.flush();
        }
    }

    /**
     * Entry point: UTF-8 on stdout and stderr whatever the platform's default charset. Stdout is
     * written to the file descriptor directly (System.out would swallow write errors), so a
     * closed pipe or a full disk ends the program with exit 1 and one line on stderr.
     */
    public static void main(String[] args) {
        PrintWriter out = StdoutFailure.writerOn(new FileOutputStream(FileDescriptor.out));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, System.in, out, err));
    }

    /** {@code --version}: the version in the jar's manifest, if there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"backprop4j " + (version == null ? "(development build)" : version)};
        }
    }
}
