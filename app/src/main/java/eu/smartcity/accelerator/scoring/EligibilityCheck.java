package eu.smartcity.accelerator.scoring;

import eu.smartcity.accelerator.workflow.DecisionAudit;
import eu.smartcity.accelerator.workflow.DecisionResult;
import eu.smartcity.accelerator.workflow.DecisionService;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Checks an application against the {@code eligibility} table and records the evaluation under the application. */
@Service
public class EligibilityCheck {

    private final DecisionService decisions;

    EligibilityCheck(DecisionService decisions) {
        this.decisions = decisions;
    }

    /**
     * @param processInstanceId the process instance that asked, or null
     * @throws eu.smartcity.accelerator.workflow.DecisionInputException naming the first missing or mistyped fact;
     *         nothing is recorded then
     */
    @Transactional
    public EligibilityVerdict check(String applicationId, EligibilityFacts facts, String processInstanceId) {
        DecisionResult result = decisions.evaluateAndRecord(Decisions.ELIGIBILITY, facts.toInputs(),
                new DecisionAudit(Decisions.SUBJECT_APPLICATION, applicationId, processInstanceId));
        List<EligibilityVerdict.Reason> reasons = result.outputs().stream()
                .map(row -> new EligibilityVerdict.Reason(text(row, "reasonCode"), text(row, "reason")))
                .toList();
        return new EligibilityVerdict(applicationId, reasons.isEmpty(), reasons, result.decisionVersion());
    }

    private static String text(Map<String, Object> row, String name) {
        Object value = row.get(name);
        return value == null ? null : value.toString();
    }
}
