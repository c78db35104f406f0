package eu.smartcity.accelerator.selection.process;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.application.Applications.ApplicationView;
import eu.smartcity.accelerator.application.SubmissionEligibility;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.challenge.Challenges.ChallengeView;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.scoring.EligibilityCheck;
import eu.smartcity.accelerator.scoring.EligibilityVerdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_CheckEligibility: the eligibility table for every application; every reason is kept. */
@Component("checkEligibility")
class CheckEligibility implements JavaDelegate {

    private final Challenges challenges;
    private final Applications applications;
    private final Cycles cycles;
    private final EligibilityCheck eligibility;

    CheckEligibility(Challenges challenges, Applications applications, Cycles cycles, EligibilityCheck eligibility) {
        this.challenges = challenges;
        this.applications = applications;
        this.cycles = cycles;
        this.eligibility = eligibility;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID challengeId = ChallengeProcess.CHALLENGE_ID.from(execution);
        ChallengeView challenge = challenges.find(challengeId).orElseThrow();
        Bylaws bylaws = cycles.bylawsOf(challenge.cycleId());
        long eligible = 0;
        Map<UUID, List<String>> reasons = new LinkedHashMap<>();
        for (ApplicationView a : applications.submittedTo(challengeId)) {
            EligibilityVerdict verdict = eligibility.check(a.id().toString(), SubmissionEligibility.facts(a.legalEntity(), a.country(),
                    a.employees(), a.requestedBudget(), a.trl(), a.declarationsSigned(), a.interoperable(), challenge, bylaws),
                    execution.getProcessInstanceId());
            // the reason codes, not the table's English: pages word them from the recorded check (EligibilityInWords)
            reasons.put(a.id(), verdict.reasonCodes());
            if (verdict.eligible()) {
                eligible++;
            }
        }
        // all at once: their processes are found in one statement, not one per application (issue 19, slice announce)
        applications.decideEligibility(reasons);
        ChallengeProcess.ELIGIBLE_COUNT.set(execution, eligible);
        ChallengeProcess.JURY_ROUND.set(execution, 1L);
    }
}
