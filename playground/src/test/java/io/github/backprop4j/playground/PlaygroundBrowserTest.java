package io.github.backprop4j.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser (headless Chromium): what a learner sees and clicks. Screenshots
 * go to target/screenshots/.
 */
class PlaygroundBrowserTest {
    @TempDir
    static Path profile;

    private static TestServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        browser = Browser.start(profile);
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static WebElement hook(String testId) {
        return browser.findElement(By.cssSelector("[data-testid='" + testId + "']"));
    }

    private static WebDriverWait waiting(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private static void waitForText(String testId, String text, int seconds) {
        waiting(seconds).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-testid='" + testId + "']"), text));
    }

    @Test
    void deepLinkedLossPageShowsTheLoss() {
        browser.get(server.url("/loss?loss=cross-entropy&input=[[1,4,1,1],[5,1,2,1]]&target=[1,0]"));
        waitForText("loss-value", "tensor(0.1110)", 30);
        assertEquals("tensor(0.1110)", hook("loss-value").getText());
        assertTrue(hook("explain-text").getText().contains("max-shift"));
        assertEquals(8, browser.findElements(By.cssSelector("[data-testid^='grad-cell-']")).size());
        Browser.screenshot(browser, "loss-explorer");
    }

    @Test
    void clickingAGraphNodeShowsItsGradientAndStepWalksBackward() {
        browser.get(server.url("/loss?loss=cross-entropy&input=[[1,4,1,1],[5,1,2,1]]&target=[1,0]"));
        waitForText("loss-value", "tensor(0.1110)", 30);
        hook("graph-node-input").click();
        waitForText("node-grad", "-0.0650", 10);
        hook("graph-step").click();
        waitForText("graph-step-label", "NllLossBackward0", 10);
        hook("graph-step").click();
        waitForText("graph-step-label", "LogSoftmaxBackward0", 10);
        assertTrue(hook("node-vjp").getText().contains("softmax(x)"), hook("node-vjp").getText());
        assertEquals(1, browser.findElements(By.cssSelector("#graph .node.active")).size());
        Browser.screenshot(browser, "graph-step");
    }

    @Test
    void aBadLiteralShowsTheCliErrorNextToItsField() {
        browser.get(server.url("/loss?loss=cross-entropy&input=[[1,4,1,1],[5,1,2,1]]&target=[1,0]"));
        waitForText("loss-value", "tensor(0.1110)", 30);
        WebElement input = hook("field-input");
        input.sendKeys(Keys.END, Keys.BACK_SPACE, Keys.BACK_SPACE);
        waitForText("error-input", "backprop4j explain: --input: the '[' here is never closed", 30);
        assertEquals("", hook("error-target").getText());
        assertEquals("tensor(0.1110)", hook("loss-value").getText());
        Browser.screenshot(browser, "loss-bad-literal");
        assertTrue(browser.getCurrentUrl().contains("input="), browser.getCurrentUrl());
    }

    @Test
    void eachSeedPageShowsItsNumbers() {
        List<String[]> seeds = List.of(
                new String[] {"log-softmax-nll", "1.4693"},
                new String[] {"cross-entropy-options", "1.3447"},
                new String[] {"paper-pencil", "0.10166", "tensor(0.1017)"},
                new String[] {"multi-class-vs-multi-label", "1.7804", "0.7644"});
        for (String[] seed : seeds) {
            browser.get(server.url("/seeds/" + seed[0]));
            String text = hook("seed-text").getText();
            for (int i = 1; i < seed.length; i++) {
                assertTrue(text.contains(seed[i]), seed[0] + " lacks " + seed[i]);
            }
        }
        browser.get(server.url("/seeds/paper-pencil"));
        Browser.screenshot(browser, "seeds-paper-pencil");
    }

    @Test
    void chineseIsOneClickAway() {
        browser.get(server.url("/seeds/paper-pencil"));
        hook("lang-switch").click();
        waitForText("seed-text", "用纸和笔算交叉熵", 20);
        assertTrue(browser.getCurrentUrl().endsWith("?lang=zh"), browser.getCurrentUrl());
        assertTrue(hook("seed-text").getText().contains("tensor(0.1017)"));
        assertEquals("损失函数探索", hook("nav-loss").getText());
        Browser.screenshot(browser, "seeds-zh");
        browser.get(server.url("/loss?lang=zh&loss=cross-entropy&input=[[1,4,1,1],[5,1,2,1]]&target=[1,0]"));
        waitForText("explain-text", "前向", 30);
        Browser.screenshot(browser, "loss-zh");
    }

    @Test
    void trainingXorLiveReachesTheGoal() {
        browser.get(server.url("/train?dataset=xor&autostart=1"));
        waitForText("train-status", "done", 180);
        double accuracy = Double.parseDouble(hook("test-accuracy").getText());
        assertTrue(accuracy >= 0.97, "test accuracy " + accuracy);
        assertTrue(hook("decision-regions").isDisplayed());
        Browser.screenshot(browser, "train-xor");
    }
}
