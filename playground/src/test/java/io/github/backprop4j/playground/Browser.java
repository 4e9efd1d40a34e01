package io.github.backprop4j.playground;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
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
    private static final String MISSING = "Chromium and chromedriver not found on PATH; install them with "
            + "'sudo apt-get install chromium chromium-driver' (Debian/Ubuntu)";
    static final String INSTALL_HINT = "Browser tests skipped: " + MISSING + " to run them.";
    static final String REQUIRED = "Browser tests required (-Dbackprop4j.browserTests=required) but " + MISSING + ".";

    private static boolean hintPrinted;

    private Browser() {
    }

    /** What the browser tests do on this machine. */
    enum Decision { RUN, SKIP, FAIL }

    /**
     * RUN where both programs were found; otherwise SKIP, or FAIL when {@code mode} is
     * {@code required} (as .ci/run sets it).
     */
    static Decision decide(Optional<File> chromium, Optional<File> driver, String mode) {
        if (chromium.isPresent() && driver.isPresent()) {
            return Decision.RUN;
        }
        return "required".equals(mode) ? Decision.FAIL : Decision.SKIP;
    }

    /**
     * A fresh headless Chromium with its own profile directory; where there is none, null (after
     * printing {@link #INSTALL_HINT} once; each test then skips with it) or, if required, a failure.
     */
    static ChromeDriver start(Path profile) {
        String path = System.getenv("PATH");
        Optional<File> chromium = find("chromium", path);
        Optional<File> driver = find("chromedriver", path);
        switch (decide(chromium, driver, System.getProperty("backprop4j.browserTests"))) {
            case FAIL -> Assertions.fail(REQUIRED);
            case SKIP -> {
                synchronized (Browser.class) {
                    if (!hintPrinted) {
                        System.err.println(INSTALL_HINT);
                        hintPrinted = true;
                    }
                }
                return null;
            }
            case RUN -> { }
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

    /** The executable {@code command} in the first directory of {@code path} (a PATH value) that has one. */
    static Optional<File> find(String command, String path) {
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                File f = new File(dir, command);
                if (!dir.isEmpty() && f.isFile() && f.canExecute()) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }
}
