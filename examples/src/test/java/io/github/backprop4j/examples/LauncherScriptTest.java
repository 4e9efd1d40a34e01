package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher, {@code ./backprop4j} at the repository root, run end to end from another
 * directory: arguments, stdin, stdout and exit codes pass through it.
 *
 * <p>The shaded jar is made in the package phase, after the tests, so the script is pointed at
 * this test run's class path with {@code BACKPROP4J_CLASSPATH}; everything but the build step
 * is the script as users run it.
 */
class LauncherScriptTest {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theScriptRunsTheProgramFromAnyDirectory(@TempDir Path elsewhere) throws Exception {
        Path script = repositoryRoot().resolve("backprop4j");
        assumeTrue(Files.isExecutable(script) && new File("/bin/bash").canExecute(),
                "needs bash and the executable launcher script");

        Result seeds = run(script, elsewhere, "", "seeds", "paper-pencil");
        assertEquals(0, seeds.exitCode(), seeds::toString);
        assertTrue(seeds.out().contains("(-ln 0.87005 - ln 0.92046 - ln 0.92046) / 3 = 0.10166"), seeds::toString);
        assertTrue(seeds.out().contains("tensor(0.1017)"), seeds::toString);

        String request = "{\"id\": \"via-script\", \"op\": \"log_softmax\", \"dtype\": \"float64\", "
                + "\"input\": {\"shape\": [3], \"data\": [1, 2, 3]}, \"options\": {\"dim\": 0}}\n";
        Result loss = run(script, elsewhere, request, "loss", "--jsonl", "-");
        assertEquals(0, loss.exitCode(), loss::toString);
        assertTrue(loss.out().startsWith("{\"id\": \"via-script\", \"output\": {\"shape\": [3], \"data\": [-2.4076"),
                loss::toString);

        Result usage = run(script, elsewhere, "", "seeds", "no-such-walkthrough");
        assertEquals(2, usage.exitCode(), usage::toString);
        assertTrue(usage.err().contains("paper-pencil"), usage::toString);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theShellHasTheLibraryAndItsImports(@TempDir Path elsewhere) throws Exception {
        Path script = repositoryRoot().resolve("backprop4j");
        assumeTrue(Files.isExecutable(script) && new File("/bin/bash").canExecute(),
                "needs bash and the executable launcher script");
        // Module, Function and Linear without qualification: the startup imports resolve the clashes
        String session = String.join("\n",
                "Module m = new Linear(3, 2, new Generator(0));",
                "class Cube extends Function { protected Tensor forward(Tensor... x) { return x[0].pow(3); }"
                        + " protected Variable[] backward(Variable g) { return new Variable[] {g}; } }",
                "System.out.println(\"params=\" + m.numParameters());",
                "System.out.println(\"sum=\" + Tensor.of(1.0, 2.0).sum().item());",
                "/exit", "");
        Result shell = run(script, elsewhere, session, "shell", "--feedback", "concise");
        assertEquals(0, shell.exitCode(), shell::toString);
        assertTrue(shell.out().contains("params=8"), shell::toString);
        assertTrue(shell.out().contains("sum=3.0"), shell::toString);
        assertTrue(!shell.out().contains("Error") && !shell.err().contains("Error"), shell::toString);
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result run(Path script, Path directory, String stdin, String... args)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/bash", script.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(directory, "out", ".txt");
        Path err = Files.createTempFile(directory, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("BACKPROP4J_CLASSPATH", testClassPath());
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the script did not finish");
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The class path of this test run (Surefire's, not its booter jar's). */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** The repository root: the parent of the examples module's directory. */
    private static Path repositoryRoot() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        return module.getParent();
    }
}
