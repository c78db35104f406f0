package eu.smartcity.accelerator.marketplace;

import eu.smartcity.accelerator.pilot.ReplicationProcess;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.evaluation.EvaluationProcess;
import eu.smartcity.accelerator.marketplace.library.PersonalData;
import eu.smartcity.accelerator.pilot.PilotProcess;
import eu.smartcity.accelerator.publicapi.ApiRateLimitFilter;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.util.HashSet;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The marketplace through its pages and its public API: catalogue and search with facets, the guided
 * filter on the solution-matching decision, a finished pilot's evaluation on its solution, reviews
 * attributed to a city, framework contracts (expired ones cannot be joined; only the contracting
 * authority decides), the document library without personal data, replication, prospection counts.
 * (Delft, Mechelen and UrbanSense log in: Bruges and GreenGrid are locked by the login-throttling test.)
 */
@AcceleratorTest
class MarketplaceTest {

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired javax.sql.DataSource dataSource;
    @Autowired ProcessEngine engine;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired ApiRateLimitFilter rateLimit;
    @Autowired eu.smartcity.accelerator.marketplace.catalogue.CatalogueSearch catalogueSearch;

    @AfterEach
    void forgetApiUsage() {
        rateLimit.reset();
    }

    PortalClient anonymous() {
        return new PortalClient(port);
    }

    PortalClient as(String user) {
        PortalClient client = new PortalClient(port);
        assertThat(client.login(user, "demo").headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    JsonNode api(String path) throws Exception {
        HttpResponse<String> response = anonymous().get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void theSearchFindsAndOrdersAFixedDataSetAsThePlainStatementDoes() {
        SearchRankingCheck.check(dataSource);
    }

    @Test
    void onH2AWordIsARangeOfTheWordTableNotALikeScanOfEverySolution() {
        eu.smartcity.accelerator.marketplace.catalogue.CatalogueSearch search =
                new eu.smartcity.accelerator.marketplace.catalogue.CatalogueSearch(dataSource);
        for (String[] q : new String[][] {{"parking", null}, {"parking sens", null}, {"sensor", "water"}}) {
            String plan = search.plan(new eu.smartcity.accelerator.marketplace.catalogue.CatalogueSearch.Query(q[0], q[1], null, null, 0, 20));
            // H2 writes the access path of each table as a comment: "/* PUBLIC.MARKET_SOLUTION.tableScan */" for a scan
            assertThat(plan).as(plan).doesNotContainIgnoringCase("tableScan").doesNotContainIgnoringCase("LIKE")
                    .containsPattern("MARKET_SOLUTION_WORD\\s+/\\* PUBLIC\\.PRIMARY_KEY_\\w+: WORD >= \\?1");
            if (q[1] == null) { // the solutions by their primary key, from the words' ids (a domain filter may use its index)
                assertThat(plan).containsPattern("MARKET_SOLUTION\\s+/\\* PUBLIC\\.PRIMARY_KEY_\\w+: ID IN\\(");
            }
        }
        // the table without the index would be a scan: the assertion above can fail
        assertThat(String.join("\n", jdbc.queryForList("EXPLAIN SELECT id FROM market_solution WHERE search_text LIKE '%parking%'",
                String.class))).containsIgnoringCase("tableScan");
    }

    @Test
    void theWordTableFollowsEveryWriteOfTheCatalogue() {
        // every solution's words, as the trigger writes them, whoever wrote the solution (demo data through JPA here)
        String words = "SELECT COUNT(*) FROM market_solution_word";
        long expected = jdbc.queryForList("SELECT search_text FROM market_solution", String.class).stream()
                .mapToLong(text -> eu.smartcity.accelerator.marketplace.catalogue.CatalogueSearch.words(text).stream()
                        .filter(w -> w.length() >= 2).map(w -> w.length() > 64 ? w.substring(0, 64) : w).distinct().count())
                .sum();
        assertThat(jdbc.queryForObject(words, Long.class)).isEqualTo(expected).isPositive();
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO market_solution (id, supplier_group, name, domain, description, trl, price_model, indicative_cost,"
                + " min_population, needs_city_data, procurement_route, search_text, created_at)"
                + " VALUES (?, 'company-word-check', 'Zyxwv', 'other', 'x', 5, 'licence', 1, 0, FALSE, 'any', 'zyxwv qwertz-zyx zyxwv', CURRENT_TIMESTAMP)",
                id);
        assertThat(jdbc.queryForList("SELECT word FROM market_solution_word WHERE solution_id = ? ORDER BY word", String.class, id))
                .containsExactly("qwertz", "zyx", "zyxwv");
        jdbc.update("UPDATE market_solution SET search_text = 'zyxwv plopp' WHERE id = ?", id);
        assertThat(jdbc.queryForList("SELECT word FROM market_solution_word WHERE solution_id = ? ORDER BY word", String.class, id))
                .containsExactly("plopp", "zyxwv");
        eu.smartcity.accelerator.marketplace.catalogue.CatalogueSearch search =
                new eu.smartcity.accelerator.marketplace.catalogue.CatalogueSearch(dataSource);
        assertThat(search.search(new eu.smartcity.accelerator.marketplace.catalogue.CatalogueSearch.Query("plop", null, null, null, 0, 5))
                .hits()).extracting(h -> h.id()).containsExactly(id);
        assertThat(search.search(new eu.smartcity.accelerator.marketplace.catalogue.CatalogueSearch.Query("qwertz", null, null, null, 0, 5))
                .hits()).isEmpty();
        jdbc.update("DELETE FROM market_solution WHERE id = ?", id);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM market_solution_word WHERE solution_id = ?", Long.class, id)).isZero();
        assertThat(jdbc.queryForObject(words, Long.class)).isEqualTo(expected);
    }

    @Test
    void aSearchWithCommonWordsReadsAtMostTheCapAndSaysItsCountsAreLowerBounds() throws Exception {
        CappedSearchCheck.check(dataSource);
        // the page and the API say so too (cap 250 by default: the demo catalogue stays below it)
        JsonNode page = api("/api/marketplace/solutions?q=sensor");
        assertThat(page.path("totalIsLowerBound").asBoolean(true)).isFalse();
        assertThat(page.path("facetCountsAreLowerBounds").asBoolean(true)).isFalse();
    }

    @Test
    void whenNoSearchGetsATurnThePageSaysBusyInItsLanguageAndTheApiAnswers503WithRetryAfter() throws Exception {
        // take every turn, as searches running at once would (CatalogueSearchAdmissionTest shows the bound itself)
        eu.smartcity.accelerator.shared.Turns turns = (eu.smartcity.accelerator.shared.Turns) org.springframework.test.util.ReflectionTestUtils
                .getField(catalogueSearch, "turns");
        int taken = 0;
        while (turns.free() > 0 && turns.take()) {
            taken++;
        }
        String word = "w" + UUID.randomUUID().toString().substring(0, 8);
        String unique = "q=parking+" + word; // never a copy from the page cache
        String demandForWord = "select count(*) from market_demand where kind = 'term' and term = ?";
        try {
            HttpResponse<String> page = anonymous().get("/marketplace?" + unique);
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(page.body()).contains("<html").contains("role=\"search\"").contains("Many people are searching right now")
                    .doesNotContain("Exception").doesNotContain("No solution matches");
            HttpResponse<String> fragment = anonymous().get("/marketplace?" + unique + "&domain=parking", "HX-Request", "true");
            assertThat(fragment.statusCode()).isEqualTo(503);
            assertThat(fragment.body()).contains("Many people are searching right now").doesNotContain("<html");
            assertThat(anonymous().speaking("nl").get("/marketplace?" + unique + "&priceModel=licence").body())
                    .contains("Er wordt nu veel gezocht");
            HttpResponse<String> api = anonymous().get("/api/marketplace/solutions?" + unique);
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(json.readTree(api.body()).get("status").asInt()).isEqualTo(503);
            assertThat(json.readTree(api.body()).get("detail").asText()).contains("busy");
            assertThat(jdbc.queryForObject(demandForWord, Long.class, word)).as("a busy search counts no demand").isZero();
        } finally {
            for (int given = 0; given < taken; given++) {
                turns.release();
            }
        }
        assertThat(anonymous().get("/marketplace?" + unique).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject(demandForWord, Long.class, word)).isEqualTo(1);
        assertThat(anonymous().get("/api/marketplace/solutions?" + unique).statusCode()).isEqualTo(200);
    }

    @Test
    void theDemoCatalogueHasAtLeastFiftySolutionsOverEveryDomainWithFacetCounts() throws Exception {
        JsonNode all = api("/api/marketplace/solutions?size=5");
        assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(50);
        assertThat(all.get("items")).hasSize(5);
        for (String domain : MarketplaceVocabulary.DOMAINS) {
            assertThat(all.get("domainFacet").get(domain)).as(domain).isNotNull();
        }
        assertThat(api("/api/marketplace/solutions?q=" + enc("parking sensors")).get("items").findValuesAsText("name"))
                .contains("Smart parking sensors");
        JsonNode sensors = api("/api/marketplace/solutions?q=sensors");
        JsonNode filtered = api("/api/marketplace/solutions?q=sensors&domain=environment&size=100");
        assertThat(filtered.get("items").findValuesAsText("domain")).isNotEmpty().allMatch("environment"::equals);
        assertThat(filtered.get("total").asLong()).isEqualTo(sensors.get("domainFacet").get("environment").asLong());
        assertThat(sensors.get("total").asLong()).isGreaterThan(filtered.get("total").asLong()); // sensors in other domains too

        HttpResponse<String> page = anonymous().get("/marketplace?q=parking");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Smart parking sensors").contains("<html").contains("Parking</span> (");
        HttpResponse<String> fragment = anonymous().get("/marketplace?q=parking", "HX-Request", "true");
        assertThat(fragment.body()).contains("Smart parking sensors").doesNotContain("<html");
        assertThat(anonymous().get("/marketplace?q=zzqqxx").body()).contains("No solution matches");
    }

    @Test
    void theGuidedFilterRanksSolutionsWithTheSolutionMatchingDecisionAndSaysWhy() {
        long recorded = jdbc.queryForObject("select count(*) from decision_evaluation where decision_key = 'solution-matching'", Long.class);
        // a budget and a city size some parking solutions do not fit, so that the scores differ
        HttpResponse<String> page = anonymous().get("/marketplace/guided?domain=parking&budget=15000&population=30000&dataAvailable=true&route=any");
        assertThat(page.statusCode()).isEqualTo(200);
        // (not naming a solution: suppliers' test listings accumulate in the test database and compete for the 50 candidates)
        assertThat(page.body()).contains("Works in the domain you asked for: Parking.").contains("/marketplace/solutions/").contains("/ 100");
        // ranked: the scores in page order never rise, and each score is the sum of the points of the reasons shown with it
        List<Integer> scores = new ArrayList<>();
        Matcher score = Pattern.compile("<strong>(\\d+) / 100</strong>").matcher(page.body());
        List<Integer> starts = new ArrayList<>();
        while (score.find()) {
            scores.add(Integer.parseInt(score.group(1)));
            starts.add(score.end());
        }
        starts.add(page.body().indexOf("</ol>", starts.get(starts.size() - 1)));
        for (int i = 0; i < scores.size(); i++) {
            Matcher points = Pattern.compile("\\+(-?\\d+) points").matcher(page.body().substring(starts.get(i), starts.get(i + 1)));
            int sum = 0;
            while (points.find()) {
                sum += Integer.parseInt(points.group(1));
            }
            assertThat(sum).as("points of the reasons of solution %d", i + 1).isEqualTo(scores.get(i));
        }
        assertThat(new HashSet<>(scores)).as("distinct scores, so that an order can be seen").hasSizeGreaterThan(1);
        assertThat(scores).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(jdbc.queryForObject("select count(*) from decision_evaluation where decision_key = 'solution-matching'", Long.class))
                .isGreaterThan(recorded);

        HttpResponse<String> wrong = anonymous().get("/marketplace/guided?domain=&budget=lots&population=90000&route=any");
        assertThat(wrong.body()).contains("id=\"domain-error\"").contains("id=\"budget-error\"").contains("value=\"lots\"")
                .contains("value=\"90000\"").doesNotContain("Works in the domain");
    }

    /** An evaluation process that ends publishes its evaluation; it appears on the supplier's solution. */
    @Test
    void aFinishedPilotsEvaluationAppearsOnTheSolutionAndAnotherCityReplicatesIt() throws Exception {
        UUID cycle = cycles.open("Marketplace " + UUID.randomUUID(), "scifi-2025").id();
        UUID challenge = challenges.launch(cycle, "city-delft", new Challenges.Definition("Noise monitoring in the city centre",
                "Night-time noise complaints rise. Measure noise continuously.", "Noise data", new BigDecimal("9000"), "Complaints",
                "nl", 6));
        String pilotId = UUID.randomUUID().toString();
        String evaluationId = UUID.randomUUID().toString();
        Map<String, Object> v = new HashMap<>();
        v.put(EvaluationProcess.EVALUATION_ID.name(), evaluationId);
        v.put(EvaluationProcess.PILOT_ID.name(), pilotId);
        v.put(EvaluationProcess.CHALLENGE_ID.name(), challenge.toString());
        v.put(EvaluationProcess.CITY_GROUP.name(), "city-delft");
        v.put(EvaluationProcess.COMPANY_GROUP.name(), "company-greengrid");
        v.put(EvaluationProcess.MILESTONE_CADENCE.name(), "P30D");
        ProcessInstance evaluation = engine.getRuntimeService().startProcessInstanceByKey(EvaluationProcess.KEY, evaluationId, v);
        ProcessDriver driver = new ProcessDriver(engine);
        driver.complete(evaluation.getId(), EvaluationProcess.USER_TASK_KPI_RESULTS,
                Map.of(EvaluationProcess.KPI_NAME.name(), "Noise complaints per month", EvaluationProcess.KPI_TARGET.name(), 40L, EvaluationProcess.KPI_RESULT.name(), 31L));
        driver.complete(evaluation.getId(), EvaluationProcess.USER_TASK_SURVEY_AND_BEHAVIOUR,
                Map.of(EvaluationProcess.SURVEY_SCORE.name(), 58L, EvaluationProcess.MEASURED_SCORE.name(), 74L));
        driver.complete(evaluation.getId(), EvaluationProcess.USER_TASK_DECIDE_VERDICT,
                Map.of(EvaluationProcess.VERDICT.name(), "replicate", EvaluationProcess.VERDICT_REASON.name(), "KPI met"));

        UUID solution = jdbc.queryForObject("select solution_id from market_implementation where evaluation_id = ?", UUID.class,
                UUID.fromString(evaluationId));
        assertThat(jdbc.queryForObject("select name from market_solution where id = ?", String.class, solution))
                .isEqualTo("Noise monitoring in the city centre");
        JsonNode detail = api("/api/marketplace/solutions/" + solution);
        JsonNode evaluated = null;
        for (JsonNode implementation : detail.get("implementations")) {
            if (implementation.get("evaluation").isObject() && implementation.get("evaluation").get(EvaluationProcess.EVALUATION_ID.name()).asText().equals(evaluationId)) {
                evaluated = implementation;
            }
        }
        assertThat(evaluated).isNotNull();
        assertThat(evaluated.get("city").asText()).isEqualTo("city-delft");
        assertThat(evaluated.get("evaluation").get(EvaluationProcess.VERDICT.name()).asText()).isEqualTo("replicate");
        assertThat(evaluated.get("evaluation").get(EvaluationProcess.EVIDENCE_GAP.name()).asDouble()).isEqualTo(-16.0);
        assertThat(anonymous().get("/marketplace/solutions/" + solution).body()).contains("Noise complaints per month")
                .contains("piloted through the accelerator")
                // the verdict "replicate" offered it to other cities (issue 23.6)
                .contains("Offered for replication: Municipality of Delft recommends this pilot to other cities.");
        JsonNode byCity = api("/api/marketplace/implementations?solutionId=" + solution + "&city=city-delft");
        assertThat(byCity.get("items").findValuesAsText("id")).contains(evaluated.get("id").asText());

        // Mechelen replicates it: the replication process starts from the original pilot
        PortalClient mechelen = as("officer-mechelen");
        String implementationId = evaluated.get("id").asText();
        // the first click asks for a confirmation and starts nothing
        assertThat(mechelen.postForm("/marketplace/solutions/" + solution,
                "/marketplace/city/implementations/" + implementationId + "/replicate").statusCode()).isEqualTo(302);
        assertThat(mechelen.get("/marketplace/solutions/" + solution).body()).contains("Yes, start the replication");
        assertThat(jdbc.queryForObject("select count(*) from market_replication where implementation_id = ?", Long.class,
                UUID.fromString(implementationId))).isZero();
        HttpResponse<String> replicate = mechelen.postForm("/marketplace/solutions/" + solution,
                "/marketplace/city/implementations/" + implementationId + "/replicate", "confirmed", "true");
        assertThat(replicate.statusCode()).isEqualTo(302);
        String replicationPi = jdbc.queryForObject("select process_instance_id from market_replication where implementation_id = ?",
                String.class, UUID.fromString(implementationId));
        assertThat(engine.getRuntimeService().getVariable(replicationPi, PilotProcess.ORIGINAL_PILOT_ID.name())).isEqualTo(pilotId);
        assertThat(engine.getRuntimeService().getVariable(replicationPi, ReplicationProcess.CITY_GROUP.name())).isEqualTo("city-mechelen");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(replicationPi)
                .taskDefinitionKey(ReplicationProcess.USER_TASK_SUPPLIER_CONFIRMS).taskCandidateGroup("company-greengrid").count()).isEqualTo(1);
        assertThat(mechelen.get("/marketplace/solutions/" + solution).body()).contains("Replication started by City of Mechelen");
        // a second click starts nothing while Mechelen's replication runs
        HttpResponse<String> again = mechelen.postForm("/marketplace/solutions/" + solution,
                "/marketplace/city/implementations/" + implementationId + "/replicate", "confirmed", "true");
        assertThat(jdbc.queryForObject("select count(*) from market_replication where implementation_id = ? and city_group = 'city-mechelen'",
                Long.class, UUID.fromString(implementationId))).isEqualTo(1);
        assertThat(mechelen.get(java.net.URI.create(again.headers().firstValue("Location").orElseThrow()).getPath()).body())
                .contains("already under way");

        // Delft ran it: no replication of its own pilot
        PortalClient delft = as("officer-delft");
        delft.postForm("/marketplace/solutions/" + solution, "/marketplace/city/implementations/" + implementationId + "/replicate",
                "confirmed", "true");
        assertThat(jdbc.queryForObject("select count(*) from market_replication where implementation_id = ? and city_group = 'city-delft'",
                Long.class, UUID.fromString(implementationId))).isZero();

        // the supplier declines, with its reason: Mechelen reads it where it follows the replication
        new eu.smartcity.accelerator.demo.ProcessDriver(engine).complete(replicationPi, ReplicationProcess.USER_TASK_SUPPLIER_CONFIRMS,
                java.util.Map.of(ReplicationProcess.REPLICATION_DECISION.name(), "decline",
                        ReplicationProcess.REPLICATION_NOTES.name(), "No installers free in Mechelen this year"));
        assertThat(mechelen.get("/marketplace/solutions/" + solution).body())
                .contains("The supplier declined to replicate it for your city").contains("No installers free in Mechelen this year");
        assertThat(delft.get("/marketplace/solutions/" + solution).body()).doesNotContain("No installers free");

        // Bruges asks too, and the supplier lets the request lapse: the marketplace record says so (issue 23), to Bruges,
        // and Bruges may ask again at once
        PortalClient bruges = as("officer-bruges");
        bruges.postForm("/marketplace/solutions/" + solution, "/marketplace/city/implementations/" + implementationId + "/replicate",
                "confirmed", "true");
        String brugesPi = jdbc.queryForObject("select process_instance_id from market_replication where implementation_id = ?"
                + " and city_group = 'city-bruges'", String.class, UUID.fromString(implementationId));
        ProcessDriver lapse = new ProcessDriver(engine);
        lapse.runAsyncJobs(brugesPi);
        lapse.fireTimer(brugesPi, ReplicationProcess.BOUNDARY_CONFIRMATION_WINDOW_OVER);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(brugesPi).singleResult().getEndActivityId())
                .isEqualTo(ReplicationProcess.END_SUPPLIER_DID_NOT_ANSWER);
        assertThat(jdbc.queryForObject("select count(*) from market_replication where process_instance_id = ? and lapsed_at is not null"
                + " and running_key is null", Long.class, brugesPi)).isEqualTo(1);
        assertThat(bruges.get("/marketplace/solutions/" + solution).body()).contains("did not answer in time");
        assertThat(mechelen.get("/marketplace/solutions/" + solution).body()).doesNotContain("did not answer in time");
        bruges.postForm("/marketplace/solutions/" + solution, "/marketplace/city/implementations/" + implementationId + "/replicate",
                "confirmed", "true");
        assertThat(jdbc.queryForObject("select count(*) from market_replication where implementation_id = ? and city_group = 'city-bruges'",
                Long.class, UUID.fromString(implementationId))).isEqualTo(2);
    }

    @Test
    void aCityOfficerReviewsAnImplementationAndTheReviewNamesTheCity() throws Exception {
        UUID solution = jdbc.queryForObject("select id from market_solution where name = 'Public lighting dimming'", UUID.class);
        String page = "/marketplace/solutions/" + solution;
        String action = "/marketplace/city/solutions/" + solution + "/reviews";

        assertThat(anonymous().get(page).body()).doesNotContain("name=\"rating\"");
        PortalClient urbansense = as("urbansense");
        assertThat(urbansense.get(page).body()).doesNotContain("name=\"rating\"");

        PortalClient delft = as("officer-delft");
        HttpResponse<String> refused = delft.postForm(page, action, "rating", "9", "comment", "", "startedYear", "2021",
                "summary", "Dimming in two districts");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"rating-error\"").contains("id=\"comment-error\"").contains("value=\"2021\"")
                .contains("Dimming in two districts");

        String comment = "Saved 38 % energy in the first winter " + UUID.randomUUID();
        // a review is public and names the city: a valid form first comes back with the question, nothing published
        HttpResponse<String> asked = delft.postForm(page, action, "rating", "4", "comment", comment, "startedYear", "2021",
                "summary", "Dimming in two districts");
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("data-confirmation").contains("cannot be withdrawn").contains(comment);
        assertThat(anonymous().get(page).body()).doesNotContain(comment);
        HttpResponse<String> saved = delft.postForm(page, action, "rating", "4", "comment", comment, "startedYear", "2021",
                "summary", "Dimming in two districts", "confirmed", "true");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(delft.get(page).body()).contains(comment).contains("Your review is published");

        JsonNode detail = api("/api/marketplace/solutions/" + solution);
        JsonNode review = null;
        for (JsonNode implementation : detail.get("implementations")) {
            for (JsonNode r : implementation.get("reviews")) {
                if (r.get("comment").asText().equals(comment)) {
                    review = r;
                }
            }
        }
        assertThat(review).isNotNull();
        assertThat(review.get("city").asText()).isEqualTo("city-delft");
        assertThat(review.get("rating").asInt()).isEqualTo(4);
        assertThat(detail.get("rating").get("count").asInt()).isPositive();
        assertThat(jdbc.queryForObject("select author from market_review where comment_text = ?", String.class, comment))
                .isEqualTo("officer-delft");

        // only city officers review
        assertThat(urbansense.postForm(page, action, "rating", "5", "comment", "Great").statusCode()).isEqualTo(403);
        // (a visitor's pages carry no CSRF token, having no session: the login page's token)
        assertThat(anonymous().postForm("/login", action, "rating", "5", "comment", "Great").headers().firstValue("Location").orElse(""))
                .contains("/login");
    }

    @Test
    void frameworkContractsAreFoundExpiredOnesCannotBeJoinedAndOnlyTheAuthorityDecides() throws Exception {
        JsonNode expired = api("/api/marketplace/framework-contracts?status=expired&size=100");
        assertThat(expired.get("items").findValuesAsText("title")).contains("Air quality monitoring framework 2021-2024");
        assertThat(expired.get("items").findValues("expired")).allMatch(JsonNode::asBoolean);
        // the demo's Mechelen parking framework (other tests register more parking frameworks in the same database)
        JsonNode parkingFrameworks = api("/api/marketplace/framework-contracts?domain=parking&status=valid&size=100");
        JsonNode demo = null;
        for (JsonNode f : parkingFrameworks.get("items")) {
            if (f.get("title").asText().equals("Framework for smart parking sensors 2025-2028")) {
                demo = f;
            }
        }
        assertThat(demo).isNotNull();
        String parkingId = demo.get("id").asText();
        assertThat(api("/api/marketplace/framework-contracts/" + parkingId).get("contractingAuthority").asText()).isEqualTo("city-mechelen");
        String solutionId = demo.get("solutionIds").get(0).asText();
        assertThat(api("/api/marketplace/framework-contracts?size=100&solutionId=" + solutionId).get("items").findValuesAsText("id")).contains(parkingId);
        String supplier = demo.get("suppliers").get(0).asText();
        assertThat(api("/api/marketplace/framework-contracts?size=100&supplier=" + supplier).get("items").findValuesAsText("id")).contains(parkingId);

        String expiredId = expired.get("items").get(0).get("id").asText();
        PortalClient delft = as("officer-delft");
        assertThat(delft.get("/marketplace/frameworks").body()).contains("Expired on");
        assertThat(delft.get("/marketplace/frameworks/" + expiredId).body()).contains("it can no longer be joined")
                .doesNotContain("Ask to join");
        // (other tests' expired frameworks may carry requests of their own: count Delft's before and after)
        String delftRequests = "select count(*) from market_join_request where framework_id = ? and city_group = 'city-delft'";
        Long before = jdbc.queryForObject(delftRequests, Long.class, UUID.fromString(expiredId));
        delft.postForm("/marketplace/frameworks/" + parkingId, "/marketplace/city/frameworks/" + expiredId + "/join", "confirmed", "true");
        assertThat(jdbc.queryForObject(delftRequests, Long.class, UUID.fromString(expiredId))).isEqualTo(before);

        // Delft asks to join Mechelen's parking framework (the demo's Delft request may exist from an earlier run)
        jdbc.update("delete from market_join_request where framework_id = ? and city_group = 'city-delft'", UUID.fromString(parkingId));
        // the first click only asks what it will do (a request cannot be taken back); nothing is sent
        String delftRequestsHere = "select count(*) from market_join_request where framework_id = ? and city_group = 'city-delft'";
        assertThat(delft.postForm("/marketplace/frameworks/" + parkingId, "/marketplace/city/frameworks/" + parkingId + "/join")
                .statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject(delftRequestsHere, Long.class, UUID.fromString(parkingId))).isZero();
        assertThat(delft.get("/marketplace/frameworks/" + parkingId).body()).contains("data-confirmation")
                .contains("cannot be taken back").contains("name=\"confirmed\" value=\"true\"");
        HttpResponse<String> asked = delft.postForm("/marketplace/frameworks/" + parkingId, "/marketplace/city/frameworks/" + parkingId + "/join",
                "confirmed", "true");
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(delft.get("/marketplace/frameworks/" + parkingId).body()).contains("Your request is sent")
                .contains("waiting for the contracting authority");
        String pi = jdbc.queryForObject("select process_instance_id from market_join_request where framework_id = ? and city_group = 'city-delft'",
                String.class, UUID.fromString(parkingId));
        new ProcessDriver(engine).runAsyncJobs(pi);
        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getId();

        PortalClient mechelen = as("officer-mechelen");
        assertThat(mechelen.get("/tasks").body()).contains("/tasks/" + taskId);
        assertThat(delft.get("/tasks").body()).doesNotContain("/tasks/" + taskId);
        assertThat(delft.get("/tasks/" + taskId).statusCode()).isIn(403, 404);
        HttpResponse<String> approved = mechelen.postForm("/tasks/" + taskId, "/tasks/" + taskId, FrameworkJoinProcess.JOIN_DECISION.name(), "approve",
                FrameworkJoinProcess.JOIN_REMARKS.name(), "Welcome, Delft");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(302);
        assertThat(jdbc.queryForMap("select status, decided_by from market_join_request where process_instance_id = ?", pi))
                .containsEntry("STATUS", "APPROVED").containsEntry("DECIDED_BY", "officer-mechelen");
        assertThat(delft.get("/marketplace/frameworks/" + parkingId).body()).contains("joined");

        // registering: city officers only, problems next to their fields
        assertThat(as("urbansense").get("/marketplace/city/frameworks/new").statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = delft.postForm("/marketplace/city/frameworks/new", "/marketplace/city/frameworks/new",
                "title", "Bike parking", "domain", "parking", "validFrom", "2026-01-01", "validUntil", "2025-01-01", "lots", "",
                "suppliers", "parkflow");
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("id=\"validUntil-error\"").contains("id=\"lots-error\"").contains("id=\"suppliers-error\"")
                .contains("value=\"Bike parking\"");
        String title = "Bike parking framework " + UUID.randomUUID();
        HttpResponse<String> registered = delft.postForm("/marketplace/city/frameworks/new", "/marketplace/city/frameworks/new",
                "title", title, "domain", "parking", "validFrom", "2025-01-01", "validUntil", "2030-12-31", "lots", "Lot 1: racks\nLot 2: app",
                "suppliers", "company-parkflow", "openToAll", "true", "documentTitle", "Agreement", "documentBody",
                "Signed by: Piet Jansen\nMail piet@delft.example for questions.");
        assertThat(registered.statusCode()).isEqualTo(302);
        assertThat(api("/api/marketplace/framework-contracts?size=100&supplier=company-parkflow").get("items").findValuesAsText("title")).contains(title);
        String body = jdbc.queryForObject("select d.body from market_document d join market_framework f on d.framework_id = f.id where f.title = ?",
                String.class, title);
        assertThat(body).doesNotContain("Piet Jansen").doesNotContain("piet@delft.example").contains(PersonalData.REMOVED);
    }

    @Test
    void cityOfficersShareDocumentsWithoutPersonalDataAndEveryoneSearchesThem() {
        PortalClient mechelen = as("officer-mechelen");
        HttpResponse<String> wrong = mechelen.postForm("/marketplace/city/documents/new", "/marketplace/city/documents/new",
                "title", "", "kind", "past-contract", "domain", "parking", "body", "text");
        assertThat(wrong.body()).contains("id=\"title-error\"").contains("id=\"challengeId-error\"");
        String word = "zebra" + UUID.randomUUID().toString().substring(0, 6);
        String[] fields = {"title", "Template " + word, "kind", "template", "domain", "mobility",
                "body", "Contact: Jan Peeters\nCall +32 15 29 76 54 or mail jan.peeters@mechelen.example.\nIBAN BE71 0961 2345 6769."};
        // publishing cannot be undone: a valid form first comes back, kept, with the question; nothing is published
        HttpResponse<String> asked = mechelen.postForm("/marketplace/city/documents/new", "/marketplace/city/documents/new", fields);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("data-confirmation").contains("cannot be withdrawn").contains("value=\"Template " + word + "\"");
        assertThat(anonymous().get("/marketplace/documents?q=" + word).body()).doesNotContain("Template " + word);
        String[] confirmed = java.util.Arrays.copyOf(fields, fields.length + 2);
        confirmed[fields.length] = "confirmed";
        confirmed[fields.length + 1] = "true";
        HttpResponse<String> shared = mechelen.postForm("/marketplace/city/documents/new", "/marketplace/city/documents/new", confirmed);
        assertThat(shared.statusCode()).isEqualTo(302);
        String location = shared.headers().firstValue("Location").orElseThrow();
        String document = anonymous().get(location.substring(location.indexOf("/marketplace"))).body();
        assertThat(document).contains("Template " + word).doesNotContain("Jan Peeters").doesNotContain("29 76 54")
                .doesNotContain("mechelen.example").doesNotContain("0961");
        assertThat(anonymous().get("/marketplace/documents?q=" + word).body()).contains("Template " + word);
        assertThat(anonymous().get("/marketplace/documents?q=" + word + "&kind=past-contract").body()).doesNotContain("Template " + word);
        assertThat(as("urbansense").get("/marketplace/city/documents/new").statusCode()).isEqualTo(403);
    }

    @Test
    void suppliersListSolutionsAndSeeCountedDemandNeverWhoSearched() throws Exception {
        PortalClient urbansense = as("urbansense");
        HttpResponse<String> wrong = urbansense.postForm("/marketplace/my-solutions/new", "/marketplace/my-solutions/new",
                "name", "Kerbside sensor", "domain", "nowhere", "trl", "12", "indicativeCost", "-1");
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("id=\"domain-error\"").contains("id=\"trl-error\"").contains("id=\"indicativeCost-error\"")
                .contains("value=\"Kerbside sensor\"");
        // text that is no number is said at its own field, in its own words, and every other field is still checked
        HttpResponse<String> unreadable = urbansense.postForm("/marketplace/my-solutions/new", "/marketplace/my-solutions/new",
                "name", "", "trl", "high", "indicativeCost", "lots", "minPopulation", "many");
        assertThat(unreadable.statusCode()).isEqualTo(200);
        assertThat(unreadable.body()).contains("id=\"name-error\"").contains("id=\"domain-error\"").contains("id=\"trl-error\"")
                .contains("id=\"indicativeCost-error\"").contains("id=\"minPopulation-error\"").contains("value=\"high\"")
                .contains("Enter a whole number, zero or more.");
        String name = "Kerbside sensor " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> listed = urbansense.postForm("/marketplace/my-solutions/new", "/marketplace/my-solutions/new",
                "name", name, "domain", "parking", "description", "Counts kerbside use for deliveries", "trl", "7",
                "priceModel", "subscription", "indicativeCost", "12000", "minPopulation", "20000", "procurementRoute", "any",
                "standards", "NGSI-LD", "languages", "nl, fr");
        assertThat(listed.statusCode()).isEqualTo(302);
        assertThat(api("/api/marketplace/solutions?supplier=company-urbansense&q=kerbside").get("items").findValuesAsText("name")).contains(name);
        assertThat(urbansense.get("/marketplace/my-solutions").body()).contains(name);

        // demand: Delft searches twice for an unusual word; suppliers see the word and the count, not Delft
        // letters only, and enough of them not to meet a word counted by an earlier run (the H2 test database is kept)
        StringBuilder letters = new StringBuilder();
        UUID.randomUUID().toString().replace("-", "").chars().limit(10)
                .forEach(c -> letters.append((char) (Character.isDigit(c) ? 'g' + (c - '0') : c)));
        String word = "lampposts" + letters;
        PortalClient delft = as("officer-delft");
        delft.get("/marketplace?q=" + word);
        delft.get("/marketplace?q=" + word);
        assertThat(jdbc.queryForList("select * from market_demand where term = ?", word)).hasSize(2)
                .allSatisfy(row -> assertThat(row.keySet()).containsExactlyInAnyOrder("ID", "COUNTED_ON", "KIND", "TERM"));
        String prospection = urbansense.get("/marketplace/prospection").body();
        assertThat(prospection).contains(word).doesNotContain("officer-delft").doesNotContain("Delft</td>");
        assertThat(delft.get("/marketplace/prospection").statusCode()).isEqualTo(403);
        assertThat(anonymous().get("/marketplace/prospection").headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void theApiIsDescribedPagedAndAnswersProblemDetails() throws Exception {
        JsonNode paths = api("/api/docs").get("paths");
        assertThat(paths.has("/api/marketplace/solutions")).isTrue();
        assertThat(paths.has("/api/marketplace/solutions/{id}")).isTrue();
        assertThat(paths.has("/api/marketplace/implementations")).isTrue();
        assertThat(paths.has("/api/marketplace/framework-contracts")).isTrue();

        JsonNode first = api("/api/marketplace/solutions?size=10&page=0");
        JsonNode second = api("/api/marketplace/solutions?size=10&page=1");
        assertThat(first.get("items").findValuesAsText("id")).doesNotContainAnyElementsOf(second.get("items").findValuesAsText("id"));
        assertThat(api("/api/marketplace/implementations?size=3").get("items").size()).isLessThanOrEqualTo(3);

        for (String bad : List.of("/api/marketplace/solutions?size=500", "/api/marketplace/solutions?domain=moon",
                "/api/marketplace/implementations?solutionId=not-a-uuid", "/api/marketplace/framework-contracts?status=maybe")) {
            HttpResponse<String> response = anonymous().get(bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(bad).startsWith("application/problem+json");
            assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(400);
        }
        HttpResponse<String> missing = anonymous().get("/api/marketplace/solutions/" + UUID.randomUUID());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json.readTree(missing.body()).get("detail").asText()).startsWith("No solution");
        assertThat(anonymous().get("/marketplace/solutions/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }
}
