package eu.smartcity.accelerator.selection;

import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.workflow.ProcessVariables;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.shared.RuleViolationException;
import eu.smartcity.accelerator.shared.UserMessages;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * quotas.pilotsPerCity (scifi-2025: 1, overridable) on the real engine: the coordinator's approval of a second
 * selection for the same city in the same cycle is refused with the rule in the user's language; an override with
 * a reason goes through and is recorded; other cities and cycles are not affected; a contract not signed frees the place.
 * (jurySize and quorum: ChallengeProcessTest's recusal/no-quorum path; milestonesPerPilot: its milestone count.)
 */
@AcceleratorTest
class PilotsPerCityQuotaTest {

    static final List<String> JURY = List.of("jury-an", "jury-ben", "jury-chloe");

    @Autowired ProcessEngine engine;
    @Autowired TaskCompletions completions;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Applications applications;
    @Autowired JuryRecords jury;
    @Autowired MessageSource messages;
    @LocalServerPort int port;

    ProcessDriver driver;
    String cycleName;
    UUID cycle;

    @BeforeEach
    void openCycle() {
        driver = new ProcessDriver(engine, completions);
        cycleName = "Quota cycle " + UUID.randomUUID().toString().substring(0, 8);
        cycle = cycles.open(cycleName, "scifi-2025").id();
    }

    @Test
    void aSecondSelectionForTheSameCityIsRefusedNamingTheRuleUnlessOverriddenWithAReason() {
        String first = awaitingSelectionApproval(cycle, "city-saint-quentin", "Participation platform");
        approve(first, Map.of());
        assertThat(challenges.find(challengeOf(first)).orElseThrow().status()).isEqualTo("CONTRACTING");

        String second = awaitingSelectionApproval(cycle, "city-saint-quentin", "Open library data");
        RuleViolationException refused = refusal(() -> approve(second, Map.of()));
        assertThat(refused.field()).isEqualTo(SELECTION_DECISION.name());
        assertThat(refused.messageKey()).isEqualTo("selection.error.pilotsPerCity");
        assertThat(inWords(refused, Locale.ENGLISH)).startsWith("The bylaws of cycle " + cycleName
                + " allow 1 pilot per city; City of Saint-Quentin already has 1 (Participation platform ");
        assertThat(inWords(refused, Locale.forLanguageTag("fr"))).startsWith("Le règlement du cycle " + cycleName
                + " autorise 1 pilote par ville ; Ville de Saint-Quentin en a déjà 1 (Participation platform ");
        assertThat(inWords(refused, Locale.forLanguageTag("nl"))).startsWith("Het reglement van cyclus " + cycleName
                + " staat 1 pilot per stad toe; Stad Saint-Quentin heeft er al 1 (Participation platform ");
        assertThat(driver.task(second, USER_TASK_APPROVE_SELECTION)).as("the approval waits").isNotNull();
        // the portal's task page says it next to the decision (a form post carries no language: English)
        String taskPage = "/tasks/" + driver.task(second, USER_TASK_APPROVE_SELECTION).getId();
        String refusedPage = coordinator("en").postForm(taskPage, taskPage, SELECTION_DECISION.name(), SelectionDecision.APPROVE.wire()).body();
        assertThat(refusedPage).contains("The bylaws of cycle " + cycleName + " allow 1 pilot per city; City of Saint-Quentin already has 1")
                .contains("aria-invalid=\"true\"");

        // an override owes a reason
        RuleViolationException noReason = refusal(() -> approve(second, Map.of(QUOTA_OVERRIDE.name(), QuotaOverride.EXCEED.wire(), QUOTA_OVERRIDE_REASON.name(), " ")));
        assertThat(noReason.field()).isEqualTo(QUOTA_OVERRIDE_REASON.name());
        assertThat(inWords(noReason, Locale.forLanguageTag("fr"))).contains("quota de 1 pilote par ville");
        assertThat(jury.quotaOverrides(challengeOf(second))).isEmpty();

        approve(second, Map.of(QUOTA_OVERRIDE.name(), QuotaOverride.EXCEED.wire(), QUOTA_OVERRIDE_REASON.name(), "The council funds a second pilot itself"));
        assertThat(challenges.find(challengeOf(second)).orElseThrow().status()).isEqualTo("CONTRACTING");
        assertThat(jury.quotaOverrides(challengeOf(second))).singleElement().satisfies(o -> {
            assertThat(o.rule()).isEqualTo("pilotsPerCity");
            assertThat(o.limit()).isEqualTo(1);
            assertThat(o.alreadyHeld()).isEqualTo(1);
            assertThat(o.reason()).isEqualTo("The council funds a second pilot itself");
            assertThat(o.by()).isEqualTo("coordinator");
            assertThat(o.at()).isNotNull();
        });
        assertThat(jury.quotaOverrides(challengeOf(first))).isEmpty();
        assertThat(coordinator("fr").get("/coordinator").body()).contains("Dérogations aux quotas",
                "(la ville en avait déjà 1) par coordinator", "Motif : The council funds a second pilot itself", "Ville de Saint-Quentin");

        // another city of the same cycle, and the same city in another cycle: their own quota
        approve(awaitingSelectionApproval(cycle, "city-bruges", "Air quality near schools"), Map.of());
        UUID otherCycle = cycles.open("Other " + cycleName, "scifi-2025").id();
        String elsewhere = awaitingSelectionApproval(otherCycle, "city-saint-quentin", "Participation platform again");
        approve(elsewhere, Map.of());
        assertThat(challenges.find(challengeOf(elsewhere)).orElseThrow().status()).isEqualTo("CONTRACTING");
        assertThat(jury.quotaOverrides(challengeOf(elsewhere))).isEmpty();
    }

    @Test
    void aContractTheCityDidNotSignGivesThePlaceBack() {
        String declined = awaitingSelectionApproval(cycle, "city-delft", "Waste routes");
        approve(declined, Map.of());
        UUID declinedId = challengeOf(declined);
        driver.complete(declined, ContractProcess.USER_TASK_REVIEW_DRAFT, ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.AGREE)));
        driver.complete(declined, ContractProcess.USER_TASK_CHECK_COMPLIANCE, ProcessVariables.of(ContractProcess.COMPLIANCE_DECISION.with(ContractProcess.ComplianceDecision.COMPLIES)));
        driver.complete(declined, ContractProcess.USER_TASK_SIGN_AS_COMPANY, ProcessVariables.of(ContractProcess.COMPANY_SIGNS.with(true)));
        driver.complete(declined, ContractProcess.USER_TASK_SIGN_AS_CITY, ProcessVariables.of(ContractProcess.CITY_DECISION.with(ContractProcess.CityDecision.DECLINE),
                ContractProcess.DECLINE_REASON.with("Budget not approved by the council")));
        assertThat(challenges.find(declinedId).orElseThrow().status()).isEqualTo("CONTRACT_NOT_SIGNED");

        String next = awaitingSelectionApproval(cycle, "city-delft", "Waste routes, second call");
        approve(next, Map.of());
        assertThat(challenges.find(challengeOf(next)).orElseThrow().status()).isEqualTo("CONTRACTING");
        assertThat(jury.quotaOverrides(challengeOf(next))).isEmpty();
    }

    /** A challenge of the city, published, one eligible application, the jury scored: the coordinator's turn. */
    String awaitingSelectionApproval(UUID cycleId, String city, String title) {
        UUID id = challenges.launch(cycleId, city, new Challenges.Definition(title + " " + UUID.randomUUID().toString().substring(0, 6),
                "A problem worth a pilot.", "Open data (API)", new BigDecimal("10000"), "KPI -20 %", "fr, en", 6));
        String pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id.toString())
                .processDefinitionKey(KEY).singleResult().getId();
        driver.complete(pi, USER_TASK_APPROVE_CHALLENGE, Map.of(CHALLENGE_DECISION.name(), ChallengeDecision.APPROVE.wire()));
        applications.submit(new Applications.Submission(id, "company-urbansense", "UrbanSense for " + title,
                "Sensors and an app that use the open data.", BigDecimal.valueOf(9_000), 7, true, "BE", 40, true, true));
        driver.fireTimer(pi, TIMER_CALL_WINDOW_OVER);
        for (String member : JURY) {
            driver.complete(driver.taskOf(pi, USER_TASK_DECLARE_CONFLICT, member), Map.of(CONFLICT_DECISION.name(), ConflictDecision.NONE.wire()), pi);
            driver.complete(driver.taskOf(pi, USER_TASK_SCORE_APPLICATION, member), scores(), pi);
        }
        return pi;
    }

    /** The coordinator takes the task (as the portal does) and approves. */
    void approve(String pi, Map<String, Object> extra) {
        Task task = driver.task(pi, USER_TASK_APPROVE_SELECTION);
        if (task.getAssignee() == null) {
            engine.getTaskService().claim(task.getId(), "coordinator");
        }
        Map<String, Object> values = new HashMap<>(extra);
        values.put(SELECTION_DECISION.name(), SelectionDecision.APPROVE.wire());
        driver.complete(driver.task(pi, USER_TASK_APPROVE_SELECTION), values, pi);
    }

    PortalClient coordinator(String language) {
        // a language the account saved earlier (another test's switch) would win over the browser's: forget it, and
        // save none (switching here would change the language of every later test's coordinator)
        engine.getIdentityService().deleteUserInfo("coordinator", "language");
        PortalClient client = new PortalClient(port).speaking(language);
        assertThat(client.login("coordinator", "demo").headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    UUID challengeOf(String pi) {
        return UUID.fromString((String) engine.getRuntimeService().getVariable(pi, CHALLENGE_ID.name()));
    }

    static RuleViolationException refusal(Runnable step) {
        Throwable thrown = catchThrowable(step::run);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof RuleViolationException rule) {
                return rule;
            }
        }
        throw new AssertionError("expected a refusal naming a rule, got " + thrown, thrown);
    }

    String inWords(RuleViolationException rule, Locale locale) {
        return messages.getMessage(rule.messageKey(), UserMessages.arguments(rule.args(), locale), locale);
    }

    static Map<String, Object> scores() {
        Map<String, Object> s = new HashMap<>();
        for (String criterion : Bylaws.CRITERIA) {
            s.put(criterion, 8L);
        }
        return s;
    }
}
