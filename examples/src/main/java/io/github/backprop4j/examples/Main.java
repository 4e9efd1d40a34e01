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
import java.util.List;
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
 * <p>To add a command, write a picocli {@code @Command} class and list it in {@link #COMMANDS}.
 * A module that depends on this one adds its commands as {@link AddedCommand} services instead
 * (the playground's {@code serve}).
 *
 * <p>When the first argument names a command, only that command is given to picocli: building
 * picocli's model of every command (their options, descriptions and converters) took about
 * 150 ms of each start, more than a third of a short {@code train} run's time outside its
 * training loop. {@code --help}, {@code --version}, a missing or unknown command get them all.
 */
@Command(
        name = "backprop4j",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Backpropagation through PyTorch's classification losses, on the JVM.",
        synopsisSubcommandLabel = "COMMAND")
public final class Main implements Callable<Integer> {
    /** The built-in commands, in the order the usage help lists them (the added ones follow). */
    static final List<Class<?>> COMMANDS = List.of(
            TrainCommand.class, SeedsCommand.class, ExplainCommand.class, LossCommand.class, BenchCommand.class);

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
        addCommands(commandLine, args.length > 0 ? args[0] : "");
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
     * Gives picocli the command named {@code first} if there is one, else every command. The
     * added commands' classes are loaded (to read their names) but instantiated only when given.
     */
    private static void addCommands(CommandLine commandLine, String first) {
        List<ServiceLoader.Provider<AddedCommand>> added = ServiceLoader.load(AddedCommand.class).stream().toList();
        boolean named = COMMANDS.stream().anyMatch(c -> commandName(c).equals(first))
                || added.stream().anyMatch(p -> commandName(p.type()).equals(first));
        for (Class<?> command : COMMANDS) {
            if (!named || commandName(command).equals(first)) {
                commandLine.addSubcommand(command);
            }
        }
        for (ServiceLoader.Provider<AddedCommand> provider : added) {
            if (!named || commandName(provider.type()).equals(first)) {
                commandLine.addSubcommand(provider.get());
            }
        }
    }

    private static String commandName(Class<?> command) {
        Command annotation = command.getAnnotation(Command.class);
        if (annotation == null) {
            throw new IllegalStateException(command.getName() + " is not a picocli @Command");
        }
        return annotation.name();
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
