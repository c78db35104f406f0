package eu.smartcity.accelerator.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven by Selenium, as one user at a time. Every step: checks the page
 * shows no message key without a text ({@code ??key_en??}), is not an error page (Spring's Whitelabel page or our own {@code error.html}, recognised by its
 * {@code #error-page} in any language) and the console has no JavaScript error (CSP violations and
 * failed resource loads included), then saves a numbered screenshot under
 * app/target/browser-screenshots/ (or a sub-folder per walk, numbered across its users).
 * {@link #assertAccessible()} runs axe-core (WCAG 2.1 A/AA) and fails on serious or critical violations.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("accelerator.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("accelerator.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    /** Generous: on a shared 2-core CI runner Tasklist can take long to render; a passing step never waits that long. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");
    /** How Thymeleaf renders a message key that has no text in the user's language: {@code ??challengeStatus.X_en??}. */
    private static final java.util.regex.Pattern MISSING_MESSAGE = java.util.regex.Pattern.compile("\\?\\?[\\w.-]+_\\w+\\?\\?");
    /** The logout button in the header: present only when logged in (the language form is there for everyone). */
    static final By LOGOUT = By.cssSelector("header form[action$='/logout'] button");
    /** The one form of a portal page (task form, apply form, define-challenge form). */
    static final By SUBMIT = By.cssSelector("main form button[type=submit]");

    private final WebDriver driver;
    private final String baseUrl;
    private final String user;
    private final Path screenshots;
    private final java.util.function.IntSupplier stepNumbers;
    /** The emulated screen width in CSS px (a phone below {@value #PHONE_BELOW}), or 0: the window's own 1280. */
    private int viewportWidth;
    private static final int PHONE_BELOW = 800;

    /** Screenshots as {@code <user>-NN-<step>.png}, numbered per user. */
    Browser(int port, String user) {
        this(port, user, SCREENSHOTS, new java.util.concurrent.atomic.AtomicInteger()::incrementAndGet);
    }

    static final String NOT_INSTALLED = "Browser tests skipped: install Debian's chromium and chromium-driver (" + CHROMIUM
            + ", " + CHROMEDRIVER + "; other paths: -Daccelerator.chromium=… -Daccelerator.chromedriver=…); .ci/run does it on CI";

    /** Browser test classes are annotated {@link RequiresChromium}: skipped with {@link #NOT_INSTALLED} otherwise. */
    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Screenshots as {@code <folder>/NN-<user>-<step>.png}, numbered by a counter the walk's browsers share. */
    Browser(int port, String user, Path folder, java.util.function.IntSupplier stepNumbers) {
        this.baseUrl = "http://localhost:" + port;
        this.user = user;
        this.screenshots = folder;
        this.stepNumbers = stepNumbers;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // No background networking: this machine has no internet, and Chromium would keep trying.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--lang=en");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);
    }

    /**
     * Lays pages out for a screen this wide (CSS px), from now on: below {@value #PHONE_BELOW} px as a phone
     * (touch, the page's viewport meta tag applies) through Chromium's device emulation; the open page reflows.
     */
    Browser viewport(int width) {
        this.viewportWidth = width;
        emulate(width, width < PHONE_BELOW ? 844 : 900);
        return this;
    }

    private void emulate(int width, int height) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < PHONE_BELOW));
    }

    Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    Browser type(String fieldId, String text) {
        WebElement field = driver.findElement(By.id(fieldId));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    Browser select(String fieldId, String value) {
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id(fieldId))).selectByValue(value);
        return this;
    }

    Browser check(String fieldId) {
        WebElement box = driver.findElement(By.id(fieldId));
        if (!box.isSelected()) {
            box.click();
        }
        return this;
    }

    boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    boolean selected(By by) {
        return driver.findElement(by).isSelected();
    }

    String value(String fieldId) {
        return driver.findElement(By.id(fieldId)).getAttribute("value");
    }

    /** Submits the page's one form (see {@link #SUBMIT}). */
    Browser submit() {
        return click(SUBMIT);
    }

    /** Follows the link to this path (e.g. a task in My tasks): the user clicks what the page offers. */
    Browser follow(String path) {
        return waitFor(By.cssSelector("main a[href='" + path + "']")).click(By.cssSelector("main a[href='" + path + "']"));
    }

    /**
     * Waits until the element is in the page and takes the click, then clicks it: Tasklist renders late, and
     * keeps an overlay over a task's form until its claim has come back from the server.
     */
    Browser clickWhenReady(By by) {
        new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.elementToBeClickable(by));
        new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    WebElement element = d.findElement(by);
                    // centred, so that no fixed header or footer (Tasklist has both) takes the click
                    ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
                    element.click();
                    return true;
                });
        return this;
    }

    Browser click(By by) {
        driver.findElement(by).click();
        return this;
    }

    Browser waitFor(By by) {
        return waitFor(by, WAIT);
    }

    /** Longer than {@link #WAIT}: e.g. the first Tasklist of a JVM, which loads the Camunda webapp's plugins. */
    Browser waitFor(By by, Duration wait) {
        new WebDriverWait(driver, wait).until(ExpectedConditions.visibilityOfElementLocated(by));
        return this;
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    String attribute(By by, String name) {
        return driver.findElement(by).getAttribute(name);
    }

    /**
     * Downloads what a link of the page points to, as this user: the request carries the browser's cookies
     * (its logged-in session), so the server answers exactly what a click on the link would save. (Headless
     * Chromium saves a click's download to a folder, with no signal when it is complete.) Redirects are not
     * followed: a session the server does not accept shows as a 302 to the login page.
     */
    java.net.http.HttpResponse<byte[]> download(By link) {
        String href = attribute(link, "href"); // absolute: the DOM resolves it against the page
        assertThat(href).as("link to download").startsWith(baseUrl);
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(href))
                .header("Cookie", cookies).timeout(WAIT).GET().build();
        try {
            return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a script in the page (tests of this helper only: a user never runs scripts). */
    Object runScript(String script, Object... arguments) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script, arguments);
    }

    String mainText() {
        return text(By.cssSelector("main"));
    }

    String currentPath() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    /** Logs in through the portal's form. */
    /**
     * Submits the login form and waits until the browser has left that form (the next page, or the form again with
     * its error): a page opened right after the click would otherwise race the login's own navigation.
     */
    Browser login(String password) {
        open("/login").type("username", user).type("password", password);
        WebElement submit = driver.findElement(By.cssSelector("main form button[type=submit]"));
        submit.click();
        new WebDriverWait(driver, WAIT).until(d -> isGone(submit));
        return this;
    }

    /**
     * True once the element's page has been replaced. Chrome reports an element of a page that is being replaced
     * either as stale or, mid-navigation, as a node that "does not belong to the document"; both mean gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Records the step: no server error page, no console error, a screenshot named after the step. */
    Browser step(String name) {
        String source = driver.getPageSource();
        assertThat(source).as("server error page at %s", driver.getCurrentUrl())
                .doesNotContain("Whitelabel Error Page").doesNotContain("Internal Server Error");
        java.util.regex.Matcher missingMessage = MISSING_MESSAGE.matcher(source);
        assertThat(missingMessage.find() ? missingMessage.group() : null)
                .as("a message key without a text (Thymeleaf shows ??key_locale??) at %s", driver.getCurrentUrl()).isNull();
        List<WebElement> errorPage = driver.findElements(By.id("error-page"));
        assertThat(errorPage).as("error page (status %s) at %s",
                errorPage.isEmpty() ? "" : errorPage.get(0).getAttribute("data-error-status"), driver.getCurrentUrl()).isEmpty();
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
        assertThat(errors).as("JavaScript console errors at %s", driver.getCurrentUrl()).isEmpty();
        screenshot(name);
        return this;
    }

    /** Reads and clears the console's errors, for a page that is meant to fail (a refused page logs its status). */
    List<String> takeConsoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** axe-core on the current page: no serious or critical WCAG 2.1 A/AA violation. */
    Browser assertAccessible() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        List<String> blocking = results.getViolations().stream()
                .filter(v -> BLOCKING_IMPACTS.contains(v.getImpact()))
                .map(Browser::describe)
                .toList();
        assertThat(blocking).as("serious/critical accessibility violations at %s", driver.getCurrentUrl()).isEmpty();
        return this;
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " (" + rule.getNodes().size() + " element(s))";
    }

    /** A screenshot without the checks, e.g. of the page a failed step left behind; never throws. */
    void snapshot(String name) {
        try {
            screenshot(name);
        } catch (RuntimeException e) {
            // the browser may be gone: the step's own failure is what counts
        }
    }

    private void screenshot(String name) {
        fitWindowToPage();
        try {
            Files.createDirectories(screenshots);
            Path png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            String file = screenshots.equals(SCREENSHOTS) ? String.format("%s-%02d-%s.png", user, stepNumbers.getAsInt(), name)
                    : String.format("%02d-%s-%s.png", stepNumbers.getAsInt(), user, name);
            Files.move(png, screenshots.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The whole page in the screenshot (a form and its submit button), within a sane bound. Twice: a
     * resized viewport can reflow the page (e.g. Pico's viewport-relative spacing).
     */
    private void fitWindowToPage() {
        if (viewportWidth > 0) {
            for (int pass = 0; pass < 2; pass++) {
                Object page = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
                emulate(viewportWidth, Math.max(viewportWidth < PHONE_BELOW ? 844 : 900, Math.min(((Number) page).intValue(), 4000)));
            }
            return;
        }
        for (int pass = 0; pass < 2; pass++) {
            Object missing = ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.scrollHeight - window.innerHeight");
            int extra = missing instanceof Number n ? n.intValue() : 0;
            int height = driver.manage().window().getSize().getHeight();
            int wanted = Math.max(900, Math.min(height + extra, 4000));
            if (wanted == height) {
                return;
            }
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, wanted));
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
