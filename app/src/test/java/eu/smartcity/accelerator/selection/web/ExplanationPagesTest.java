package eu.smartcity.accelerator.selection.web;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.scoring.EligibilityInWords;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #17, "explanations in plain words": the applicant's explanation page and its reasons on My applications,
 * in English, Dutch and French, with the figures formatted per language; never a decision's internal name (the
 * inputs, outputs, rule ids and reason codes are read from the tables themselves) and never the tables' English;
 * the jury's scores and the rank only once the results are final; another company's application does not exist.
 */
@AcceleratorTest
class ExplanationPagesTest {

    static final List<String> JURY = List.of("jury-an", "jury-ben", "jury-chloe");
    static final List<String> LANGUAGES = List.of("en", "nl", "fr");

    @LocalServerPort int port;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Applications applications;
    @Autowired eu.smartcity.accelerator.selection.JuryRecords juryRecords;
    @Autowired ProcessEngine engine;
    @Autowired TaskCompletions completions;
    @Autowired RuntimeService runtime;

    UUID challengeId;
    Bylaws bylaws;
    String processInstance;
    ProcessDriver driver;

    @BeforeEach
    void anOpenCall() {
        UUID cycle = cycles.open("Explained cycle " + UUID.randomUUID(), "scifi-2025").id();
        bylaws = cycles.bylawsOf(cycle);
        challengeId = challenges.launch(cycle, "city-mechelen", new Challenges.Definition("Guidance to free parking spots " + UUID.randomUUID(),
                "Drivers circle around; guide them with open data.", "Parking occupancy", new BigDecimal("10000"), "Search time -20 %",
                "nl, en", 6));
        processInstance = challenges.find(challengeId).orElseThrow().processInstanceId();
        driver = new ProcessDriver(engine, completions);
        driver.complete(processInstance, USER_TASK_APPROVE_CHALLENGE, Map.of(CHALLENGE_DECISION.name(), ChallengeDecision.APPROVE.wire()));
    }

    UUID apply(String company, BigDecimal budget, int trl) {
        return applications.submit(new Applications.Submission(challengeId, "company-" + company, "Open parking guidance",
                "Sensors and an app on the open parking data.", budget, trl, true, "BE", 40, true, true));
    }

    BigDecimal cap() {
        return challenges.find(challengeId).orElseThrow().budgetCap().min(bylaws.budgetPerPilot());
    }

    int minTrl() {
        return Math.max(challenges.find(challengeId).orElseThrow().minTrl(), bylaws.minTrl());
    }

    static PortalClient login(int port, String user, String language) {
        PortalClient client = new PortalClient(port).speaking(language);
        client.login(user, "demo");
        return client;
    }

    @Test
    void anIneligibleApplicantReadsEveryConditionWithItsFiguresInItsLanguage() {
        BigDecimal requested = cap().add(new BigDecimal("2000"));
        int trl = minTrl() - 3;
        UUID tooBig = apply("urbansense", requested, trl);
        driver.fireTimer(processInstance, TIMER_CALL_WINDOW_OVER);

        Map<String, String> pages = new HashMap<>();
        for (String language : LANGUAGES) {
            PortalClient urbansense = login(port, "urbansense", language);
            String page = urbansense.get("/applications/" + tooBig + "/explanation").body();
            String text = visibleText(page);
            Locale locale = Locale.forLanguageTag(language);
            String requestedText = money(requested, locale);
            String capText = money(cap(), locale);
            pages.put(language, text);

            assertThat(text).as(language).contains(requestedText).contains(capText)
                    .doesNotContainPattern("\\b\\d+\\.0\\b") // a raw double such as 12000.0
                    .doesNotContain("??");
            assertNoInternalNameOrTableEnglish(text, language);
            // My applications gives the same reasons, with the same figures
            assertThat(visibleText(urbansense.get("/applications").body())).as(language).contains(requestedText).contains(capText);
        }
        // each fact in words with its value and unit, the condition, met or not, the reason with the figures
        assertThat(pages.get("en"))
                .contains("Requested budget: " + money(requested, Locale.ENGLISH) + " — at most " + money(cap(), Locale.ENGLISH) + " in this cycle")
                .contains("Technology readiness level: " + trl + " — at least " + minTrl() + " required")
                .contains("Registered legal entity: Yes")
                .contains("Country of registration: Belgium — must be given")
                .contains("You requested " + money(requested, Locale.ENGLISH) + "; this cycle funds at most " + money(cap(), Locale.ENGLISH) + ".")
                .contains("Your application did not meet 2 of the 8 eligibility conditions")
                .contains("The requested budget may not exceed the cycle’s maximum");
        assertThat(pages.get("nl"))
                .contains("Gevraagd budget: " + money(requested, nl()) + " — hoogstens " + money(cap(), nl()) + " in deze cyclus")
                .contains("Technologische maturiteit (TRL): " + trl + " — minstens " + minTrl() + " vereist")
                .contains("Land van registratie: België")
                .contains("U vroeg " + money(requested, nl()) + "; deze cyclus financiert hoogstens " + money(cap(), nl()) + ".");
        assertThat(pages.get("fr"))
                .contains("Budget demandé : " + money(requested, Locale.FRENCH) + " — au plus " + money(cap(), Locale.FRENCH))
                .contains("Pays d’enregistrement : Belgique")
                .contains("Vous avez demandé " + money(requested, Locale.FRENCH) + " ; ce cycle finance au plus " + money(cap(), Locale.FRENCH) + ".");
        // nothing of a jury for an application that was never scored
        assertThat(pages.get("en")).doesNotContain("Rank ").doesNotContain("average mark").doesNotContain("Average weighted score");
    }

    @Test
    void theScorePerCriterionAndTheRankAppearOnlyOnceTheResultsAreFinalAndOnlyForTheApplicant() {
        UUID better = apply("urbansense", cap(), minTrl());
        UUID worse = apply("parkflow", cap().subtract(BigDecimal.ONE), minTrl());
        // the gate is the application's real status, reached through the engine (not a flag the test hands over)
        assertThat(applications.find(worse).orElseThrow().status()).isEqualTo("SUBMITTED");
        assertNotFinal(login(port, "parkflow", "en").get("/applications/" + worse + "/explanation").body());
        driver.fireTimer(processInstance, TIMER_CALL_WINDOW_OVER);
        for (String member : JURY) {
            driver.complete(driver.taskOf(processInstance, USER_TASK_DECLARE_CONFLICT, member), Map.of(CONFLICT_DECISION.name(), ConflictDecision.NONE.wire()),
                    processInstance);
        }
        Map<String, Object> worseMarks = marks(6, 5, 7, 7, 8, 6);
        for (Task task : driver.tasks(processInstance, USER_TASK_SCORE_APPLICATION)) {
            UUID applicationId = juryRecords.applicationScoredIn(task.getExecutionId()).orElseThrow();
            driver.complete(task, applicationId.equals(better) ? marks(9, 9, 8, 7, 8, 7) : worseMarks, processInstance);
        }
        PortalClient parkflow = login(port, "parkflow", "en");

        // ranked, but the coordinator has not approved the selection: not final, nothing of the jury shown
        assertThat(applications.find(worse).orElseThrow().status()).isEqualTo("UNDER_REVIEW");
        assertNotFinal(parkflow.get("/applications/" + worse + "/explanation").body());

        driver.complete(processInstance, USER_TASK_APPROVE_SELECTION, Map.of(SELECTION_DECISION.name(), SelectionDecision.APPROVE.wire()));
        assertThat(applications.find(worse).orElseThrow().status()).isEqualTo("NOT_SELECTED");

        double expected = 0;
        for (String criterion : Bylaws.CRITERIA) {
            expected += ((Number) worseMarks.get(criterion)).doubleValue() * bylaws.scoringWeights().get(criterion);
        }
        for (String language : LANGUAGES) {
            Locale locale = Locale.forLanguageTag(language);
            String text = visibleText(login(port, "parkflow", language).get("/applications/" + worse + "/explanation").body());
            assertThat(text).as(language).contains(NumberFormat.getNumberInstance(locale).format(expected))
                    .contains(NumberFormat.getNumberInstance(locale).format(100 * bylaws.scoringWeights().get(Bylaws.FIT)))
                    .contains(NumberFormat.getNumberInstance(locale).format(((Number) worseMarks.get(FIT.name())).doubleValue() * bylaws.scoringWeights().get(Bylaws.FIT)))
                    .doesNotContain("??");
            assertNoInternalNameOrTableEnglish(text, language);
        }
        String en = visibleText(login(port, "parkflow", "en").get("/applications/" + worse + "/explanation").body());
        assertThat(en).contains("Rank 2 of 2 ranked applications.").contains("from 3 jury members")
                .contains("Fit to the challenge: average mark 6 out of 10 × weight "
                        + NumberFormat.getNumberInstance(Locale.ENGLISH).format(100 * bylaws.scoringWeights().get(Bylaws.FIT)) + "% = "
                        + NumberFormat.getNumberInstance(Locale.ENGLISH).format(6 * bylaws.scoringWeights().get(Bylaws.FIT)) + " points")
                .contains("Your application met every eligibility condition.")
                .contains("The weights are percentages that add up to 100")
                .contains("Jury score: Fit to the challenge — its mark counts with the weight");
        assertThat(visibleText(login(port, "parkflow", "fr").get("/applications/" + worse + "/explanation").body()))
                .contains("Rang 2 sur 2 candidatures classées.");
        assertThat(visibleText(login(port, "parkflow", "nl").get("/applications/" + worse + "/explanation").body()))
                .contains("Plaats 2 van 2 gerangschikte aanvragen.");
        assertThat(visibleText(login(port, "urbansense", "en").get("/applications/" + better + "/explanation").body()))
                .contains("Rank 1 of 2 ranked applications.");

        // another company's application does not exist for it, whatever its state
        assertThat(login(port, "urbansense", "en").get("/applications/" + worse + "/explanation").statusCode()).isEqualTo(404);
        assertThat(login(port, "parkflow", "en").get("/applications/" + better + "/explanation").statusCode()).isEqualTo(404);
    }

    static void assertNotFinal(String page) {
        assertThat(visibleText(page)).contains("not final yet").doesNotContain("Rank ").doesNotContain("average mark")
                .doesNotContain("Average weighted score").doesNotContain("Eligibility");
    }

    @Test
    void guidedSearchReasonsSpeakDutchAndFrenchAndScoresStayWithin0To100() throws IOException {
        List<String> englishReasons = englishFragments("i18n/marketplace.properties", "market.guided.reason.");
        englishReasons.addAll(tableEnglish("solution-matching"));
        for (String language : List.of("en", "nl", "fr")) {
            // a city that takes any route: the combination that once scored 110
            String page = new PortalClient(port).speaking(language)
                    .get("/marketplace/guided?domain=parking&budget=30000&population=90000&dataAvailable=true&route=any").body();
            String text = visibleText(page);
            Matcher scores = Pattern.compile("(\\d+) / 100").matcher(text);
            int found = 0;
            while (scores.find()) {
                assertThat(Integer.parseInt(scores.group(1))).as(language).isBetween(0, 100);
                found++;
            }
            assertThat(found).as("%s: ranked solutions", language).isPositive();
            assertThat(text).doesNotContain("??");
            if (!language.equals("en")) {
                for (String english : englishReasons) {
                    assertThat(text).as(language).doesNotContain(english);
                }
            }
        }
        assertThat(visibleText(new PortalClient(port).speaking("nl")
                .get("/marketplace/guided?domain=parking&budget=30000&population=90000&dataAvailable=true&route=any").body()))
                .contains("Werkt in het domein dat u zoekt: Parkeren").contains("punten").containsPattern("uw budget van €\\h30\\.000,00");
        assertThat(visibleText(new PortalClient(port).speaking("fr")
                .get("/marketplace/guided?domain=parking&budget=30000&population=90000&dataAvailable=true&route=any").body()))
                .contains("Vous acceptez toute procédure d'achat").containsPattern("votre budget de 30\\h000,00\\h€");
    }

    /** The wording of every eligibility condition covers every input of the table (none is left unexplained). */
    @Test
    void everyInputOfTheEligibilityTableIsSaidInWords() {
        Set<String> said = new LinkedHashSet<>();
        EligibilityInWords.CONDITIONS.forEach(c -> said.add(c.fact()));
        // said inside a condition's requirement ("at most € 10.000,00", "required in this cycle", the programme area)
        said.addAll(List.of(BUDGET_CAP.name(), MIN_TRL.name(), "requireLegalEntity", "requireInteroperable"));
        assertThat(said).containsExactlyInAnyOrderElementsOf(all(dmn("eligibility"), "<inputExpression[^>]*><text>([^<]+)</text>"));
        assertThat(EligibilityInWords.CONDITIONS).extracting(EligibilityInWords.Condition::ruleId)
                .containsExactlyElementsOf(all(dmn("eligibility"), "<rule id=\"([^\"]+)\""));
        assertThat(EligibilityInWords.CONDITIONS).extracting(EligibilityInWords.Condition::reasonCode)
                .containsExactlyElementsOf(all(dmn("eligibility"), "<outputEntry id=\"OutputEntry_\\w+_ReasonCode\"><text>\"([A-Z_]+)\"</text>"));
        assertThat(dmn("eligibility")).contains("<text>&gt;= " + EligibilityInWords.SME_EMPLOYEE_LIMIT + "</text>");
    }

    /** Each rule of every table is worded in every language (read from the tables, so a new rule without words fails). */
    @Test
    void everyRuleOfEveryTableHasItsWordsInEveryLanguage() throws IOException {
        for (String suffix : List.of("", "_nl", "_fr")) {
            java.util.Properties messages = bundle("i18n/messages" + suffix + ".properties");
            java.util.Properties marketplace = bundle("i18n/marketplace" + suffix + ".properties");
            for (String table : List.of("eligibility", "applicant-scoring")) {
                for (String rule : all(dmn(table), "<rule id=\"([^\"]+)\"")) {
                    assertThat(messages.getProperty("decision." + table + ".rule." + rule)).as("%s %s%s", table, rule, suffix).isNotBlank();
                }
            }
            for (EligibilityInWords.Condition condition : EligibilityInWords.CONDITIONS) {
                assertThat(messages.getProperty("eligibility.reason." + condition.reasonCode())).as(condition + suffix).isNotBlank();
                assertThat(messages.getProperty("explanation.fact." + condition.fact())).as(condition + suffix).isNotBlank();
            }
            for (String rule : all(dmn("solution-matching"), "<rule id=\"([^\"]+)\"")) {
                assertThat(marketplace.getProperty("market.guided.reason." + rule)).as("%s%s", rule, suffix).isNotBlank();
            }
        }
    }

    static java.util.Properties bundle(String path) throws IOException {
        java.util.Properties properties = new java.util.Properties();
        try (InputStream in = ExplanationPagesTest.class.getClassLoader().getResourceAsStream(path)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    // ------------------------------------------------------------------------------------------------------

    /** No name of the tables' inputs, outputs, rules or reason codes, as a word; none of the tables' English sentences. */
    static void assertNoInternalNameOrTableEnglish(String text, String language) {
        for (String table : List.of("eligibility", "applicant-scoring")) {
            String xml = dmn(table);
            List<String> names = new ArrayList<>();
            names.addAll(all(xml, "<inputExpression[^>]*><text>([^<]+)</text>"));
            names.addAll(all(xml, "<output [^>]*name=\"([^\"]+)\""));
            names.addAll(all(xml, "<rule id=\"([^\"]+)\""));
            names.addAll(all(xml, "<outputEntry[^>]*><text>\"([A-Z_]+)\"</text>"));
            assertThat(names).as("names read from %s", table).hasSizeGreaterThan(5);
            for (String name : names) {
                assertThat(text).as("%s page shows the internal name %s", language, name)
                        .doesNotContainPattern("(?<![\\p{L}\\p{N}_-])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}_-])");
            }
            for (String english : language.equals("en") ? List.<String>of() : tableEnglish(table)) {
                assertThat(text).as(language).doesNotContain(english);
            }
            assertThat(text).doesNotContainPattern(Pattern.quote(table) + " v\\d");
        }
    }

    /** The tables' own English: rule annotations and text outputs. */
    static List<String> tableEnglish(String table) {
        String xml = dmn(table);
        List<String> english = new ArrayList<>(all(xml, "<description>([^<]+)</description>"));
        english.addAll(all(xml, "<outputEntry[^>]*><text>\"([^\"]*[a-z][^\"]*)\"</text>"));
        return english.stream().map(s -> s.replace("&quot;", "\"")).toList();
    }

    /** The fixed parts of the English messages with this prefix (between their arguments), long enough to be a phrase. */
    static List<String> englishFragments(String bundle, String prefix) throws IOException {
        java.util.Properties english = new java.util.Properties();
        try (InputStream in = ExplanationPagesTest.class.getClassLoader().getResourceAsStream(bundle)) {
            english.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> fragments = new ArrayList<>();
        english.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).forEach(k -> {
            for (String part : english.getProperty(k).replaceAll("\\{[^}]*}", "\u0000").split("\u0000")) {
                if (part.trim().length() >= 12) {
                    fragments.add(part.trim().replace("''", "'"));
                }
            }
        });
        assertThat(fragments).isNotEmpty();
        return fragments;
    }

    static String dmn(String table) {
        try (InputStream in = ExplanationPagesTest.class.getResourceAsStream("/processes/" + table + ".dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("processes/" + table + ".dmn not on the classpath", e);
        }
    }

    static List<String> all(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1).trim());
        }
        return found;
    }

    /** What a reader sees of the page's main content: tags removed, entities decoded, spaces collapsed. */
    static String visibleText(String html) {
        int start = html.indexOf("<main");
        int end = html.lastIndexOf("</main>");
        String main = start >= 0 && end > start ? html.substring(start, end) : html;
        return org.springframework.web.util.HtmlUtils.htmlUnescape(main.replaceAll("(?s)<[^>]+>", " "))
                .replaceAll("[ \\t\\r\\n]+", " ");
    }

    static Map<String, Object> marks(long fit, long innovation, long team, long price, long replicability, long openDataUse) {
        Map<String, Object> marks = new HashMap<>();
        marks.put(FIT.name(), fit);
        marks.put(INNOVATION.name(), innovation);
        marks.put(TEAM.name(), team);
        marks.put(PRICE.name(), price);
        marks.put(REPLICABILITY.name(), replicability);
        marks.put(OPEN_DATA_USE.name(), openDataUse);
        return marks;
    }

    static String money(BigDecimal amount, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(java.util.Currency.getInstance("EUR"));
        return format.format(amount);
    }

    static Locale nl() {
        return Locale.forLanguageTag("nl");
    }
}
