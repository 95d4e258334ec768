package io.refguard.explore.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.TraceEvent;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Opens generated reports in real headless Chromium (Debian's {@code chromium} and {@code
 * chromium-driver}) and checks what a reader sees: a lane per thread, every step in order,
 * preemptions marked, the copy button, expandable steps; with scripts off, the same content. Saves
 * each page and a screenshot under {@code target/html-report/}.
 *
 * <p>Without Chromium the test is skipped, except on CI ({@code CI=true}), where it must run.
 */
class HtmlReportBrowserTest {

    private static final Path BROWSER =
            Path.of(System.getProperty("refguard.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER =
            Path.of(System.getProperty("refguard.chromedriver", "/usr/bin/chromedriver"));
    private static final Path OUT = Path.of("target", "html-report");

    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            Files.createDirectories(OUT);
            browser = start(true);
        }
    }

    /** Each test is skipped without Chromium (so that every skip shows), or fails on CI. */
    @BeforeEach
    void requireBrowser() {
        if (browser == null) {
            String message =
                    "headless Chromium is needed: "
                            + BROWSER
                            + " and "
                            + DRIVER
                            + " (apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(
                        message + "; on CI it must be installed (.ci/run installs it)");
            }
            Assumptions.abort(message);
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    static WebDriver start(boolean scripts) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--hide-scrollbars",
                "--window-size=1280,900",
                "--force-device-scale-factor=1");
        if (!scripts) {
            options.setExperimentalOption(
                    "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(DRIVER.toFile())
                        .usingAnyFreePort()
                        .build();
        return new ChromeDriver(service, options);
    }

    @Test
    void lanesAndRowsAreWhatTheReportSays() throws Exception {
        InterleavingFailure f = ReportFixtures.acquireAfterEviction();
        Path page = f.writeHtml(OUT.resolve("cache-eviction.html"));
        browser.get(page.toUri().toString());

        List<String> lanes =
                browser.findElements(By.cssSelector("table.lanes th.lane")).stream()
                        .map(WebElement::getText)
                        .map(t -> t.replace(" \u2716 failed", "").strip())
                        .collect(Collectors.toList());
        assertEquals(List.of("reader-1", "reader-2", "evictor"), lanes);

        List<TraceEvent.Step> steps =
                f.report().events().stream()
                        .filter(e -> e instanceof TraceEvent.Step)
                        .map(e -> (TraceEvent.Step) e)
                        .filter(s -> !s.label().equals("start"))
                        .collect(Collectors.toList());
        List<WebElement> rows = browser.findElements(By.cssSelector("table.lanes tr.step"));
        assertEquals(steps.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            WebElement row = rows.get(i);
            int thread = Integer.parseInt(row.getAttribute("data-thread"));
            assertEquals(
                    steps.get(i).thread(), thread, "row " + (i + 1) + " is in its thread's lane");
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertEquals(1 + lanes.size(), cells.size());
            assertTrue(
                    cells.get(1 + thread).getText().startsWith(steps.get(i).label()),
                    cells.get(1 + thread).getText());
            assertTrue(cells.get(0).getText().startsWith(String.valueOf(i + 1)));
        }
        assertFalse(
                browser.findElements(By.cssSelector("tr.step.preempted .pmark")).isEmpty(),
                "a preemption is marked");
        assertTrue(
                browser.findElement(By.id("failure")).getText().contains("acquire of dead"),
                browser.findElement(By.id("failure")).getText());
        assertEquals(f.replayToken(), browser.findElement(By.id("replay-token")).getText());
        assertTrue(
                browser.findElement(By.id("copy-token")).isDisplayed(),
                "scripts reveal the copy button");

        WebElement first = rows.get(0).findElement(By.cssSelector("details"));
        assertFalse(
                first.findElement(By.cssSelector("ol.stack")).isDisplayed(),
                "the stack starts folded");
        browser.findElement(By.id("expand-all")).click();
        assertTrue(
                first.findElement(By.cssSelector("ol.stack")).isDisplayed(),
                "expand all opens every step");
        browser.findElement(By.id("collapse-all")).click();
        rows.get(rows.size() - 1).findElement(By.tagName("summary")).click();
        screenshot(OUT.resolve("cache-eviction.png"));
    }

    @Test
    void aLeakShowsItsAcquireSiteAndAccessRecords() throws Exception {
        InterleavingFailure f = ReportFixtures.forgottenReference();
        Path page = f.writeHtml(OUT.resolve("forgotten-reference.html"));
        browser.get(page.toUri().toString());
        String failure = browser.findElement(By.id("failure")).getText();
        assertTrue(failure.contains("acquired at"), failure);
        assertFalse(
                browser.findElements(By.cssSelector("#failure ol.records li")).isEmpty(), failure);
        screenshot(OUT.resolve("forgotten-reference.png"));
    }

    @Test
    void aDeadlockShowsItsBlockedRows() throws Exception {
        InterleavingFailure f = ReportFixtures.lockOrderDeadlock();
        browser.get(f.writeHtml(OUT.resolve("lock-order-deadlock.html")).toUri().toString());
        List<WebElement> blocked =
                browser.findElements(By.cssSelector("table.lanes tr.event.blocked"));
        assertEquals(2, blocked.size());
        for (WebElement row : blocked) {
            int thread = Integer.parseInt(row.getAttribute("data-thread"));
            assertTrue(
                    row.findElements(By.tagName("td"))
                            .get(1 + thread)
                            .getText()
                            .startsWith("blocked: waits for"));
        }
        screenshot(OUT.resolve("lock-order-deadlock.png"));
    }

    @Test
    void withScriptsOffEverythingIsStillThere() throws Exception {
        InterleavingFailure f = ReportFixtures.acquireAfterEviction();
        Path page = f.writeHtml(OUT.resolve("cache-eviction-noscript.html"));
        WebDriver plain = start(false);
        try {
            plain.get(page.toUri().toString());
            assertEquals(3, plain.findElements(By.cssSelector("table.lanes th.lane")).size());
            assertFalse(plain.findElements(By.cssSelector("table.lanes tr.step")).isEmpty());
            assertEquals(f.replayToken(), plain.findElement(By.id("replay-token")).getText());
            assertFalse(
                    plain.findElement(By.id("copy-token")).isDisplayed(),
                    "no script, no copy button");
            WebElement summary = plain.findElement(By.cssSelector("tr.step summary"));
            summary.click();
            assertTrue(
                    plain.findElement(By.cssSelector("tr.step ol.stack")).isDisplayed(),
                    "details open natively");
        } finally {
            plain.quit();
        }
    }

    @Test
    void methodGroupsCloseAndOpenWithoutScripts() throws Exception {
        InterleavingFailure f = ReportFixtures.acquireAfterEviction();
        Path page = f.writeHtml(OUT.resolve("cache-eviction-calls.html"));
        WebDriver plain = start(false);
        try {
            plain.get(page.toUri().toString());
            List<WebElement> groups = plain.findElements(By.cssSelector("#calls li.call"));
            assertEquals(3, groups.size(), "one call per thread: lookUp, lookUp, evict");
            WebElement group = groups.get(0);
            WebElement step = group.findElement(By.cssSelector("li.call-step"));
            assertTrue(step.isDisplayed(), "groups start open");
            group.findElement(By.tagName("summary")).click();
            assertFalse(step.isDisplayed(), "a click closes the group");
            group.findElement(By.tagName("summary")).click();
            assertTrue(step.isDisplayed(), "and opens it again");
        } finally {
            plain.quit();
        }
        browser.get(page.toUri().toString());
        screenshot(OUT.resolve("cache-eviction-calls.png"));
    }

    /** A screenshot of the whole page: the window grows to the page's height first. */
    private static void screenshot(Path file) throws Exception {
        long height =
                (Long)
                        ((JavascriptExecutor) browser)
                                .executeScript(
                                        "return Math.ceil(document.documentElement.scrollHeight)");
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 160, 4000)));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(1280, 900));
    }
}
