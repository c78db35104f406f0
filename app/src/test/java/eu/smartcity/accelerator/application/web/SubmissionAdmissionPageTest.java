package eu.smartcity.accelerator.application.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A submission that finds every turn taken for longer than allowed: the form back, kept, in the user's language. */
@AcceleratorTest
class SubmissionAdmissionPageTest {

    @LocalServerPort int port;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired ProcessEngine engine;
    @Autowired Applications applications;
    @Autowired SubmissionAdmission admission;

    @Test
    void aSubmissionThatWaitedTooLongGetsItsFormBackToSendAgainAndNothingIsStored() throws Exception {
        UUID cycle = cycles.open("Rush cycle", "scifi-2024").id();
        UUID call = challenges.launch(cycle, "city-bruges", new Challenges.Definition("Rush call " + UUID.randomUUID(),
                "A problem worth solving here.", "Traffic counts", new BigDecimal("20000"), "Fewer cars", "nl", 5));
        new ProcessDriver(engine).complete(challenges.find(call).orElseThrow().processInstanceId(),
                ChallengeProcess.USER_TASK_APPROVE_CHALLENGE,
                Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        PortalClient company = new PortalClient(port);
        company.login("urbansense", "demo");
        company.speaking("fr");
        String title = "Sent in the rush " + UUID.randomUUID();

        int turns = admission.runningAtOnce();
        for (int taken = 0; taken < turns; taken++) { // every turn taken by submissions at work
            assertThat(admission.turns().take()).isTrue();
        }
        HttpResponse<String> busy;
        try {
            busy = apply(company, call, title);
        } finally {
            for (int given = 0; given < turns; given++) {
                admission.turns().release();
            }
        }

        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(busy.body()).contains("value=\"" + title + "\"").contains("value=\"9000\"")
                .contains("Rien n’a été enregistré et votre saisie est conservée").doesNotContain("Exception");
        assertThat(applications.ofCompany("company-urbansense")).noneMatch(a -> a.solutionTitle().equals(title));

        HttpResponse<String> again = apply(company, call, title); // a turn is free: taken
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(applications.ofCompany("company-urbansense")).filteredOn(a -> a.solutionTitle().equals(title)).hasSize(1);
    }

    static HttpResponse<String> apply(PortalClient client, UUID call, String title) {
        return client.postForm("/challenges/" + call + "/apply", "/challenges/" + call + "/apply",
                "solutionTitle", title, "pitch", "Sensors and open data", "requestedBudget", "9000", "trl", "7",
                "country", "BE", "employees", "12", "legalEntity", "true", "interoperable", "true", "declarationsSigned", "true");
    }
}
