package io.github.backprop4j.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs the JDK's {@code javadoc} with every doclint check over the module whose tests are running
 * (sources under {@code src/main/java}) and returns what it reports. The javadoc plugin's
 * {@code failOnWarnings} cannot be used instead: JDK 17's javadoc always warns "using incubating
 * module(s): jdk.incubator.vector" for any module that reads the tensor module (whose
 * {@code requires static} names it) and has no switch to silence that one line.
 */
public final class JavadocLint {
    private static final String INCUBATING = "using incubating module(s)";

    private JavadocLint() {
    }

    /**
     * The warnings and errors javadoc reports for the exported packages of {@code module}, except
     * the incubating-module line; an empty list when the public API is fully documented. The pages
     * go to {@code target/javadoc-lint}, so {@code mvn clean} removes them.
     */
    public static List<String> problems(String module) {
        Path sources = Path.of("src/main/java");
        if (!Files.isDirectory(sources)) {
            throw new IllegalStateException("run from the module's directory: no " + sources.toAbsolutePath());
        }
        try {
            Path out = Files.createDirectories(Path.of("target", "javadoc-lint"));
            Path javadoc = Path.of(System.getProperty("java.home"), "bin", "javadoc");
            Process run = new ProcessBuilder(javadoc.toString(),
                    "-quiet", "-Xdoclint:all", "-Xmaxwarns", "10000", "-d", out.toString(),
                    "--module-path", dependencies(), "--source-path", sources.toString(),
                    "--module", module)
                    .redirectErrorStream(true).start();
            String log = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = run.waitFor();
            List<String> problems = log.lines()
                    .filter(line -> line.contains("warning") || line.contains("error"))
                    .filter(line -> !line.contains(INCUBATING) && !line.matches("\\d+ (warning|error)s?"))
                    .collect(Collectors.toList());
            if (exit != 0 && problems.isEmpty()) {
                problems = List.of("javadoc exited with " + exit + ":\n" + log);
            }
            return problems;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The test class path without this module's own output (its sources are documented instead). */
    private static String dependencies() {
        String own = Path.of("target").toAbsolutePath().toString();
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).toAbsolutePath().startsWith(own))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
