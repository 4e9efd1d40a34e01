package io.github.backprop4j.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether the browser tests run, skip or fail: decided from what PATH holds, tested with
 * temporary directories instead of a machine without Chromium.
 */
class BrowserDecisionTest {
    @TempDir
    Path empty;

    @TempDir
    Path installed;

    private static File executable(Path dir, String name) throws IOException {
        File f = Files.writeString(dir.resolve(name), "#!/bin/sh\n").toFile();
        assertTrue(f.setExecutable(true));
        return f;
    }

    @Test
    void nothingIsFoundOnAnEmptyOrMissingPath() {
        assertEquals(Optional.empty(), Browser.find("chromedriver", empty.toString()));
        assertEquals(Optional.empty(), Browser.find("chromedriver", ""));
        assertEquals(Optional.empty(), Browser.find("chromedriver", null));
    }

    @Test
    void theFirstExecutableOnThePathIsFound() throws IOException {
        File driver = executable(installed, "chromedriver");
        String path = empty + File.pathSeparator + installed;
        assertEquals(Optional.of(driver), Browser.find("chromedriver", path));
        assertEquals(Optional.empty(), Browser.find("chromium", path));
    }

    @Test
    void aFileThatIsNotExecutableDoesNotCount() throws IOException {
        Files.writeString(empty.resolve("chromium"), "not a program");
        assertEquals(Optional.empty(), Browser.find("chromium", empty.toString()));
    }

    @Test
    void aMissingBrowserSkipsUnlessRequired() throws IOException {
        Optional<File> chromium = Optional.of(executable(installed, "chromium"));
        Optional<File> driver = Browser.find("chromedriver", empty.toString());
        assertEquals(Browser.Decision.SKIP, Browser.decide(chromium, driver, "optional"));
        assertEquals(Browser.Decision.SKIP, Browser.decide(Optional.empty(), Optional.empty(), null));
        assertEquals(Browser.Decision.FAIL, Browser.decide(chromium, driver, "required"));
        assertEquals(Browser.Decision.FAIL, Browser.decide(Optional.empty(), chromium, "required"));
    }

    @Test
    void bothFoundRunsEitherWay() throws IOException {
        Optional<File> chromium = Optional.of(executable(installed, "chromium"));
        Optional<File> driver = Optional.of(executable(installed, "chromedriver"));
        assertEquals(Browser.Decision.RUN, Browser.decide(chromium, driver, "optional"));
        assertEquals(Browser.Decision.RUN, Browser.decide(chromium, driver, "required"));
    }

    @Test
    void theSkipLineSaysHowToInstall() {
        assertTrue(Browser.INSTALL_HINT.contains("apt-get install chromium chromium-driver"), Browser.INSTALL_HINT);
        assertEquals(1, Browser.INSTALL_HINT.lines().count());
    }
}
