package eu.smartcity.accelerator.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.support.AcceleratorTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine's doors, beside {@link AccessMatrixTest} (which covers our Spring MVC endpoints):
 * {@code /engine-rest/**} (HTTP Basic) and the Camunda webapps with their internal REST
 * ({@code /camunda/api/engine|cockpit|tasklist|admin/**}, session and Camunda's CSRF token). Every role ×
 * read and write of tasks, processes, variables and history, on Mechelen's objects and another juror's task;
 * the attacks of issue #15; a coordinator's Tasklist-style completion; bad input answered 4xx.
 */
@AcceleratorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineDoorsAccessTest {

    static final String ANONYMOUS = "(anonymous)";
    static final String COORDINATOR = "coordinator";
    static final String INTEGRATION = "integration";
    /** Everyone who is not a coordinator or an integration: refused at every engine door. */
    static final List<String> PORTAL_ONLY = List.of("urbansense", "officer-mechelen", "officer-delft", "jury-an", "jury-ben");
    static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

    @LocalServerPort int port;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Applications applications;
    @Autowired ProcessEngine engine;
    @Autowired org.glassfish.jersey.server.ResourceConfig jersey;
    @Autowired @Qualifier("identitySetup") ApplicationRunner identitySetup;

    final ProcessDriver driver;
    final Map<String, Session> sessions = new HashMap<>();

    String challengeProcess;  // Mechelen's challenge, its jury at work
    String cityTask;          // Mechelen's officers: revise a challenge sent back
    String juryTask;          // jury-ben declares (no) conflict of interest: his own task
    String otherJurorTask;    // jury-an's score task
    String definitionId;

    EngineDoorsAccessTest(@Autowired ProcessEngine engine) {
        this.driver = new ProcessDriver(engine);
    }

    @BeforeEach
    void mechelenHasAChallengeWithAJuryAtWork() {
        // Camunda's REST and webapps find "default" in a JVM-wide registry: another test context started in this JVM
        // (DemoCycleTest, on its own in-memory database) may have registered its engine there last.
        ProcessEngines.registerProcessEngine(engine);
        if (challengeProcess != null) {
            return; // once for the class (PER_CLASS); not @BeforeAll: processes run inside test methods only
        }
        UUID cycle = cycles.open("Engine doors " + UUID.randomUUID(), "scifi-2025").id();
        UUID published = challenges.launch(cycle, "city-mechelen", definition("Engine doors call"));
        challengeProcess = pi(published);
        driver.complete(challengeProcess, ChallengeProcess.USER_TASK_APPROVE_CHALLENGE, Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        driver.runAsyncJobs(challengeProcess);
        // an application, then the call closes: each juror declares, jury-an gets the application to score
        applications.submit(new Applications.Submission(published,
                "company-urbansense", "Urbansense lights", "Adaptive lighting", new BigDecimal("8000"), 7, true, "BE", 20, true, true));
        driver.fireTimer(challengeProcess, ChallengeProcess.TIMER_CALL_WINDOW_OVER);
        driver.complete(driver.taskOf(challengeProcess, ChallengeProcess.USER_TASK_DECLARE_CONFLICT, "jury-an"),
                Map.of(ChallengeProcess.CONFLICT_DECISION.name(), ChallengeProcess.ConflictDecision.NONE.wire()), challengeProcess);
        otherJurorTask = driver.tasks(challengeProcess, ChallengeProcess.USER_TASK_SCORE_APPLICATION).stream()
                .filter(t -> "jury-an".equals(t.getAssignee())).findFirst().orElseThrow().getId();
        juryTask = driver.taskOf(challengeProcess, ChallengeProcess.USER_TASK_DECLARE_CONFLICT, "jury-ben").getId();
        definitionId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(challengeProcess)
                .singleResult().getProcessDefinitionId();

        UUID draft = challenges.launch(cycle, "city-mechelen", definition("Engine doors draft"));
        driver.complete(pi(draft), ChallengeProcess.USER_TASK_APPROVE_CHALLENGE,
                Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.SEND_BACK.wire(), ChallengeProcess.REMARKS.name(), "Add the KPIs"));
        cityTask = driver.task(pi(draft), ChallengeProcess.USER_TASK_REVISE_CHALLENGE).getId();
    }

    // --- who reaches which door

    @Test
    void onlyCoordinatorsUseTheEngineAndIntegrationsOnlyRead() {
        List<String> failures = new ArrayList<>();
        List<String> reads = List.of("/task", "/task/" + juryTask + "/variables", "/task/" + otherJurorTask + "/variables",
                "/process-instance/" + challengeProcess + "/variables", "/process-definition/statistics",
                "/history/process-instance?processInstanceId=" + challengeProcess, "/history/variable-instance");
        for (String read : reads) {
            expect(failures, ANONYMOUS, rest(ANONYMOUS, "GET", read, null), 401);
            for (String user : PORTAL_ONLY) {
                expect(failures, user, rest(user, "GET", read, null), 403);
            }
            expect(failures, COORDINATOR, rest(COORDINATOR, "GET", read, null), 200);
            expect(failures, INTEGRATION, rest(INTEGRATION, "GET", read, null), 200);
        }
        // the integration reads what it needs to (Camunda authorizations granted), but writes nothing, not even a query
        assertThat(rest(INTEGRATION, "GET", "/task?processInstanceId=" + challengeProcess, null).body()).contains(otherJurorTask);
        expect(failures, INTEGRATION, rest(INTEGRATION, "POST", "/task", "{}"), 403);
        expect(failures, INTEGRATION, rest(INTEGRATION, "POST", "/task/" + juryTask + "/complete", "{}"), 403);

        // the webapps and their internal REST: coordinators only (visitors are sent to the login page)
        for (String path : List.of("/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
                WEBAPP_ENGINE + "/task", WEBAPP_ENGINE + "/task/" + otherJurorTask + "/variables",
                WEBAPP_ENGINE + "/process-definition/statistics", "/camunda/api/admin/auth/user/default",
                "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count",
                "/camunda/api/tasklist/plugin/tasklist.cockpit/static/app/plugin.js")) {
            HttpResponse<String> anonymous = session(ANONYMOUS).get(path);
            if (!(anonymous.statusCode() == 401 || (anonymous.statusCode() == 302
                    && anonymous.headers().firstValue("Location").orElse("").endsWith("/login")))) {
                failures.add(ANONYMOUS + " GET " + path + " → " + anonymous.statusCode());
            }
            for (String user : concat(PORTAL_ONLY, List.of(INTEGRATION))) {
                expect(failures, user, session(user).get(path), 403);
            }
        }
        for (String path : List.of("/camunda/app/tasklist/default/", WEBAPP_ENGINE + "/task",
                WEBAPP_ENGINE + "/process-definition/statistics", "/camunda/api/admin/auth/user/default")) {
            expect(failures, COORDINATOR, session(COORDINATOR).get(path), 200);
        }
        assertThat(failures).isEmpty();
    }

    // --- the attacks of issue #15, by everyone, at both doors

    @Test
    void nobodyWritesVariablesOrStartsOrCorrelatesOrDeploysThroughTheDoors() {
        List<String> failures = new ArrayList<>();
        String string = "{\"value\":\"%s\",\"type\":\"String\"}";
        List<String[]> writes = List.of(
                new String[] {"PUT", "/task/" + juryTask + "/localVariables/applicationId", string.formatted(UUID.randomUUID())},
                new String[] {"PUT", "/task/" + cityTask + "/variables/applicationId", string.formatted(UUID.randomUUID())},
                new String[] {"POST", "/task/" + cityTask + "/variables", "{\"modifications\":{\"cityGroup\":" + string.formatted("city-delft") + "}}"},
                new String[] {"PUT", "/process-instance/" + challengeProcess + "/variables/cityGroup", string.formatted("city-delft")},
                new String[] {"POST", "/process-instance/" + challengeProcess + "/variables", "{\"modifications\":{\"cityGroup\":" + string.formatted("city-delft") + "}}"},
                new String[] {"DELETE", "/process-instance/" + challengeProcess + "/variables/cityGroup", null},
                new String[] {"PUT", "/execution/" + challengeProcess + "/localVariables/cityGroup", string.formatted("city-delft")},
                new String[] {"POST", "/process-definition/key/challenge/start", "{\"variables\":{\"cityGroup\":" + string.formatted("city-delft") + "}}"},
                new String[] {"POST", "/process-definition/" + definitionId + "/submit-form", "{\"variables\":{}}"},
                new String[] {"POST", "/message", "{\"messageName\":\"applicationWithdrawn\",\"processInstanceId\":\"" + challengeProcess + "\"}"},
                new String[] {"POST", "/signal", "{\"name\":\"anything\"}"},
                new String[] {"POST", "/process-instance/" + challengeProcess + "/modification", "{\"instructions\":[]}"},
                new String[] {"DELETE", "/process-instance/" + challengeProcess, null},
                new String[] {"POST", "/task/" + otherJurorTask + "/assignee", "{\"userId\":\"jury-ben\"}"},
                new String[] {"POST", "/task/" + otherJurorTask + "/delegate", "{\"userId\":\"jury-ben\"}"},
                new String[] {"POST", "/task/" + otherJurorTask + "/complete", "{\"variables\":{}}"},
                new String[] {"POST", "/task/" + cityTask + "/complete", "{\"variables\":{}}"},
                new String[] {"POST", "/task/" + cityTask + "/claim", "{\"userId\":\"coordinator\"}"},
                new String[] {"POST", "/task/" + cityTask + "/claim", "{\"userId\":\"officer-mechelen\"}"},
                new String[] {"POST", "/task/create", "{\"id\":\"x" + UUID.randomUUID() + "\"}"},
                new String[] {"POST", "/condition", "{\"variables\":{}}"},
                // (/identity/verify, Camunda's own password check, is gone altogether: 404 for everyone, SingleLoginTest)
                new String[] {"POST", "/user/create", "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}"},
                // a user that does not exist: should a door open, the H2 file database kept between runs stays clean
                new String[] {"PUT", "/group/coordinators/members/intruder", null});
        for (String[] write : writes) {
            for (String user : concat(List.of(ANONYMOUS, COORDINATOR, INTEGRATION), PORTAL_ONLY)) {
                int expected = ANONYMOUS.equals(user) ? 401 : 403;
                HttpResponse<String> response = rest(user, write[0], write[1], write[2]);
                if (response.statusCode() != expected) {
                    failures.add(user + " " + write[0] + " /engine-rest" + write[1] + " → " + response.statusCode() + " " + response.body());
                } else if (COORDINATOR.equals(user) && !response.body().contains("\"status\":403")) {
                    failures.add(user + " " + write[0] + " /engine-rest" + write[1] + ": no problem details: " + response.body());
                }
            }
            // the same through the webapps' door, with a valid session and CSRF token: the coordinator is refused too
            // (account administration is Camunda Admin's job there: not sent)
            if (write[1].startsWith("/user/") || write[1].startsWith("/group/")) {
                continue;
            }
            HttpResponse<String> webapp = session(COORDINATOR).send(write[0], WEBAPP_ENGINE + write[1], write[2]);
            if (webapp.statusCode() != 403) {
                failures.add("coordinator " + write[0] + " " + WEBAPP_ENGINE + write[1] + " → " + webapp.statusCode());
            }
        }
        // a deployment (a BPMN with a script is code execution) by the coordinator, multipart as the REST API takes it
        HttpResponse<String> deployment = restMultipart(COORDINATOR, "/deployment/create", "evil.bpmn",
                "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"/>");
        expect(failures, COORDINATOR, deployment, 403);
        assertThat(failures).isEmpty();

        // and nothing changed underneath
        assertThat(engine.getRuntimeService().getVariable(challengeProcess, "cityGroup")).isEqualTo("city-mechelen");
        assertThat(engine.getTaskService().createTaskQuery().taskId(otherJurorTask).singleResult().getAssignee()).isEqualTo("jury-an");
        assertThat(engine.getTaskService().createTaskQuery().taskId(cityTask).singleResult().getAssignee()).isNull();
        assertThat(engine.getTaskService().getVariablesLocal(juryTask)).doesNotContainKey(ChallengeProcess.APPLICATION_ID.name());
        assertThat(engine.getIdentityService().createUserQuery().userId("intruder").count()).isZero();
        assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName("evil").count()).isZero();
    }

    // --- what coordinators still do

    @Test
    void theCoordinatorCompletesAnApprovalWithItsFormFieldsAndNothingElse() {
        UUID cycle = cycles.open("Engine doors approval " + UUID.randomUUID(), "scifi-2025").id();
        String approvedProcess = pi(challenges.launch(cycle, "city-delft", definition("Approve via Tasklist")));
        String viaWebapp = driver.task(approvedProcess, ChallengeProcess.USER_TASK_APPROVE_CHALLENGE).getId();
        String viaRest = driver.task(pi(challenges.launch(cycle, "city-delft", definition("Approve via REST"))),
                ChallengeProcess.USER_TASK_APPROVE_CHALLENGE).getId();
        Session tasklist = session(COORDINATOR);
        String form = "{\"variables\":{\"challengeDecision\":{\"value\":\"approve\",\"type\":\"String\"},"
                + "\"remarks\":{\"value\":\"Fine\",\"type\":\"String\"}%s}}";

        // an extra variable next to the form's fields, or an object value naming a class: refused, task still open
        String extra = form.formatted(",\"cityGroup\":{\"value\":\"city-mechelen\",\"type\":\"String\"}");
        String gadget = "{\"variables\":{\"remarks\":{\"value\":\"\\\"/tmp/x\\\"\",\"type\":\"Object\","
                + "\"valueInfo\":{\"objectTypeName\":\"java.io.File\",\"serializationDataFormat\":\"application/json\"}}}}";
        assertThat(tasklist.send("POST", WEBAPP_ENGINE + "/task/" + viaWebapp + "/claim", "{\"userId\":\"coordinator\"}").statusCode()).isEqualTo(204);
        assertThat(tasklist.send("POST", WEBAPP_ENGINE + "/task/" + viaWebapp + "/submit-form", extra).statusCode()).isEqualTo(403);
        assertThat(tasklist.send("POST", WEBAPP_ENGINE + "/task/" + viaWebapp + "/submit-form", gadget).statusCode()).isEqualTo(403);
        assertThat(rest(COORDINATOR, "POST", "/task/" + viaRest + "/complete", extra).statusCode()).isEqualTo(403);
        String repeated = "{\"variables\":{\"remarks\":{\"value\":\"Fine\"}},\"variables\":{\"cityGroup\":{\"value\":\"city-mechelen\"}}}";
        assertThat(rest(COORDINATOR, "POST", "/task/" + viaRest + "/complete", repeated).statusCode()).isEqualTo(400);
        assertThat(engine.getTaskService().createTaskQuery().taskIdIn(viaWebapp, viaRest).count()).isEqualTo(2);

        // the form's own fields: completed, as Tasklist does it
        assertThat(tasklist.send("POST", WEBAPP_ENGINE + "/task/" + viaWebapp + "/submit-form", form.formatted("")).statusCode()).isEqualTo(204);
        assertThat(rest(COORDINATOR, "POST", "/task/" + viaRest + "/complete", form.formatted("")).statusCode()).isEqualTo(204);
        assertThat(engine.getTaskService().createTaskQuery().taskIdIn(viaWebapp, viaRest).count()).isZero();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(approvedProcess)
                .variableName(ChallengeProcess.CHALLENGE_DECISION.name()).singleResult().getValue()).isEqualTo(ChallengeProcess.ChallengeDecision.APPROVE.wire());
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(approvedProcess)
                .variableName("cityGroup").singleResult().getValue()).isEqualTo("city-delft");

        // Cockpit-style queries, a shared filter and incident recovery still work for the coordinator
        assertThat(tasklist.send("POST", WEBAPP_ENGINE + "/process-instance/count", "{}").statusCode()).isEqualTo(200);
        assertThat(tasklist.send("POST", WEBAPP_ENGINE + "/history/process-instance", "{}").statusCode()).isEqualTo(200);
        String filter = engine.getFilterService().createFilterQuery().list().get(0).getId();
        assertThat(tasklist.send("POST", WEBAPP_ENGINE + "/filter/" + filter + "/list?firstResult=0&maxResults=15", "{}").statusCode()).isEqualTo(200);
        assertThat(rest(COORDINATOR, "PUT", "/job/" + UUID.randomUUID() + "/retries", "{\"retries\":1}").statusCode()).isEqualTo(404);
    }

    @Test
    void startUpRemovesTheTasklistGrantsOfficersAndJurorsHadInEarlierVersions() throws Exception {
        AuthorizationService authorizations = engine.getAuthorizationService();
        for (String group : List.of(Roles.CITY_OFFICERS, Roles.JURY)) {
            Authorization legacy = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            legacy.setGroupId(group);
            legacy.setResource(Resources.APPLICATION);
            legacy.setResourceId("tasklist");
            legacy.addPermission(Permissions.ACCESS);
            authorizations.saveAuthorization(legacy);
        }
        identitySetup.run(null);
        assertThat(authorizations.createAuthorizationQuery().groupIdIn(Roles.CITY_OFFICERS, Roles.JURY)
                .resourceType(Resources.APPLICATION).count()).isZero();
        assertThat(authorizations.createAuthorizationQuery().groupIdIn(Roles.COORDINATORS)
                .resourceType(Resources.APPLICATION).resourceId("tasklist").count()).isEqualTo(1);
    }

    // --- engine hardening

    @Test
    void badInputIsAnsweredWith4xxNever500() {
        List<String> failures = new ArrayList<>();
        for (String path : List.of("/task?firstResult=-1", "/task?maxResults=-5", "/task?firstResult=abc",
                "/task?maxResults=99999999999", "/task?firstResult=%25zz", "/task?dueAfter=not-a-date",
                "/task?sortBy=nonsense&sortOrder=asc", "/task?sortBy=name", "/task?sortOrder=sideways&sortBy=name",
                "/process-instance?variables=no_such_operator_x", "/history/process-instance?startedAfter=yesterday",
                "/history/process-instance?firstResult=-3&maxResults=1", "/task/" + UUID.randomUUID(),
                "/history/task?taskDueDate=2026-13-45T99:00:00", "/task/" + UUID.randomUUID() + "/variables",
                "/task/" + UUID.randomUUID() + "/form", "/task/" + UUID.randomUUID() + "/comment",
                "/process-instance/" + UUID.randomUUID() + "/variables", "/history/variable-instance/" + UUID.randomUUID(),
                "/process-definition/key/no-such-process/xml", "/job/" + UUID.randomUUID())) {
            HttpResponse<String> response = rest(COORDINATOR, "GET", path, null);
            if (response.statusCode() < 400 || response.statusCode() >= 500) {
                failures.add("GET /engine-rest" + path + " → " + response.statusCode() + " " + response.body());
            }
        }
        for (String body : List.of("{", "[1,2]", "{\"sorting\":[{\"sortBy\":\"bogus\",\"sortOrder\":\"asc\"}]}",
                "{\"dueAfter\":\"soon\"}")) {
            HttpResponse<String> response = rest(COORDINATOR, "POST", "/task?firstResult=0&maxResults=5", body);
            if (response.statusCode() < 400 || response.statusCode() >= 500) {
                failures.add("POST /engine-rest/task " + body + " → " + response.statusCode() + " " + response.body());
            }
        }
        // a comment on a task that does not exist (comments are an allowed write)
        int comment = rest(COORDINATOR, "POST", "/task/" + UUID.randomUUID() + "/comment/create", "{\"message\":\"hello\"}").statusCode();
        if (comment < 400 || comment >= 500) {
            failures.add("comment on an unknown task → " + comment);
        }
        // claiming a task that is already someone else's, and completing with a malformed body
        int claimed = rest(COORDINATOR, "POST", "/task/" + otherJurorTask + "/claim", "{\"userId\":\"coordinator\"}").statusCode();
        if (claimed < 400 || claimed >= 500) {
            failures.add("claim of an assigned task → " + claimed);
        }
        // what a race brings past the doors' own claim check is mapped by our Jersey configuration (409, not 500)
        assertThat(jersey.getInstances().stream().map(mapper -> mapper.getClass().getSimpleName())).contains("AlreadyClaimed");
        HttpResponse<String> paging = session(COORDINATOR).get(WEBAPP_ENGINE + "/task?firstResult=-1");
        if (paging.statusCode() != 400) {
            failures.add("webapp door firstResult=-1 → " + paging.statusCode());
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void spinDeserializesOnlyAllowedClasses() {
        ObjectValue gadget = Variables.serializedObjectValue("\"/tmp/engine-doors\"")
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).objectTypeName("java.io.File").create();
        engine.getRuntimeService().setVariable(challengeProcess, "gadget", gadget);
        try {
            assertThatThrownBy(() -> engine.getRuntimeService().getVariable(challengeProcess, "gadget"))
                    .isInstanceOf(ProcessEngineException.class).hasStackTraceContaining("java.io.File");
            // an allowed type still reads (java.util collections are Camunda's default allow-list)
            engine.getRuntimeService().setVariable(challengeProcess, "allowed", Variables.serializedObjectValue("[\"a\"]")
                    .serializationDataFormat(Variables.SerializationDataFormats.JSON).objectTypeName("java.util.ArrayList").create());
            assertThat(engine.getRuntimeService().getVariable(challengeProcess, "allowed")).isEqualTo(List.of("a"));
        } finally {
            engine.getRuntimeService().removeVariables(challengeProcess, List.of("gadget", "allowed"));
        }
    }

    @Test
    void swaggerUiCarriesAContentSecurityPolicy() {
        HttpResponse<String> ui = session(ANONYMOUS).get("/api/docs/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").contains("object-src 'none'").contains("frame-ancestors 'none'"));
    }

    // --- helpers

    static void expect(List<String> failures, String user, HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            failures.add(user + " " + response.request().method() + " " + response.uri().getRawPath()
                    + (response.uri().getRawQuery() == null ? "" : "?" + response.uri().getRawQuery())
                    + " → " + response.statusCode() + " (expected " + status + ")");
        }
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** /engine-rest with HTTP Basic (no session), as a script or integration calls it. */
    HttpResponse<String> rest(String user, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest" + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (!ANONYMOUS.equals(user)) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return send(http, request.build());
    }

    HttpResponse<String> restMultipart(String user, String path, String fileName, String content) {
        String boundary = "engine-doors-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nevil\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return send(http, HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest" + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Session session(String user) {
        return sessions.computeIfAbsent(user, u -> new Session(u));
    }

    /** A logged-in browser session: the portal's login, then the Camunda webapps' CSRF token as Tasklist sends it. */
    final class Session {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Session(String user) {
            if (!ANONYMOUS.equals(user)) {
                Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(get("/login").body());
                assertThat(csrf.find()).isTrue();
                String form = "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&username=" + user + "&password=demo";
                HttpResponse<String> login = EngineDoorsAccessTest.send(client, HttpRequest.newBuilder(URI.create(base() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
                assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
            }
        }

        HttpResponse<String> get(String path) {
            return EngineDoorsAccessTest.send(client, HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "application/json, text/html").GET().build());
        }

        /** A state-changing call as the webapps make it: JSON and the X-XSRF-TOKEN header Camunda's CSRF filter wants. */
        HttpResponse<String> send(String method, String path, String json) {
            String token = xsrfToken();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                    .header("X-XSRF-TOKEN", token).header("Accept", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            return EngineDoorsAccessTest.send(client, request.build());
        }

        private String xsrfToken() {
            for (int attempt = 0; attempt < 2; attempt++) {
                for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
                    if (cookie.getName().equals("XSRF-TOKEN")) {
                        return cookie.getValue();
                    }
                }
                get("/camunda/app/tasklist/default/"); // Camunda hands out the token with a webapp page
            }
            throw new IllegalStateException("no XSRF-TOKEN cookie from the Camunda webapps");
        }

        private String base() {
            return "http://localhost:" + port;
        }
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String pi(UUID challenge) {
        return challenges.find(challenge).orElseThrow().processInstanceId();
    }

    Challenges.Definition definition(String title) {
        return new Challenges.Definition(title + " " + UUID.randomUUID(), "Light only where people are.", "Street light inventory",
                new BigDecimal("9500"), "Energy use down 30 %", "nl", 5);
    }
}
