package io.github.backprop4j.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The program's other commands do not pay for the server: a JVM that starts {@code train} (up to
 * its help) loads no HTTP server class and, of the playground, only the small serve command
 * that Main finds as a service. And {@code serve} is listed among the commands.
 */
class ColdStartTest {
    @Test
    void trainLoadsNoServerClass(@TempDir Path dir) throws Exception {
        List<String> loaded = run(dir, "train", "--help");
        assertTrue(loaded.stream().anyMatch(l -> l.contains("io.github.backprop4j.examples.train.TrainCommand")),
                "the run did not get as far as train");
        assertTrue(loaded.stream().noneMatch(l -> l.contains("com.sun.net.httpserver")), "HTTP server classes loaded");
        List<String> playground = loaded.stream().filter(l -> l.contains("io.github.backprop4j.playground.")).toList();
        assertEquals(1, playground.size(), String.join("\n", playground));
        assertTrue(playground.get(0).contains("io.github.backprop4j.playground.ServeCommand"), playground.get(0));
    }

    @Test
    void helpListsServe() {
        TestServer.CliRun help = TestServer.cli("", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().lines().anyMatch(l -> l.strip().startsWith("serve ")), help.out());
    }

    private static List<String> run(Path dir, String... args) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path out = dir.resolve("out.txt");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-cp", classPath, "io.github.backprop4j.examples.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                .directory(new File(System.getProperty("java.io.tmpdir"))).start();
        assertEquals(0, p.waitFor(), Files.readString(out));
        return Files.readAllLines(out);
    }
}
