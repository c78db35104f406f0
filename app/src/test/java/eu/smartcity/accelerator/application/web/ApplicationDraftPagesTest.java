package eu.smartcity.accelerator.application.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.application.ApplicationDrafts;
import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A company saves an unfinished application, resumes it, and submits it before the deadline; nobody else sees it. */
@AcceleratorTest
class ApplicationDraftPagesTest {

    @LocalServerPort int port;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Applications applications;
    @Autowired ApplicationDrafts drafts;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;

    UUID call;
    String applyPage;
    String title;

    @BeforeEach
    void anOpenCall() {
        UUID cycle = cycles.open("Draft cycle " + UUID.randomUUID(), "scifi-2024").id();
        call = challenges.launch(cycle, "city-bruges", new Challenges.Definition("Quiet streets " + UUID.randomUUID(),
                "Noise at night.", "Noise sensors", new BigDecimal("20000"), "Fewer complaints", "nl", 5));
        new ProcessDriver(engine).complete(challenges.find(call).orElseThrow().processInstanceId(),
                ChallengeProcess.USER_TASK_APPROVE_CHALLENGE, Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        applyPage = "/challenges/" + call + "/apply";
        title = "Half-written " + UUID.randomUUID();
    }

    PortalClient login(String user) {
        PortalClient client = new PortalClient(port);
        client.login(user, "demo");
        return client;
    }

    /** Sent as the browser sends the apply form's "Save draft" button: multipart, to the button's formaction. */
    HttpResponse<String> saveDraft(PortalClient client, String... fields) {
        return client.postMultipart(applyPage, "/challenges/" + call + "/draft", List.of(), fields);
    }

    @Test
    void aDraftIsSavedWithoutChecksResumedAndBecomesTheApplicationWhenSubmitted() {
        long applicationProcesses = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("application").count();
        PortalClient urbansense = login("urbansense");
        // only a title and a budget: a draft needs nothing else
        HttpResponse<String> saved = saveDraft(urbansense, "solutionTitle", title, "pitch", "", "requestedBudget", "12500", "trl", "",
                "country", "", "employees", "");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(applyPage);

        assertThat(urbansense.get(applyPage).body()).contains("data-draft-saved").doesNotContain("data-draft-resumed");
        HttpResponse<String> resumed = urbansense.get(applyPage); // another day
        assertThat(resumed.body()).contains("value=\"" + title + "\"").contains("value=\"12500\"")
                .contains("data-draft-resumed").contains("does not keep attached files");
        HttpResponse<String> mine = urbansense.get("/applications");
        assertThat(mine.body()).contains("data-drafts").contains(challenges.find(call).orElseThrow().title())
                .contains("href=\"" + applyPage + "\"");

        // a draft is not an application: no row, no process, not counted
        assertThat(applications.receivedBy(call)).isEmpty();
        assertThat(applications.publicResults(call).received()).isZero();
        // (counted: an application process has no challengeId since issue 19, slice appvars)
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("application").count())
                .isEqualTo(applicationProcesses);

        // saving again replaces the one draft
        assertThat(saveDraft(urbansense, "solutionTitle", title + " v2", "requestedBudget", "12000").statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select count(*) from application_draft where challenge_id = ?", Integer.class, call)).isEqualTo(1);
        assertThat(drafts.find(call, "company-urbansense").orElseThrow().solutionTitle()).isEqualTo(title + " v2");

        HttpResponse<String> submitted = urbansense.postMultipart(applyPage, applyPage, List.of(), "solutionTitle", title + " v2",
                "pitch", "Sensors that listen", "requestedBudget", "12000", "trl", "7", "country", "BE", "employees", "12",
                "legalEntity", "true", "interoperable", "true", "declarationsSigned", "true");
        assertThat(submitted.statusCode()).isEqualTo(302);
        assertThat(applications.receivedBy(call)).extracting(Applications.ApplicationView::solutionTitle).containsExactly(title + " v2");
        assertThat(drafts.find(call, "company-urbansense")).isEmpty();
        assertThat(urbansense.get("/applications").body()).doesNotContain("href=\"" + applyPage + "\"");
    }

    @Test
    void aDraftBeyondTheInputLimitsIsRefusedNextToItsFieldWithTheInputKept() {
        PortalClient urbansense = login("urbansense");
        HttpResponse<String> tooLong = saveDraft(urbansense, "solutionTitle", "x".repeat(201), "pitch", "Kept pitch");
        assertThat(tooLong.statusCode()).isEqualTo(200);
        assertThat(tooLong.body()).contains("id=\"solutionTitle-error\"").contains("aria-describedby=\"solutionTitle-error\"")
                .contains("beyond what the form accepts").contains("Kept pitch");
        assertThat(drafts.find(call, "company-urbansense")).isEmpty();
    }

    @Test
    void onlyTheCompanySeesItsDraftAndOnlyItMayDiscardItAfterConfirming() {
        PortalClient parkflow = login("parkflow");
        assertThat(saveDraft(parkflow, "solutionTitle", title).statusCode()).isEqualTo(302);

        PortalClient urbansense = login("urbansense");
        assertThat(urbansense.get(applyPage).body()).doesNotContain(title);
        assertThat(urbansense.get("/applications").body()).doesNotContain(title);
        String discard = "/challenges/" + call + "/draft/discard";
        assertThat(urbansense.postForm("/applications", discard, "confirmed", "true").statusCode()).isEqualTo(404);
        // neither the city nor the coordinator nor the jury see it anywhere they look
        for (String user : List.of("officer-bruges", "coordinator", "jury-an")) {
            PortalClient other = login(user);
            for (String page : List.of("/", "/challenges/" + call, "/challenges/" + call + "/results", "/city/challenges", "/coordinator",
                    "/api/challenges/" + call, "/api/ocds/releases")) {
                assertThat(other.get(page).body()).as(user + " " + page).doesNotContain(title);
            }
        }
        assertThat(drafts.find(call, "company-parkflow")).isPresent();

        // the first click only asks; nothing is deleted until confirmed
        HttpResponse<String> asked = parkflow.postForm("/applications", discard, "back", "applications");
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(drafts.find(call, "company-parkflow")).isPresent();
        assertThat(parkflow.get("/applications").body()).contains("data-confirmation").contains("Discard this draft?");
        assertThat(parkflow.postForm("/applications", discard, "confirmed", "true").statusCode()).isEqualTo(302);
        assertThat(drafts.find(call, "company-parkflow")).isEmpty();
        assertThat(parkflow.get("/applications").body()).contains("The draft was discarded.");
    }

    @Test
    void afterTheDeadlineTheDraftIsReadOnlyAndCannotBeSubmittedOrSaved() {
        PortalClient greengrid = login("greengrid");
        assertThat(saveDraft(greengrid, "solutionTitle", title, "requestedBudget", "9000").statusCode()).isEqualTo(302);
        new ProcessDriver(engine).fireTimer(challenges.find(call).orElseThrow().processInstanceId(),
                ChallengeProcess.TIMER_CALL_WINDOW_OVER);

        HttpResponse<String> page = greengrid.get(applyPage, "Accept-Language", "fr");
        assertThat(page.body()).contains("data-call-closed").contains("reste lisible").contains("value=\"" + title + "\"")
                .contains("<fieldset disabled");
        assertThat(greengrid.get("/applications").body()).contains("this draft can no longer be submitted");

        HttpResponse<String> late = saveDraft(greengrid, "solutionTitle", title + " late");
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(late.body()).contains("a draft can no longer be saved");
        assertThat(drafts.find(call, "company-greengrid").orElseThrow().solutionTitle()).isEqualTo(title);

        HttpResponse<String> submitted = greengrid.postMultipart(applyPage, applyPage, List.of(), "solutionTitle", title,
                "pitch", "Late", "requestedBudget", "9000", "trl", "7", "country", "BE", "employees", "12",
                "legalEntity", "true", "interoperable", "true", "declarationsSigned", "true");
        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(applications.receivedBy(call)).isEmpty();
        assertThat(drafts.find(call, "company-greengrid")).isPresent(); // kept read-only until the company discards it
    }
}
