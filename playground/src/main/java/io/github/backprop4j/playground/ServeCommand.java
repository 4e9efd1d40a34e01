package io.github.backprop4j.playground;

import io.github.backprop4j.examples.AddedCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backprop4j serve [--port N] [--host H]}: the playground in the browser. Prints
 * {@code backprop4j playground at http://HOST:PORT/} as its first line, then serves until the
 * JVM is asked to stop (Ctrl-C), when it closes the server and ends any training run.
 *
 * <p>This class is loaded at every start of the program (it is an {@link AddedCommand}: Main
 * reads its name) and instantiated for {@code serve}, {@code --help} and unknown commands; the
 * server's classes are loaded only when it runs.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serves the playground: the loss explorer (/loss), the worked examples (/seeds/NAME), the "
                    + "autograd graph and live training (/train), in English or Chinese (?lang=zh). "
                    + "Everything works offline.",
            "",
            "It listens on the loopback interface unless --host says otherwise, and runs until Ctrl-C.",
        })
public final class ServeCommand implements Callable<Integer>, AddedCommand {
    /** The port when none is given. */
    public static final int DEFAULT_PORT = 8484;

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + DEFAULT_PORT,
            description = "The port (default: ${DEFAULT-VALUE}; 0 takes a free one).")
    private int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    private String host;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
        }
        return PlaygroundServer.serveUntilStopped(host, port, spec.commandLine().getOut());
    }
}
