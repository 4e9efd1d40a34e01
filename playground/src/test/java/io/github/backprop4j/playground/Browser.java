package io.github.backprop4j.playground;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Selenium, for the browser tests. Where Chromium or its
 * driver is missing, the tests are skipped with one line saying how to install them — unless
 * {@code -Dbackprop4j.browserTests=required} (as .ci/run sets it), which makes that a failure.
 */
final class Browser {
    static final String INSTALL_HINT = "Browser tests skipped: Chromium and chromedriver not found; install them "
            + "with 'sudo apt-get install chromium chromium-driver' (Debian/Ubuntu) to run them.";

    private static boolean hintPrinted;

    private Browser() {
    }

    /** A fresh headless Chromium with its own profile directory; skips or fails where there is none. */
    static ChromeDriver start(Path profile) {
        Optional<File> chromium = find("chromium", "/usr/bin/chromium", "/usr/lib/chromium/chromium");
        Optional<File> driver = find("chromedriver", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        if (chromium.isEmpty() || driver.isEmpty()) {
            if ("required".equals(System.getProperty("backprop4j.browserTests"))) {
                Assertions.fail("backprop4j.browserTests=required but " + INSTALL_HINT);
            }
            synchronized (Browser.class) {
                if (!hintPrinted) {
                    System.err.println(INSTALL_HINT);
                    hintPrinted = true;
                }
            }
            Assumptions.abort(INSTALL_HINT);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1200", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get())
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return browser;
    }

    /** Saves what the browser shows to target/screenshots/NAME.png. */
    static Path screenshot(ChromeDriver browser, String name) {
        try {
            Path dir = Path.of(System.getProperty("basedir", "."), "target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<File> find(String command, String... usual) {
        for (String path : usual) {
            File f = new File(path);
            if (f.canExecute()) {
                return Optional.of(f);
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                File f = new File(dir, command);
                if (f.canExecute()) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }
}
