package eu.smartcity.accelerator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.attachments.Attachments;
import eu.smartcity.accelerator.attachments.TestPdfs;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import eu.smartcity.accelerator.support.PortalClient.FilePart;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every portal and API endpoint of ours × every role × the other organisation. The endpoints are read
 * from Spring MVC itself, so a new endpoint that is not in {@link #matrix()} fails this test until
 * someone decides who may reach it. For each endpoint the rightful user reaches the resource (so a
 * probe that is refused for the wrong reason shows up), and every other organisation, every other role
 * and the anonymous visitor are refused: 403 or 404 when logged in (404 where existence itself is not
 * theirs to know), the login page or 401 when anonymous.
 */
@AcceleratorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    @LocalServerPort int port;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Applications applications;
    @Autowired Attachments attachments;
    @Autowired ProcessEngine engine;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired eu.smartcity.accelerator.publicapi.ApiRateLimitFilter rateLimit;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Value("${accelerator.ocds.ocid-prefix}") String ocidPrefix;

    static final String ANONYMOUS = "(anonymous)";
    /** One user per role and organisation; the "other" organisation's users must never reach the first's things. */
    static final List<String> USERS = List.of(ANONYMOUS, "coordinator", "officer-mechelen", "officer-delft", "urbansense",
            "parkflow", "jury-an", "jury-ben");

    final Map<String, PortalClient> clients = new HashMap<>();
    final ProcessDriver driver;

    // the fixture: everything below belongs to city-mechelen and company-urbansense
    UUID cycle;
    UUID published;          // Mechelen's open call
    UUID draft;              // Mechelen's challenge sent back for revision (not public)
    UUID urbansenseApplication;
    UUID urbansenseAttachment;
    String cityTask;         // revise the draft: Mechelen's officers
    String coordinatorTask;  // approve a new challenge: coordinators
    UUID awaitingApproval;   // the challenge of coordinatorTask
    String juryTask;         // score urbansense's application: jury-an only, after declaring no conflict
    String companyTask;      // review the contract draft: urbansense only
    String contract;         // urbansense's contract with Mechelen

    AccessMatrixTest(@Autowired ProcessEngine engine, @Autowired TaskCompletions completions) {
        this.driver = new ProcessDriver(engine, completions);
    }

    // not @BeforeAll: the process-coverage listener lets processes run only inside a test method's run
    @BeforeEach
    void mechelenAndUrbansenseHaveThingsOfTheirOwn() {
        if (published != null) {
            return; // made once, for all tests of this class (PER_CLASS)
        }
        cycle = cycles.open("Access matrix " + UUID.randomUUID(), "scifi-2025").id();

        published = publish(cycle, "Street light sensors " + UUID.randomUUID());
        String applyPage = "/challenges/" + published + "/apply";
        HttpResponse<String> applied = as("urbansense").postMultipart(applyPage, applyPage,
                List.of(new FilePart("attachments", "offer.pdf", "application/pdf", TestPdfs.plain(1))),
                "solutionTitle", "Urbansense lights", "pitch", "Adaptive lighting", "requestedBudget", "8000", "trl", "7",
                "country", "BE", "employees", "20", "legalEntity", "true", "interoperable", "true", "declarationsSigned", "true");
        assertThat(applied.statusCode()).isEqualTo(302);
        urbansenseApplication = applications.ofCompany("company-urbansense").stream()
                .filter(a -> a.challengeId().equals(published)).findFirst().orElseThrow().id();
        urbansenseAttachment = attachments.of(urbansenseApplication).get(0).id();
        submit(published, "parkflow");

        draft = challenges.launch(cycle, "city-mechelen", definition("Draft " + UUID.randomUUID()));
        driver.complete(pi(draft), ChallengeProcess.USER_TASK_APPROVE_CHALLENGE,
                Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.SEND_BACK.wire(), ChallengeProcess.REMARKS.name(), "Add the KPIs"));
        cityTask = driver.task(pi(draft), ChallengeProcess.USER_TASK_REVISE_CHALLENGE).getId();

        awaitingApproval = challenges.launch(cycle, "city-mechelen", definition("Awaiting approval " + UUID.randomUUID()));
        coordinatorTask = driver.task(pi(awaitingApproval), ChallengeProcess.USER_TASK_APPROVE_CHALLENGE).getId();

        // the open call closes: jury-an declares no conflict and gets the applications to score; jury-ben has not declared
        driver.fireTimer(pi(published), ChallengeProcess.TIMER_CALL_WINDOW_OVER);
        driver.complete(driver.taskOf(pi(published), ChallengeProcess.USER_TASK_DECLARE_CONFLICT, "jury-an"),
                Map.of(ChallengeProcess.CONFLICT_DECISION.name(), ChallengeProcess.ConflictDecision.NONE.wire()), pi(published));
        juryTask = driver.tasks(pi(published), ChallengeProcess.USER_TASK_SCORE_APPLICATION).stream()
                .filter(t -> "jury-an".equals(t.getAssignee())).findFirst().orElseThrow().getId();

        // a second call that urbansense wins: its contract draft is urbansense's task
        UUID won = publish(cycle, "Smart bins " + UUID.randomUUID());
        submit(won, "urbansense");
        driver.fireTimer(pi(won), ChallengeProcess.TIMER_CALL_WINDOW_OVER);
        for (String member : List.of("jury-an", "jury-ben", "jury-chloe")) {
            driver.complete(driver.taskOf(pi(won), ChallengeProcess.USER_TASK_DECLARE_CONFLICT, member),
                    Map.of(ChallengeProcess.CONFLICT_DECISION.name(), ChallengeProcess.ConflictDecision.NONE.wire()), pi(won));
            for (Task score : driver.tasks(pi(won), ChallengeProcess.USER_TASK_SCORE_APPLICATION)) {
                if (member.equals(score.getAssignee())) {
                    Map<String, Object> scores = new HashMap<>();
                    Bylaws.CRITERIA.forEach(criterion -> scores.put(criterion, 7L));
                    driver.complete(score, scores, pi(won));
                }
            }
        }
        driver.complete(pi(won), ChallengeProcess.USER_TASK_APPROVE_SELECTION, Map.of(ChallengeProcess.SELECTION_DECISION.name(), ChallengeProcess.SelectionDecision.APPROVE.wire()));
        companyTask = driver.task(pi(won), ContractProcess.USER_TASK_REVIEW_DRAFT).getId();
        contract = engine.getTaskService().getVariable(companyTask, ContractProcess.CONTRACT_ID.name()).toString();
    }

    /** Who reaches what. Keys are "METHOD pattern" exactly as Spring MVC maps them. */
    Map<String, List<Probe>> matrix() {
        Map<String, List<Probe>> m = new LinkedHashMap<>();
        String explanation = "/applications/" + urbansenseApplication + "/explanation";
        String withdraw = "/applications/" + urbansenseApplication + "/withdraw";
        String attachment = "/attachments/" + urbansenseAttachment;
        String apply = "/challenges/" + published + "/apply";

        // public pages: everyone, and nothing unpublished
        m.put("GET /", publicGet("/"));
        m.put("GET /outcomes", publicGet("/outcomes")); // public figures only: counts per cycle and city
        m.put("GET /login", publicGet("/login"));
        m.put("GET /register", publicGet("/register"));
        m.put("POST /register", List.of(post(ANONYMOUS, "/register", Expect.ALLOWED, "organisationName", "")));
        // the mailed link: open to all, the (hashed, expiring) token is what counts
        m.put("GET /register/confirm", publicGet("/register/confirm?token=not-a-token"));
        m.put("POST /register/confirm", List.of(post(ANONYMOUS, "/register/confirm", Expect.ALLOWED, "token", "not-a-token",
                "password", "", "passwordAgain", "")));
        m.put("POST /language", List.of(post(ANONYMOUS, "/language", Expect.ALLOWED, "lang", "nl", "back", "/")));
        m.put("GET /language", publicGet("/language?lang=en&back=/"));
        m.put("GET /challenges", publicGet("/challenges"));
        m.put("GET /challenges/{id}", concat(publicGet("/challenges/" + published),
                refusedToAll("/challenges/" + draft, Set.of())));
        m.put("GET /challenges/{id}/results", publicGet("/challenges/" + published + "/results"));
        m.put("GET /bylaws", publicGet("/bylaws"));
        m.put("GET /bylaws/{version}", publicGet("/bylaws/scifi-2025"));
        m.put("GET /api/ocds/packages/{ocid}", List.of(get(ANONYMOUS, "/api/ocds/packages/" + ocid(published), Expect.ALLOWED),
                get(ANONYMOUS, "/api/ocds/packages/" + ocid(draft), Expect.REFUSED))); // not published: nothing to see
        m.put("GET /api/ocds/records/{ocid}", List.of(get(ANONYMOUS, "/api/ocds/records/" + ocid(published), Expect.ALLOWED),
                get(ANONYMOUS, "/api/ocds/records/" + ocid(draft), Expect.REFUSED)));
        m.put("GET /api/ocds/releases", publicGet("/api/ocds/releases"));
        m.put("GET /api/challenges", List.of(get(ANONYMOUS, "/api/challenges?city=city-mechelen&size=100", Expect.ALLOWED, published.toString()),
                get(ANONYMOUS, "/api/challenges?city=city-mechelen&size=100", Expect.ALLOWED_WITHOUT, draft.toString())));
        m.put("GET /api/challenges/{id}", concat(publicGet("/api/challenges/" + published),
                List.of(get(ANONYMOUS, "/api/challenges/" + draft, Expect.REFUSED))));
        m.put("GET /api/ocds/bulk", publicGet("/api/ocds/bulk"));

        // companies: their own applications and files only
        m.put("GET /applications", concat(List.of(get("urbansense", "/applications", Expect.ALLOWED, "Urbansense lights"),
                        get("parkflow", "/applications", Expect.ALLOWED_WITHOUT, "Urbansense lights")),
                refusedToAll("/applications", Set.of("urbansense", "parkflow"))));
        m.put("GET /challenges/{id}/apply", concat(List.of(get("parkflow", apply, Expect.ALLOWED)),
                refusedToAll(apply, Set.of("urbansense", "parkflow"))));
        m.put("POST /challenges/{id}/apply", refusedToAllPost(apply, Set.of("urbansense", "parkflow")));
        // a draft is its company's only: nobody else saves or discards it (none exists here: 404 for the companies too)
        m.put("POST /challenges/{id}/draft", refusedToAllPost("/challenges/" + published + "/draft", Set.of("urbansense", "parkflow")));
        m.put("POST /challenges/{id}/draft/discard", refusedToAllPost("/challenges/" + published + "/draft/discard", Set.of()));
        m.put("GET /applications/{id}/explanation", concat(List.of(get("urbansense", explanation, Expect.ALLOWED)),
                refusedToAll(explanation, Set.of("urbansense"))));
        m.put("POST /applications/{id}/withdraw", refusedToAllPost(withdraw, Set.of("urbansense")));
        m.put("GET /attachments/{id}", concat(List.of(get("urbansense", attachment, Expect.ALLOWED),
                        get("officer-mechelen", attachment, Expect.ALLOWED), get("coordinator", attachment, Expect.ALLOWED),
                        get("jury-an", attachment, Expect.ALLOWED)),
                refusedToAll(attachment, Set.of("urbansense", "officer-mechelen", "coordinator", "jury-an"))));

        // tasks: only the assignee or a member of the candidate group, whatever the role
        m.put("GET /tasks", concat(List.of(get("urbansense", "/tasks", Expect.ALLOWED, companyTask),
                        get("parkflow", "/tasks", Expect.ALLOWED_WITHOUT, companyTask),
                        get("officer-mechelen", "/tasks", Expect.ALLOWED, cityTask),
                        get("officer-delft", "/tasks", Expect.ALLOWED_WITHOUT, cityTask),
                        get("jury-an", "/tasks", Expect.ALLOWED, juryTask),
                        get("jury-ben", "/tasks", Expect.ALLOWED_WITHOUT, juryTask)),
                List.of(get(ANONYMOUS, "/tasks", Expect.REFUSED))));
        List<Probe> taskPages = new ArrayList<>();
        List<Probe> taskPosts = new ArrayList<>();
        for (Map.Entry<String, String> task : Map.of(companyTask, "urbansense", cityTask, "officer-mechelen",
                juryTask, "jury-an", coordinatorTask, "coordinator").entrySet()) {
            taskPages.add(get(task.getValue(), "/tasks/" + task.getKey(), Expect.ALLOWED));
            taskPages.addAll(refusedToAll("/tasks/" + task.getKey(), Set.of(task.getValue())));
            taskPosts.addAll(refusedToAllPost("/tasks/" + task.getKey(), Set.of(task.getValue())));
        }
        m.put("GET /tasks/{taskId}", taskPages);
        // from a Tasklist form to the portal's task page: only the user who has that task is sent there
        String open = "/tasks/open/" + ChallengeProcess.USER_TASK_APPROVE_CHALLENGE + "/" + awaitingApproval;
        m.put("GET /tasks/open/{taskKey}/{recordId}", concat(List.of(get("coordinator", open, Expect.ALLOWED)),
                refusedToAll(open, Set.of("coordinator"))));
        m.put("POST /tasks/{taskId}", taskPosts);

        // cities: their own challenges only
        m.put("GET /city/challenges", concat(List.of(get("officer-mechelen", "/city/challenges", Expect.ALLOWED, "Street light sensors"),
                        get("officer-delft", "/city/challenges", Expect.ALLOWED_WITHOUT, "Street light sensors")),
                refusedToAll("/city/challenges", Set.of("officer-mechelen", "officer-delft"))));
        m.put("GET /city/challenges/new", concat(List.of(get("officer-delft", "/city/challenges/new", Expect.ALLOWED)),
                refusedToAll("/city/challenges/new", Set.of("officer-mechelen", "officer-delft"))));
        m.put("POST /city/challenges/new", refusedToAllPost("/city/challenges/new", Set.of("officer-mechelen", "officer-delft")));
        // what the city funds beside the pilot: the challenge's own city only (officer-delft gets 404)
        String extras = "/city/challenges/" + draft + "/extras";
        m.put("GET /city/challenges/{id}/extras", concat(List.of(get("officer-mechelen", extras, Expect.ALLOWED)),
                refusedToAll(extras, Set.of("officer-mechelen"))));
        m.put("POST /city/challenges/{id}/extras", refusedToAllPost(extras, Set.of("officer-mechelen")));
        // the contract's language: the challenge's own city only (officer-delft gets 404)
        m.put("POST /city/challenges/{id}/contract-language",
                refusedToAllPost("/city/challenges/" + published + "/contract-language", Set.of("officer-mechelen")));

        // coordinators
        m.put("GET /coordinator", concat(List.of(get("coordinator", "/coordinator", Expect.ALLOWED)),
                refusedToAll("/coordinator", Set.of("coordinator"))));
        m.put("GET /coordinator/notifications", concat(List.of(get("coordinator", "/coordinator/notifications", Expect.ALLOWED)),
                refusedToAll("/coordinator/notifications", Set.of("coordinator"))));
        m.put("POST /coordinator/notifications/{id}/retry",
                refusedToAllPost("/coordinator/notifications/" + UUID.randomUUID() + "/retry", Set.of("coordinator")));
        // retention: the periods in force and the last runs (no personal data), for the programme office
        m.put("GET /coordinator/retention", concat(List.of(get("coordinator", "/coordinator/retention", Expect.ALLOWED)),
                refusedToAll("/coordinator/retention", Set.of("coordinator"))));
        // the programme office: cycles and bylaws versions (coordinators only; drafts are not public)
        m.put("GET /coordinator/cycles", concat(List.of(get("coordinator", "/coordinator/cycles", Expect.ALLOWED)),
                refusedToAll("/coordinator/cycles", Set.of("coordinator"))));
        m.put("POST /coordinator/cycles", refusedToAllPost("/coordinator/cycles", Set.of("coordinator")));
        m.put("GET /coordinator/cycles/{id}/report", concat(List.of(get("coordinator", "/coordinator/cycles/" + cycle + "/report", Expect.ALLOWED)),
                refusedToAll("/coordinator/cycles/" + cycle + "/report", Set.of("coordinator"))));
        m.put("POST /coordinator/cycles/{id}/close", refusedToAllPost("/coordinator/cycles/" + cycle + "/close", Set.of("coordinator")));
        m.put("GET /coordinator/bylaws", concat(List.of(get("coordinator", "/coordinator/bylaws", Expect.ALLOWED)),
                refusedToAll("/coordinator/bylaws", Set.of("coordinator"))));
        m.put("POST /coordinator/bylaws", refusedToAllPost("/coordinator/bylaws", Set.of("coordinator")));
        m.put("GET /coordinator/bylaws/{version}", concat(List.of(get("coordinator", "/coordinator/bylaws/scifi-2025", Expect.ALLOWED)),
                refusedToAll("/coordinator/bylaws/scifi-2025", Set.of("coordinator"))));
        m.put("POST /coordinator/bylaws/{version}", refusedToAllPost("/coordinator/bylaws/scifi-2025", Set.of("coordinator")));
        m.put("POST /coordinator/bylaws/{version}/publish", refusedToAllPost("/coordinator/bylaws/scifi-2025/publish", Set.of("coordinator")));
        m.put("GET /coordinator/bylaws/{version}/rules.yaml", concat(
                List.of(get("coordinator", "/coordinator/bylaws/scifi-2025/rules.yaml", Expect.ALLOWED)),
                refusedToAll("/coordinator/bylaws/scifi-2025/rules.yaml", Set.of("coordinator"))));
        m.put("GET /coordinator/bylaws/{version}/bylaws.md", concat(
                List.of(get("coordinator", "/coordinator/bylaws/scifi-2025/bylaws.md", Expect.ALLOWED)),
                refusedToAll("/coordinator/bylaws/scifi-2025/bylaws.md", Set.of("coordinator"))));
        m.put("GET /coordinator/bylaws/{version}/bylaws.{language:nl|fr}.md", concat(
                List.of(get("coordinator", "/coordinator/bylaws/scifi-2025/bylaws.nl.md", Expect.ALLOWED),
                        get("coordinator", "/coordinator/bylaws/scifi-2025/bylaws.fr.md", Expect.ALLOWED)),
                refusedToAll("/coordinator/bylaws/scifi-2025/bylaws.fr.md", Set.of("coordinator"))));
        // windows: a call's window is the coordinator's to change (extend, close early); everyone else is refused
        m.put("POST /coordinator/challenges/{id}/extend",
                refusedToAllPost("/coordinator/challenges/" + published + "/extend", Set.of("coordinator")));
        m.put("POST /coordinator/challenges/{id}/close-early",
                refusedToAllPost("/coordinator/challenges/" + published + "/close-early", Set.of("coordinator")));
        m.put("GET /coordinator/challenges/{id}/withdraw", concat(
                List.of(get("coordinator", "/coordinator/challenges/" + published + "/withdraw", Expect.ALLOWED)),
                refusedToAll("/coordinator/challenges/" + published + "/withdraw", Set.of("coordinator"))));
        m.put("POST /coordinator/challenges/{id}/withdraw",
                refusedToAllPost("/coordinator/challenges/" + published + "/withdraw", Set.of("coordinator")));

        // marketplace: browsing and the API are public; suppliers keep only their own solutions; cities act as cities
        String solution = jdbc.queryForObject(
                "select min(cast(id as varchar(36))) from market_solution where supplier_group = 'company-urbansense'", String.class);
        String solutionTitle = jdbc.queryForObject("select name from market_solution where cast(id as varchar(36)) = ?",
                String.class, solution);
        String framework = jdbc.queryForObject("select min(cast(id as varchar(36))) from market_framework", String.class);
        String document = jdbc.queryForObject("select min(cast(id as varchar(36))) from market_document", String.class);
        String implementation = jdbc.queryForObject("select min(cast(id as varchar(36))) from market_implementation", String.class);
        Set<String> cities = Set.of("officer-mechelen", "officer-delft");
        Set<String> companies = Set.of("urbansense", "parkflow");
        for (String path : List.of("/marketplace", "/marketplace/guided", "/marketplace/solutions/{id}", "/marketplace/frameworks",
                "/marketplace/frameworks/{id}", "/marketplace/documents", "/marketplace/documents/{id}", "/api/marketplace/solutions",
                "/api/marketplace/solutions/{id}", "/api/marketplace/implementations", "/api/marketplace/framework-contracts",
                "/api/marketplace/framework-contracts/{id}")) {
            String id = path.contains("solutions/") ? solution : path.contains("frameworks/") || path.contains("contracts/") ? framework : document;
            m.put("GET " + path, publicGet(path.replace("{id}", id)));
        }
        m.put("POST /marketplace/city/solutions/{id}/reviews",
                refusedToAllPost("/marketplace/city/solutions/" + solution + "/reviews", cities));
        m.put("POST /marketplace/city/implementations/{id}/replicate",
                refusedToAllPost("/marketplace/city/implementations/" + implementation + "/replicate", cities));
        m.put("POST /marketplace/city/frameworks/{id}/join", refusedToAllPost("/marketplace/city/frameworks/" + framework + "/join", cities));
        for (String path : List.of("/marketplace/city/frameworks/new", "/marketplace/city/documents/new")) {
            m.put("GET " + path, concat(List.of(get("officer-delft", path, Expect.ALLOWED)), refusedToAll(path, cities)));
            m.put("POST " + path, refusedToAllPost(path, cities));
        }
        m.put("GET /marketplace/my-solutions", concat(List.of(get("urbansense", "/marketplace/my-solutions", Expect.ALLOWED, solutionTitle),
                        get("parkflow", "/marketplace/my-solutions", Expect.ALLOWED_WITHOUT, solutionTitle)),
                refusedToAll("/marketplace/my-solutions", companies)));
        m.put("GET /marketplace/my-solutions/new", concat(List.of(get("parkflow", "/marketplace/my-solutions/new", Expect.ALLOWED)),
                refusedToAll("/marketplace/my-solutions/new", companies)));
        m.put("GET /marketplace/my-solutions/{id}", concat(List.of(get("urbansense", "/marketplace/my-solutions/" + solution, Expect.ALLOWED)),
                refusedToAll("/marketplace/my-solutions/" + solution, Set.of("urbansense"))));
        m.put("POST /marketplace/my-solutions/{id}", refusedToAllPost("/marketplace/my-solutions/" + solution, Set.of("urbansense")));
        m.put("POST /marketplace/my-solutions/new", refusedToAllPost("/marketplace/my-solutions/new", companies));
        m.put("GET /marketplace/prospection", concat(List.of(get("parkflow", "/marketplace/prospection", Expect.ALLOWED),
                        get("coordinator", "/marketplace/prospection", Expect.ALLOWED)),
                refusedToAll("/marketplace/prospection", Set.of("urbansense", "parkflow", "coordinator"))));

        // contracts: the two parties and the coordinators; reports: published evaluations, cycle reports for coordinators
        Set<String> contractReaders = Set.of("urbansense", "officer-mechelen", "coordinator");
        for (String path : List.of("/contracts/{id}", "/contracts/{id}/contract.pdf")) {
            String concrete = path.replace("{id}", contract);
            m.put("GET " + path, concat(contractReaders.stream().map(u -> get(u, concrete, Expect.ALLOWED)).toList(),
                    refusedToAll(concrete, contractReaders)));
        }
        String wonApplication = engine.getTaskService().getVariable(companyTask, ChallengeProcess.APPLICATION_ID.name()).toString();
        String ofApplication = "/contracts/of-application/" + wonApplication;
        m.put("GET /contracts/of-application/{applicationId}", concat(List.of(get("urbansense", "/applications", Expect.ALLOWED, ofApplication)),
                concat(contractReaders.stream().map(u -> get(u, ofApplication, Expect.ALLOWED)).toList(),
                        refusedToAll(ofApplication, contractReaders))));
        // the contract here is not signed yet: its validation report is 404 to everyone (readers of a signed one: ContractPagesTest)
        m.put("GET /contracts/{id}/validation-report.xml", refusedToAll("/contracts/" + contract + "/validation-report.xml", Set.of()));
        m.put("GET /contracts/{id}/signed.pdf", refusedToAll("/contracts/" + contract + "/signed.pdf", Set.of())); // public once signed
        m.put("GET /reports/cycles/{id}.pdf", concat(List.of(get("coordinator", "/reports/cycles/" + cycle + ".pdf", Expect.ALLOWED)),
                refusedToAll("/reports/cycles/" + cycle + ".pdf", Set.of("coordinator"))));
        m.put("GET /reports/evaluations/{id}.pdf", refusedToAll("/reports/evaluations/" + UUID.randomUUID() + ".pdf", Set.of()));
        m.put("GET /bylaws/{version}.pdf", publicGet("/bylaws/scifi-2025.pdf"));

        // each user's own notification choices (no id in the path: always the logged-in user's)
        m.put("GET /account/notifications", concat(USERS.stream().filter(u -> !ANONYMOUS.equals(u))
                        .map(u -> get(u, "/account/notifications", Expect.ALLOWED)).toList(),
                List.of(get(ANONYMOUS, "/account/notifications", Expect.REFUSED))));
        m.put("POST /account/notifications", List.of(post(ANONYMOUS, "/account/notifications", Expect.REFUSED, "x", "1")));
        // a person's own data and erasure request (issue 24; no id in the path: always the logged-in user's)
        for (String page : List.of("/account/data", "/account/data/erasure")) {
            m.put("GET " + page, concat(USERS.stream().filter(u -> !ANONYMOUS.equals(u)).map(u -> get(u, page, Expect.ALLOWED)).toList(),
                    List.of(get(ANONYMOUS, page, Expect.REFUSED))));
        }
        m.put("GET /account/data/export", List.of(get(ANONYMOUS, "/account/data/export", Expect.REFUSED)));
        // only the anonymous probe: a real request by a demo user would start an erasure process (PersonalDataErasureProcessTest)
        m.put("POST /account/data/erasure", List.of(post(ANONYMOUS, "/account/data/erasure", Expect.REFUSED, "reason", "x")));
        m.put("GET /coordinator/erasure-requests", concat(List.of(get("coordinator", "/coordinator/erasure-requests", Expect.ALLOWED)),
                refusedToAll("/coordinator/erasure-requests", Set.of("coordinator"))));
        m.put("POST /coordinator/erasure-requests/{id}",
                refusedToAllPost("/coordinator/erasure-requests/" + UUID.randomUUID(), Set.of("coordinator")));
        // people (issue 18, point 4): invitations, jury pools and roles are the coordinators'; an invitation link is
        // open to all (its hashed, expiring token is what counts); taking an invitation onto an account needs a login
        for (String page : List.of("/coordinator/people", "/coordinator/invitations")) {
            m.put("GET " + page, concat(List.of(get("coordinator", page, Expect.ALLOWED)), refusedToAll(page, Set.of("coordinator"))));
        }
        m.put("POST /coordinator/invitations", refusedToAllPost("/coordinator/invitations", Set.of("coordinator")));
        for (String action : List.of("resend", "revoke")) {
            m.put("POST /coordinator/invitations/{id}/" + action,
                    refusedToAllPost("/coordinator/invitations/" + UUID.randomUUID() + "/" + action, Set.of("coordinator")));
        }
        for (String action : List.of("roles", "city", "active")) {
            m.put("POST /coordinator/people/{userId}/" + action,
                    refusedToAllPost("/coordinator/people/jury-ben/" + action, Set.of("coordinator")));
        }
        m.put("POST /coordinator/people/cities", refusedToAllPost("/coordinator/people/cities", Set.of("coordinator")));
        m.put("GET /invitation", publicGet("/invitation?token=not-a-token"));
        m.put("POST /invitation", List.of(post(ANONYMOUS, "/invitation", Expect.ALLOWED, "token", "not-a-token")));
        m.put("GET /invitation/join", USERS.stream().map(u -> get(u, "/invitation/join?token=not-a-token",
                ANONYMOUS.equals(u) ? Expect.REFUSED : Expect.ALLOWED)).toList());
        m.put("POST /invitation/join", USERS.stream().map(u -> post(u, "/invitation/join",
                ANONYMOUS.equals(u) ? Expect.REFUSED : Expect.ALLOWED, "token", "not-a-token")).toList());
        return m;
    }

    @Test
    void everyEndpointOfOursIsInTheMatrix() {
        Set<String> mapped = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("eu.smartcity.accelerator")) {
                continue; // Spring's error controller, springdoc: not ours
            }
            Set<String> methods = new TreeSet<>();
            entry.getKey().getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
            for (String pattern : entry.getKey().getPatternValues()) {
                methods.forEach(method -> mapped.add(method + " " + pattern));
                if (methods.isEmpty()) {
                    mapped.add("ANY " + pattern);
                }
            }
        }
        assertThat(matrix().keySet()).as("endpoints in the matrix").containsExactlyInAnyOrderElementsOf(mapped);
    }

    @Test
    void eachUserReachesTheirOwnAndNobodyElsesEndpointByEndpoint() {
        rateLimit.reset(); // the probes hit /api/** from one address faster than the per-minute limit allows others
        List<String> failures = new ArrayList<>();
        int probes = 0;
        for (Map.Entry<String, List<Probe>> endpoint : matrix().entrySet()) {
            for (Probe probe : endpoint.getValue()) {
                probes++;
                String failure = probe.check(client(probe.user()));
                if (failure != null) {
                    failures.add(endpoint.getKey() + ": " + failure);
                }
            }
        }
        assertThat(failures).as("access violations (of " + probes + " probes)").isEmpty();
        assertThat(probes).isGreaterThan(150);
    }

    @Test
    void companiesNeverReachTheEngineOrItsWebapps() {
        assertThat(client("urbansense").get("/camunda/app/tasklist/default/").statusCode()).isIn(401, 403);
        assertThat(new PortalClient(port).getWithBasicAuth("/engine-rest/task", "urbansense", "demo").statusCode()).isIn(401, 403);
        // nor do city officers and jury members any more (EngineDoorsAccessTest walks the engine's doors)
        assertThat(new PortalClient(port).getWithBasicAuth("/engine-rest/task", "officer-mechelen", "demo").statusCode()).isEqualTo(403);
        assertThat(new PortalClient(port).getWithBasicAuth("/engine-rest/task", "coordinator", "demo").statusCode()).isEqualTo(200);
    }

    // --- the probes

    enum Expect { ALLOWED, ALLOWED_WITHOUT, REFUSED }

    /** One request by one user; for ALLOWED the body must contain {@code text}, for ALLOWED_WITHOUT it must not. */
    record Probe(String user, String method, String path, Expect expect, String text, String[] form) {

        String check(PortalClient client) {
            HttpResponse<String> response = "GET".equals(method) ? client.get(path)
                    // a valid CSRF token of the user's own session: a refusal must come from authorization, not CSRF
                    // (a visitor's pages carry no token, as a visitor has no session: the login page does)
                    : client.postForm(ANONYMOUS.equals(user) ? "/login" : "/", path, form);
            int status = response.statusCode();
            String location = response.headers().firstValue("Location").orElse("");
            boolean refused = ANONYMOUS.equals(user)
                    ? status == 401 || status == 404 || (status == 302 && location.contains("/login"))
                    : status == 403 || status == 404;
            boolean allowed = status < 400 && !location.contains("/login");
            String who = user + " " + method + " " + path + " → " + status + (location.isEmpty() ? "" : " " + location);
            return switch (expect) {
                case REFUSED -> refused ? null : who + " (should be refused)";
                case ALLOWED -> !allowed ? who + " (should be allowed)"
                        : text != null && !response.body().contains(text) ? who + " (should show " + text + ")" : null;
                case ALLOWED_WITHOUT -> !allowed ? who + " (should be allowed)"
                        : response.body().contains(text) ? who + " (shows another organisation's " + text + ")" : null;
            };
        }
    }

    static Probe get(String user, String path, Expect expect) {
        return new Probe(user, "GET", path, expect, null, new String[0]);
    }

    static Probe get(String user, String path, Expect expect, String text) {
        return new Probe(user, "GET", path, expect, text, new String[0]);
    }

    static Probe post(String user, String path, Expect expect, String... form) {
        return new Probe(user, "POST", path, expect, null, form);
    }

    static List<Probe> publicGet(String path) {
        return USERS.stream().map(user -> get(user, path, Expect.ALLOWED)).toList();
    }

    /** Every user but the rightful ones is refused. */
    static List<Probe> refusedToAll(String path, Set<String> rightful) {
        return USERS.stream().filter(user -> !rightful.contains(user)).map(user -> get(user, path, Expect.REFUSED)).toList();
    }

    static List<Probe> refusedToAllPost(String path, Set<String> rightful) {
        return USERS.stream().filter(user -> !rightful.contains(user))
                .map(user -> post(user, path, Expect.REFUSED, "x", "1")).toList();
    }

    static List<Probe> concat(List<Probe> a, List<Probe> b) {
        List<Probe> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // --- the fixture's helpers

    PortalClient client(String user) {
        return clients.computeIfAbsent(user, u -> ANONYMOUS.equals(u) ? new PortalClient(port) : as(u));
    }

    PortalClient as(String user) {
        PortalClient client = new PortalClient(port);
        assertThat(client.login(user, "demo").headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    String ocid(UUID challenge) {
        return ocidPrefix + "-" + challenge;
    }

    String pi(UUID challenge) {
        return challenges.find(challenge).orElseThrow().processInstanceId();
    }

    Challenges.Definition definition(String title) {
        return new Challenges.Definition(title, "Light only where people are.", "Street light inventory",
                new BigDecimal("9500"), "Energy use down 30 %", "nl", 5);
    }

    UUID publish(UUID cycle, String title) {
        UUID id = challenges.launch(cycle, "city-mechelen", definition(title));
        driver.complete(pi(id), ChallengeProcess.USER_TASK_APPROVE_CHALLENGE, Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        driver.runAsyncJobs(pi(id));
        return id;
    }

    void submit(UUID challenge, String company) {
        applications.submit(new Applications.Submission(challenge, "company-" + company, company + " offer",
                "Our pitch", new BigDecimal("8000"), 7, true, "BE", 20, true, true));
    }
}
