package eu.smartcity.accelerator.challenge.process;

import eu.smartcity.accelerator.identity.Organisations;
import eu.smartcity.accelerator.challenge.CallDates;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.ChallengeStage;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.challenge.internal.JpaChallenges;
import eu.smartcity.accelerator.opendata.OcdsFacts;
import eu.smartcity.accelerator.opendata.OcdsPublisher;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The challenge process's own steps: approval outcome, revision, publication, the stage it is at. */
@Configuration(proxyBeanMethods = false)
class ChallengeDelegates {

    /**
     * Complete listener of UserTask_ApproveChallenge: sent back, the challenge keeps the remarks for the city
     * (the form's decision rules, {@code forms.DecisionRules}, refuse a send-back without remarks).
     */
    @Bean
    TaskListener approveChallenge(JpaChallenges challenges) {
        return task -> {
            if (ChallengeProcess.SEND_BACK.equals(task.getVariable(ChallengeProcess.CHALLENGE_DECISION))) {
                Object remarks = task.getVariable(ChallengeProcess.REMARKS);
                challenges.sendBack(challengeId(task), remarks == null ? "" : remarks.toString());
            } else if (ChallengeProcess.APPROVE.equals(task.getVariable(ChallengeProcess.CHALLENGE_DECISION))) {
                // the window as the coordinator leaves it in the task (pre-filled with the city's proposal), checked
                // against the bylaws and stored; the timers read the stored dates, never "now + a duration"
                Challenges.CallWindow window = challenges.approve(challengeId(task), new Challenges.CallWindow(
                        CallDates.parse(ChallengeProcess.CALL_OPENS_AT, text(task.getVariable(ChallengeProcess.CALL_OPENS_AT)), false),
                        CallDates.parse(ChallengeProcess.CALL_CLOSES_AT, text(task.getVariable(ChallengeProcess.CALL_CLOSES_AT)), true)));
                DelegateExecution execution = task.getExecution();
                execution.setVariable(ChallengeProcess.CALL_OPENING_DATE, Date.from(window.opensAt()));
                execution.setVariable(ChallengeProcess.CALL_CLOSING_DATE, Date.from(window.closesAt()));
                execution.setVariable(ChallengeProcess.CALL_OPENS_LATER, window.opensAt().isAfter(Instant.now()));
                execution.setVariable(ChallengeProcess.CALL_OPENS_AT, CallDates.local(window.opensAt()));
                execution.setVariable(ChallengeProcess.CALL_CLOSES_AT, CallDates.local(window.closesAt()));
            }
        };
    }

    /** Complete listener of UserTask_ReviseChallenge: the revised definition replaces the old one. */
    @Bean
    TaskListener reviseChallenge(JpaChallenges challenges) {
        return task -> challenges.revise(challengeId(task), new Challenges.Definition(
                (String) task.getVariable("title"), (String) task.getVariable("problem"),
                (String) task.getVariable("openDatasets"), decimal(task.getVariable("budgetCap")),
                (String) task.getVariable("kpis"), (String) task.getVariable("languages"),
                ((Number) task.getVariable("minTrl")).intValue()));
    }

    /** ServiceTask_PublishCall: the call opens until its approved closing date; published as an OCDS tender. */
    @Bean
    JavaDelegate publishCall(JpaChallenges challenges, OcdsPublisher ocds, Organisations organisations) {
        return execution -> {
            String challengeId = (String) execution.getVariable(ChallengeProcess.CHALLENGE_ID);
            challenges.publish(challengeId);
            publishTender(UUID.fromString(challengeId), challenges, ocds, organisations);
        };
    }

    /** An extension or an early closing: the OCDS tender is published again with the new tenderPeriod.endDate. */
    @Bean
    ApplicationListener<PayloadApplicationEvent<Challenges.CallWindowChanged>> tenderPeriodChanged(JpaChallenges challenges,
            OcdsPublisher ocds, Organisations organisations) {
        return event -> publishTender(event.getPayload().challengeId(), challenges, ocds, organisations);
    }

    private static void publishTender(UUID challengeId, Challenges challenges, OcdsPublisher ocds, Organisations organisations) {
        Challenges.ChallengeView c = challenges.find(challengeId).orElseThrow();
        Challenges.CallWindow window = challenges.callWindow(challengeId);
        Instant now = Instant.now();
        ocds.publishTender(new OcdsFacts.Tender(challengeId.toString(),
                new OcdsFacts.Party(c.cityGroup(), organisations.nameOf(c.cityGroup())),
                c.title(), c.problem(), c.budgetCap(), window.opensAt(), window.closesAt(),
                "Eligibility as set by the cycle's bylaws: programme area, company size, budget cap, "
                        + "technology readiness level " + c.minTrl() + " or more, signed declarations.",
                "Weighted jury scores: fit, innovation, team, price, replicability, open data use.",
                List.of(), List.of(), now, challenges.extrasOf(challengeId).stream()
                        .map(e -> new OcdsFacts.CityFund(e.kind().name(), e.kind().english(), e.description(), e.amount()))
                        .toList()));
    }

    /**
     * Start listeners of the call activities (contracting, pilot, evaluation) and end listeners of every end
     * event (how the challenge ended): the challenge's stage moves with the process, in the step's transaction.
     */
    @Bean
    ChallengeStages challengeStages(JpaChallenges challenges) {
        return new ChallengeStages(challenges);
    }

    public static final class ChallengeStages {
        private final JpaChallenges challenges;

        ChallengeStages(JpaChallenges challenges) {
            this.challenges = challenges;
        }

        /** {@code ${challengeStages.enter(challengeId, 'CONTRACTING')}}: the stage's name as in {@link ChallengeStage}. */
        public void enter(String challengeId, String stage) {
            challenges.enter(challengeId, ChallengeStage.valueOf(stage));
        }
    }

    private static String challengeId(DelegateTask task) {
        return (String) task.getVariable(ChallengeProcess.CHALLENGE_ID);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof Number n ? new BigDecimal(n.toString()) : null;
    }

}
