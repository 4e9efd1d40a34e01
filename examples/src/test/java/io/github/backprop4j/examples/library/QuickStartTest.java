package io.github.backprop4j.examples.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Use it as a library" programs are these two source files, run here: each README
 * block marked {@code <!-- source: PATH -->} must equal the file at PATH, so the README cannot drift.
 */
class QuickStartTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern BLOCK = Pattern.compile("<!-- source: (\\S+) -->\\n```(?:java|kotlin)\\n(.*?)```",
            Pattern.DOTALL);

    @Test
    void javaQuickStartLearnsTheBlobsAndReloads(@TempDir Path dir) {
        assertTrue(QuickStart.run(dir.resolve("model.safetensors")) >= 0.9);
    }

    @Test
    void kotlinQuickStartLearnsTheBlobsAndReloads(@TempDir Path dir) {
        assertTrue(QuickStartKt.quickStart(dir.resolve("model.safetensors")) >= 0.9);
    }

    @Test
    void readmeBlocksAreTheCompiledSources() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher m = BLOCK.matcher(readme);
        int blocks = 0;
        while (m.find()) {
            blocks++;
            assertEquals(Files.readString(ROOT.resolve(m.group(1))), m.group(2), "README block for " + m.group(1));
        }
        assertEquals(2, blocks, "the Java and the Kotlin quick start");
    }
}
