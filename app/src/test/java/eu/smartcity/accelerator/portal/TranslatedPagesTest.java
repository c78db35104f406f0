package eu.smartcity.accelerator.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import jakarta.servlet.http.Cookie;
import java.util.Base64;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * A Dutch or French reader never meets an English sentence of ours: every role's portal pages (found by following
 * the links of each role's start pages on the demo cycle), the apply form with its errors and a refusal are
 * rendered in nl and fr, and each fails on an English text of the bundles or of the Camunda Forms (more than
 * three words) that is not also the Dutch or French text. Same context as {@code DemoCycleTest}.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:demo-cycle;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
        "camunda.bpm.job-execution.enabled=false"})
@AutoConfigureMockMvc
class TranslatedPagesTest {

    static final String LANGUAGE_SESSION_KEY = "eu.smartcity.accelerator.identity.internal.UserLanguageResolver";
    static final List<String> USERS = List.of("", "coordinator", "officer-mechelen", "officer-delft",
            "urbansense", "parkflow", "greengrid", "jury-ben");
    static final List<String> START = List.of("/", "/challenges", "/applications", "/tasks", "/city/challenges",
            "/city/challenges/new", "/coordinator", "/coordinator/notifications", "/account/notifications", "/marketplace",
            "/marketplace/search?q=parking", "/marketplace/guided", "/marketplace/prospection", "/marketplace/my-solutions",
            "/marketplace/my-solutions/new", "/marketplace/frameworks", "/marketplace/documents", "/bylaws", "/register", "/login",
            "/coordinator/people", "/coordinator/invitations", "/coordinator/retention");
    /** Not pages of ours to read in a language: downloads, the engine's web apps, the API, leaving. */
    static final Pattern NOT_A_PAGE = Pattern.compile("\\.pdf|^/camunda|^/api|^/attachments|^/logout|^/engine-rest|^/webjars|\\.(css|js|png|svg|ico)$");
    static final int PAGES_PER_USER = 25;

    @Autowired MockMvc mvc;
    @SuppressWarnings("rawtypes")
    @Autowired SessionRepository sessions;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;

    @Test
    void noEnglishSentenceOnAnyPageOfAnyRoleInDutchOrFrench() throws Exception {
        // the check itself finds English where there is English: the start page in English
        Browser inEnglish = session("", "en");
        assertThat(englishIn(html(get("/").with(inEnglish), "en"), knownEnglish("nl"))).isNotEmpty();
        assertThat(englishIn(html(get("/marketplace").with(inEnglish), "en"), knownEnglish("fr"))).isNotEmpty();

        Map<String, Set<String>> english = new TreeMap<>();
        int pages = 0;
        for (String language : List.of("nl", "fr")) {
            Map<String, String> known = knownEnglish(language);
            for (String user : USERS) {
                Browser session = session(user, language);
                for (Map.Entry<String, String> page : crawl(session, language).entrySet()) {
                    pages++;
                    Set<String> found = englishIn(page.getValue(), known);
                    if (!found.isEmpty()) {
                        english.put(language + " " + (user.isEmpty() ? "visitor" : user) + " " + page.getKey(), found);
                    }
                }
                for (Map.Entry<String, String> page : formsWithErrors(session, user, language).entrySet()) {
                    pages++;
                    Set<String> found = englishIn(page.getValue(), known);
                    if (!found.isEmpty()) {
                        english.put(language + " " + user + " " + page.getKey(), found);
                    }
                }
            }
        }
        System.out.println("TranslatedPagesTest: " + pages + " pages rendered");
        assertThat(pages).as("pages rendered").isGreaterThan(200);
        assertThat(english).as("English sentences on Dutch or French pages").isEmpty();
    }

    /** The apply form sent empty and sent to a closed call; a challenge defined above the bylaws' cap. */
    private Map<String, String> formsWithErrors(Browser session, String user, String language) throws Exception {
        Map<String, String> shown = new LinkedHashMap<>();
        if (user.equals("parkflow")) {
            Challenges.ChallengeView open = challenges.published().get(0);
            shown.put("POST apply (empty)", html(post("/challenges/" + open.id() + "/apply").with(session).with(csrf())
                    .param("country", "Belgium").param("trl", "12"), language));
            Challenges.ChallengeView closed = cycles.all().stream().flatMap(c -> challenges.ofCycle(c.id()).stream())
                    .filter(c -> c.callClosesAt() != null && !c.id().equals(open.id())).findFirst().orElseThrow();
            String refused = html(post("/challenges/" + closed.id() + "/apply").with(session).with(csrf())
                    .param("solutionTitle", "Late idea").param("pitch", "Too late").param("requestedBudget", "5000")
                    .param("trl", "6").param("country", "BE").param("employees", "12").param("legalEntity", "true")
                    .param("declarationsSigned", "true"), language);
            assertThat(refused).contains("role=\"alert\"");
            shown.put("POST apply (closed call)", refused);
        }
        if (user.equals("officer-mechelen")) {
            String define = html(get("/city/challenges/new").with(session), language);
            Matcher cycle = Pattern.compile("name=\"cycleId\"[^>]*>\\s*<option[^>]*value=\"([^\"]+)\"").matcher(define);
            MockHttpServletRequestBuilder request = post("/city/challenges/new").with(session).with(csrf())
                    .param("title", "Bike parking").param("problem", "Too few places").param("budgetCap", "99999999")
                    .param("minTrl", "5").param("openDatasets", "parking").param("kpis", "occupancy").param("languages", "nl");
            if (cycle.find()) {
                request.param("cycleId", cycle.group(1));
            }
            shown.put("POST define challenge (above the cap)", html(request, language));
        }
        return shown;
    }

    /** Every page reachable by links from the start pages, up to PAGES_PER_USER. */
    private Map<String, String> crawl(Browser session, String language) throws Exception {
        Map<String, String> seen = new LinkedHashMap<>();
        Deque<String> next = new ArrayDeque<>(START);
        Set<String> queued = new LinkedHashSet<>(START);
        Pattern link = Pattern.compile("href=\"(/[^\"#]*)\"");
        while (!next.isEmpty() && seen.size() < PAGES_PER_USER) {
            String path = HtmlUtils.htmlUnescape(next.poll());
            MvcResult result = mvc.perform(get(path).with(session).header("Accept-Language", language)).andReturn();
            if (result.getResponse().getStatus() != 200 || !String.valueOf(result.getResponse().getContentType()).startsWith("text/html")) {
                continue;
            }
            String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).as(path + " in " + language).contains(" lang=\"" + language + "\"");
            seen.put(path, html);
            Matcher m = link.matcher(html);
            while (m.find()) {
                String target = m.group(1);
                // one page per kind of link (e.g. one solution page, not fifty): the template is what is checked
                String kind = target.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}").replaceAll("\\?.*", "");
                if (!NOT_A_PAGE.matcher(target).find() && queued.add(kind.contains("{id}") ? kind : target)) {
                    next.add(target);
                }
            }
        }
        return seen;
    }

    private String html(MockHttpServletRequestBuilder request, String language) throws Exception {
        return mvc.perform(request.header("Accept-Language", language)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /**
     * A user's browser: the session cookie of a form login (sessions are Spring Session's, in the database: a
     * MockHttpSession would not be seen) with the language chosen in that session; a visitor's language cookie.
     */
    record Browser(Cookie[] cookies) implements RequestPostProcessor {
        @Override
        public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
            request.setCookies(cookies);
            return request;
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private Browser session(String user, String language) throws Exception {
        Cookie visitorsLanguage = new Cookie("lang", language);
        if (user.isEmpty()) {
            return new Browser(new Cookie[] {visitorsLanguage});
        }
        MvcResult login = mvc.perform(SecurityMockMvcRequestBuilders.formLogin("/login").user(user).password("demo")).andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).as("login of " + user).doesNotContain("error");
        Cookie cookie = login.getResponse().getCookie("SESSION");
        assertThat(cookie).as("session cookie of " + user).isNotNull();
        String id = new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
        Session stored = (Session) sessions.findById(id);
        stored.setAttribute(LANGUAGE_SESSION_KEY, Locale.forLanguageTag(language));
        sessions.save(stored);
        return new Browser(new Cookie[] {new Cookie("SESSION", cookie.getValue()), visitorsLanguage});
    }

    /** Sentences (more than three words) a person reads: text and the labels of controls, without markup. */
    static Set<String> englishIn(String html, Map<String, String> known) {
        String visible = html.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?s)<!--.*?-->", " ");
        StringBuilder text = new StringBuilder();
        Matcher attributes = Pattern.compile("(?:aria-label|placeholder|title|alt)=\"([^\"]*)\"").matcher(visible);
        while (attributes.find()) {
            text.append(' ').append(attributes.group(1)).append(" |");
        }
        text.append(' ').append(visible.replaceAll("<[^>]+>", " | "));
        String normalised = normalise(HtmlUtils.htmlUnescape(text.toString()));
        // a sentence can only be there if its first four words are: one lookup each instead of a search of the page
        Set<String> fourWords = new java.util.HashSet<>();
        String[] words = normalised.split(" ");
        for (int i = 0; i + 3 < words.length; i++) {
            fourWords.add(words[i] + " " + words[i + 1] + " " + words[i + 2] + " " + words[i + 3]);
        }
        Set<String> found = new TreeSet<>();
        known.forEach((sentence, key) -> {
            String[] first = sentence.split(" ", 5);
            if (fourWords.contains(first[0] + " " + first[1] + " " + first[2] + " " + first[3]) && normalised.contains(sentence)) {
                found.add(key + ": " + sentence);
            }
        });
        return found;
    }

    /**
     * English sentences of the bundles and the Camunda Forms: each part of a message between its placeholders
     * with more than three words, unless the reader's language says the same (a name, a code).
     */
    static Map<String, String> knownEnglish(String language) throws IOException {
        Map<String, String> english = new LinkedHashMap<>();
        Set<String> translated = new LinkedHashSet<>();
        for (Path bundle : MessageBundlesTest.englishBundles()) {
            Properties en = MessageBundlesTest.load(bundle);
            Properties other = MessageBundlesTest.load(MessageBundlesTest.translation(bundle, "_" + language));
            other.stringPropertyNames().forEach(k -> translated.add(normalise(other.getProperty(k))));
            for (String key : en.stringPropertyNames()) {
                fragments(en.getProperty(key)).forEach(f -> english.putIfAbsent(f, key));
            }
        }
        try (Stream<Path> forms = Files.list(Path.of("../forms"))) {
            ObjectMapper json = new ObjectMapper();
            for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
                for (JsonNode text : json.readTree(form.toFile()).findValues("label")) {
                    fragments(text.asText()).forEach(f -> english.putIfAbsent(f, form.getFileName() + " label"));
                }
                for (JsonNode text : json.readTree(form.toFile()).findValues("text")) {
                    fragments(text.asText()).forEach(f -> english.putIfAbsent(f, form.getFileName() + " text"));
                }
            }
        }
        english.keySet().removeIf(f -> translated.stream().anyMatch(t -> t.contains(f)));
        return english;
    }

    static List<String> fragments(String message) {
        if (message.contains(",choice,")) {
            return List.of(); // a plural: its words are checked where a page shows it
        }
        return Stream.of(message.replace("''", "'").split("\\{[^{}]*}|<[^>]*>|[|]"))
                .map(TranslatedPagesTest::normalise)
                .map(f -> f.replaceAll("^[\\p{Punct}“”«»’ ]+|[\\p{Punct}“”«»’ ]+$", ""))
                .filter(f -> f.split(" ").length > 3)
                .toList();
    }

    static String normalise(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ').replaceAll("\\s+", " ").trim();
    }
}
