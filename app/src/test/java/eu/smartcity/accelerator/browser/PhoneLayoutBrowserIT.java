package eu.smartcity.accelerator.browser;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.DemoCycles;
import eu.smartcity.accelerator.support.PostgresTest;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal on a phone, for every role (visitor, coordinator, city officer, company, juror), on a demo cycle
 * whose challenges stand at every stage (open call, jury, contract, pilot, evaluated, replication):
 * <ul>
 *   <li>every portal page the role reaches — a breadth-first walk over the same-origin links from the
 *       role's home, plus the pages of the cycle that need an id — fits a 390 px screen: the page never
 *       scrolls sideways ({@code scrollWidth <= clientWidth}); the failure lists every wide page with its
 *       widths and the elements that stick out;</li>
 *   <li>on every page the skip link is the first thing a keyboard reaches and leads to {@code <main id="content">},
 *       and at 390 px the header's links sit in a closed menu (a checkbox and its label: no JavaScript needed);</li>
 *   <li>buttons, fields and the menu's links are touch targets of at least 44 × 44 px;</li>
 *   <li>evidence: the role's home and five key pages at 1366 and 390 px in English, Dutch and French are saved
 *       under app/target/browser-screenshots/phone-layout/ and pass axe-core (no serious or critical violation).</li>
 * </ul>
 * It asserts structure, never wording: other work changes the pages' texts.
 */
@PostgresTest
@RequiresChromium
class PhoneLayoutBrowserIT {

    static final int PHONE = 390;
    static final int DESKTOP = 1366;
    static final int MIN_TOUCH_TARGET = 44;
    /** A cap that keeps the walk within a few minutes; each role has far fewer distinct pages. */
    static final int MAX_PAGES_PER_ROLE = 120;
    /** Pages of one shape (e.g. /marketplace/solutions/{id}, a search with other filters) the walk visits at most. */
    static final int MAX_PAGES_PER_SHAPE = 4;
    static final Path SCREENSHOTS = Browser.SCREENSHOTS.resolve("phone-layout");
    static final List<String> LANGUAGES = List.of("en", "nl", "fr");
    static final List<String> USERS = List.of("coordinator", "officer-delft", "greengrid", "jury-ben");
    /** Not portal pages (Camunda, REST, API, actuator, static files) or not pages at all (downloads, actions). */
    private static final Pattern NOT_A_PORTAL_PAGE = Pattern.compile(
            "^/(camunda|engine-rest|api|actuator|webjars|css|js|attachments|reports|logout|language)(/|\\?|$)"
                    + "|\\.(pdf|json|svg|png|ico|css|js)(\\?|$)");
    /** The header's menu button on a narrow screen: the label of a checkbox, so it works without JavaScript. */
    private static final By MENU_BUTTON = By.cssSelector("header nav label[for=menu-toggle]");
    private static final Pattern ID_SEGMENT = Pattern.compile("/(?=[^/?]*\\d)[0-9A-Za-z-]{8,}(?=/|\\?|$)");

    /** The page's widths and the outermost elements that stick out of the screen. */
    private static final String MEASURE = """
            const root = document.documentElement, width = root.clientWidth;
            const outside = e => e.getBoundingClientRect().right > width + 1;
            const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                + ' "' + (e.textContent || '').trim().replace(/\\s+/g, ' ').substring(0, 30) + '"';
            const culprits = root.scrollWidth > width ? Array.from(document.body.querySelectorAll('*'))
                .filter(e => outside(e) && !(e.parentElement && outside(e.parentElement))).slice(0, 4).map(describe) : [];
            return [root.scrollWidth, width, culprits.join(', ')];
            """;
    /** The first element a keyboard reaches, and where it leads. */
    private static final String SKIP_LINK = """
            const first = document.querySelector('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]');
            const main = document.querySelector('main');
            return [first ? first.getAttribute('href') : null, main ? main.id : null];
            """;
    /** Touch targets smaller than the minimum; a checkbox or radio counts with its label, as a tap on either works. */
    private static final String SMALL_TARGETS = """
            const min = arguments[0], small = [];
            const visible = r => r.width > 0 && r.height > 0;
            const check = (e, target) => {
              const r = target.getBoundingClientRect();
              if (visible(e.getBoundingClientRect()) && (r.width < min - 0.5 || r.height < min - 0.5)) {
                small.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "' + (e.textContent || e.value || e.name || '').trim()
                  .replace(/\\s+/g, ' ').substring(0, 25) + '" ' + Math.round(r.width) + 'x' + Math.round(r.height));
              }
            };
            document.querySelectorAll('header a, header button, header summary, header select, footer a, main button, '
                + 'main [role=button], main select, main input:not([type=hidden]):not([type=checkbox]):not([type=radio])')
                .forEach(e => check(e, e));
            document.querySelectorAll('main input[type=checkbox], main input[type=radio]')
                .forEach(e => check(e, e.closest('label') || (e.id && document.querySelector('label[for="' + e.id + '"]')) || e));
            return small;
            """;

    @LocalServerPort int port;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Applications applications;
    @Autowired ProcessEngine engine;
    @Autowired TaskCompletions completions;

    /** The demo cycle's challenges by stage, made once for the class (it takes a while on PostgreSQL). */
    private static Map<String, Challenges.ChallengeView> stages;
    private final AtomicInteger screenshots = new AtomicInteger();

    @BeforeEach
    void demoCycleAtEveryStage() {
        if (stages == null) {
            UUID cycle = DemoCycles.create(cycles, challenges, applications, engine, completions);
            Map<String, Challenges.ChallengeView> byStage = new HashMap<>();
            for (Challenges.ChallengeView c : challenges.ofCycle(cycle)) {
                byStage.put(switch (c.cityGroup() + " " + c.title().substring(0, 5)) {
                    case "city-mechelen Smart" -> "open";
                    case "city-bruges Air q" -> "jury";
                    case "city-delft Smart" -> "contracting";
                    case "city-saint-quentin Parti" -> "piloting";
                    default -> "evaluated";
                }, c);
            }
            assertThat(byStage).as("the demo cycle's stages").containsKeys("open", "jury", "contracting", "piloting", "evaluated");
            stages = byStage;
        }
    }

    /** The walk changes the users' language through the header; whatever happens, they find English again. */
    @AfterEach
    void englishAgain() {
        USERS.forEach(user -> engine.getIdentityService().setUserInfo(user, "language", "en"));
    }

    @Test
    void aVisitor() {
        UUID open = stages.get("open").id();
        walk("visitor", browser -> pages(
                "open-calls", "/challenges",
                "challenge", "/challenges/" + open,
                "results", "/challenges/" + stages.get("contracting").id() + "/results",
                "marketplace", "/marketplace",
                "login", "/login"));
    }

    @Test
    void theCoordinator() {
        walk("coordinator", browser -> pages(
                "dashboard", "/coordinator",
                "my-tasks", "/tasks",
                "task", firstTask(browser),
                "contract", contractOf("contracting"),
                "undelivered-mail", "/coordinator/notifications"));
    }

    @Test
    void aCityOfficer() {
        walk("officer-delft", browser -> pages(
                "our-challenges", "/city/challenges",
                "define-challenge", "/city/challenges/new",
                "my-tasks", "/tasks",
                "challenge", "/challenges/" + stages.get("contracting").id(),
                "contract", contractOf("contracting")));
    }

    @Test
    void aCompany() {
        walk("greengrid", browser -> pages(
                "apply-form", "/challenges/" + stages.get("open").id() + "/apply",
                "my-applications", "/applications",
                "my-tasks", "/tasks",
                "task", firstTask(browser),
                "contract", contractOf("evaluated")));
    }

    @Test
    void aJuror() {
        walk("jury-ben", browser -> pages(
                "my-tasks", "/tasks",
                "task", firstTask(browser),
                "open-calls", "/challenges",
                "challenge", "/challenges/" + stages.get("jury").id(),
                "marketplace", "/marketplace"));
    }

    private void walk(String user, java.util.function.Function<Browser, Map<String, String>> keyPages) {
        boolean visitor = "visitor".equals(user);
        List<String> failures = new ArrayList<>();
        try (Browser browser = new Browser(port, user, SCREENSHOTS, screenshots::incrementAndGet)) {
            browser.viewport(DESKTOP);
            if (!visitor) {
                browser.login("demo").waitFor(Browser.LOGOUT);
            }
            Map<String, String> evidence = new LinkedHashMap<>();
            evidence.put("home", "/");
            evidence.putAll(keyPages.apply(browser));

            for (String language : LANGUAGES) {
                browser.viewport(DESKTOP).open("/");
                chooseLanguage(browser, language);
                evidence.forEach((name, path) -> {
                    for (int width : List.of(DESKTOP, PHONE)) {
                        browser.viewport(width).open(path);
                        String where = language + " " + width + " px " + path;
                        checked(failures, where, () -> browser.step(language + "-" + width + "-" + name).assertAccessible());
                        if (width == PHONE) {
                            checkShell(browser, where, failures);
                            checkTouchTargets(browser, where, failures);
                        }
                    }
                });
            }
            browser.viewport(DESKTOP).open("/");
            chooseLanguage(browser, "en");
            browser.viewport(PHONE).open("/");
            checkMenuOpens(browser, failures);

            Set<String> known = new LinkedHashSet<>(evidence.values());
            known.addAll(pagesOfTheCycle());
            int visited = crawl(browser, known, failures);
            org.slf4j.LoggerFactory.getLogger(PhoneLayoutBrowserIT.class).info("{}: {} portal pages checked at {} px, {} failures",
                    user, visited, PHONE, failures.size());
            assertThat(visited).as("pages %s reached", user).isGreaterThan(evidence.size());
        }
        assertThat(failures).as("%s at %d px: pages wider than the screen, a missing skip link or menu, small touch targets, "
                + "axe-core violations", user, PHONE).isEmpty();
    }

    /**
     * Breadth-first from the home page over the same-origin links of portal pages, then the known pages the links
     * did not reach (pages of another organisation or stage, refused to this role, are skipped).
     */
    private int crawl(Browser browser, Set<String> known, List<String> failures) {
        ArrayDeque<String> queue = new ArrayDeque<>(List.of("/"));
        Set<String> seen = new java.util.HashSet<>(queue);
        Map<String, Integer> shapes = new HashMap<>();
        int visited = 0;
        List<String> knownLeft = new ArrayList<>(known);
        while (visited < MAX_PAGES_PER_ROLE && (!queue.isEmpty() || !knownLeft.isEmpty())) {
            boolean linked = !queue.isEmpty();
            String path = linked ? queue.poll() : knownLeft.remove(0);
            if (!linked && !seen.add(path)) {
                continue;
            }
            browser.open(path);
            browser.takeConsoleErrors(); // the walk checks the layout; the evidence pages check the console
            if (browser.present(By.id("error-page"))) {
                if (linked) {
                    failures.add(path + ": a link leads to an error page (" + browser.attribute(By.id("error-page"), "data-error-status") + ")");
                }
                continue;
            }
            visited++;
            checkShell(browser, path, failures);
            @SuppressWarnings("unchecked")
            List<String> links = (List<String>) browser.runScript(
                    "return Array.from(document.querySelectorAll('a[href]')).map(a => a.href)");
            String base = "http://localhost:" + port;
            for (String link : links) {
                String target = link.replaceFirst("#.*$", "");
                if (!target.startsWith(base + "/")) {
                    continue;
                }
                target = target.substring(base.length());
                if (NOT_A_PORTAL_PAGE.matcher(target).find() || seen.contains(target)) {
                    continue;
                }
                String shape = ID_SEGMENT.matcher(target).replaceAll("/{id}").replaceFirst("\\?.*$", "?…");
                if (shapes.merge(shape, 1, Integer::sum) <= MAX_PAGES_PER_SHAPE) {
                    seen.add(target);
                    queue.add(target);
                }
            }
        }
        return visited;
    }

    /** At 390 px: no sideways scrolling, the skip link first and leading to main, the header's links in a closed menu. */
    private void checkShell(Browser browser, String where, List<String> failures) {
        List<?> widths = (List<?>) browser.runScript(MEASURE);
        long scrollWidth = ((Number) widths.get(0)).longValue();
        long clientWidth = ((Number) widths.get(1)).longValue();
        if (scrollWidth > clientWidth) {
            failures.add(where + ": " + scrollWidth + " px wide on a " + clientWidth + " px screen; sticking out: " + widths.get(2));
        }
        List<?> skip = (List<?>) browser.runScript(SKIP_LINK);
        if (!"#content".equals(skip.get(0)) || !"content".equals(skip.get(1))) {
            failures.add(where + ": the first focusable element leads to " + skip.get(0) + ", main has id " + skip.get(1)
                    + " (wanted: a skip link to main#content)");
        }
        Object menuLinksShown = browser.runScript(
                "return Array.from(document.querySelectorAll('header nav .menu a')).filter(a => a.getClientRects().length > 0).length");
        if (!browser.present(MENU_BUTTON) || ((Number) menuLinksShown).intValue() > 0) {
            failures.add(where + ": the header's links are not in a closed menu (" + menuLinksShown + " shown)");
        }
    }

    /** Buttons, fields, checkboxes and radios with their labels, the menu button: at least 44 px each way. */
    private static void checkTouchTargets(Browser browser, String where, List<String> failures) {
        List<?> small = (List<?>) browser.runScript(SMALL_TARGETS, MIN_TOUCH_TARGET);
        if (!small.isEmpty()) {
            failures.add(where + ": touch targets smaller than " + MIN_TOUCH_TARGET + " px: " + small);
        }
    }

    /** A tap on the menu button shows the header's links and the language menu, each a 44 px touch target. */
    private void checkMenuOpens(Browser browser, List<String> failures) {
        if (!browser.present(MENU_BUTTON)) {
            failures.add("/: no menu button in the header at " + PHONE + " px");
            return;
        }
        browser.click(MENU_BUTTON);
        Object shown = browser.runScript("return [...document.querySelectorAll('header nav .menu a, #lang')]"
                + ".every(e => e.getClientRects().length > 0)");
        if (!Boolean.TRUE.equals(shown)) {
            failures.add("/: the menu button does not show the header's links and language menu");
        }
        checkTouchTargets(browser, "/ (menu open)", failures);
        checked(failures, "/ (menu open)", () -> browser.step("en-390-menu-open").assertAccessible());
    }

    /** The header's language menu, as a user changes it (on a wide screen: on a phone it is in the menu). */
    private static void chooseLanguage(Browser browser, String language) {
        browser.select("lang", language).click(By.cssSelector("header form.language button"));
        browser.waitFor(By.cssSelector("html[lang='" + language + "']"));
    }

    private static void checked(List<String> failures, String where, Runnable check) {
        try {
            check.run();
        } catch (AssertionError e) {
            failures.add(where + ": " + e.getMessage().replaceAll("\\s+", " "));
        }
    }

    /** The first task of My tasks (a task page needs its id). */
    private static String firstTask(Browser browser) {
        browser.open("/tasks");
        @SuppressWarnings("unchecked")
        List<String> tasks = (List<String>) browser.runScript("return Array.from(document.querySelectorAll('main a[href]'))"
                + ".map(a => a.getAttribute('href')).filter(h => /^\\/tasks\\/[^/]+$/.test(h))");
        assertThat(tasks).as("tasks of %s", browser.currentPath()).isNotEmpty();
        return tasks.get(0);
    }

    private String contractOf(String stage) {
        Applications.PublicResults results = applications.publicResults(stages.get(stage).id());
        return "/contracts/of-application/" + results.selected().get(0).id();
    }

    /** Every page of the demo cycle that needs an id: challenges, results, explanations and contracts. */
    private List<String> pagesOfTheCycle() {
        List<String> pages = new ArrayList<>();
        stages.values().forEach(c -> {
            pages.add("/challenges/" + c.id());
            pages.add("/challenges/" + c.id() + "/results");
            applications.receivedBy(c.id()).forEach(a -> {
                pages.add("/applications/" + a.id() + "/explanation");
                pages.add("/contracts/of-application/" + a.id());
            });
        });
        return pages;
    }

    private static Map<String, String> pages(String... nameAndPath) {
        Map<String, String> pages = new LinkedHashMap<>();
        for (int i = 0; i < nameAndPath.length; i += 2) {
            pages.put(nameAndPath[i], nameAndPath[i + 1]);
        }
        return pages;
    }
}
