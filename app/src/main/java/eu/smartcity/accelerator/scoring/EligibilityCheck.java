package eu.smartcity.accelerator.scoring;

import eu.smartcity.accelerator.workflow.DecisionAudit;
import eu.smartcity.accelerator.workflow.DecisionInputException;
import eu.smartcity.accelerator.workflow.DecisionResult;
import eu.smartcity.accelerator.workflow.DecisionService;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Checks an application against the {@code eligibility} table and records the evaluation under the application. */
@Service
public class EligibilityCheck {

    private static final Pattern ISO_ALPHA_2 = Pattern.compile("[A-Z]{2}");

    private final DecisionService decisions;

    EligibilityCheck(DecisionService decisions) {
        this.decisions = decisions;
    }

    /**
     * @param processInstanceId the process instance that asked, or null
     * @throws DecisionInputException naming the first missing or mistyped fact (or a country that is not an ISO code);
     *         nothing is recorded then
     */
    @Transactional
    public EligibilityVerdict check(String applicationId, EligibilityFacts facts, String processInstanceId) {
        return check(new DecisionAudit(Decisions.SUBJECT_APPLICATION, applicationId, processInstanceId), facts);
    }

    /** The same check filed under another subject, e.g. {@link Decisions#SUBJECT_SUBMISSION} before an application exists. */
    @Transactional
    public EligibilityVerdict check(DecisionAudit audit, EligibilityFacts facts) {
        if (facts.country() != null && !facts.country().isEmpty() && !ISO_ALPHA_2.matcher(facts.country()).matches()) {
            throw new DecisionInputException(Decisions.ELIGIBILITY, "country",
                    "must be an ISO 3166 alpha-2 code such as BE, or empty when unknown, but was '" + facts.country() + "'");
        }
        DecisionResult result = decisions.evaluateAndRecord(Decisions.ELIGIBILITY, facts.toInputs(),
                audit);
        List<EligibilityVerdict.Reason> reasons = result.outputs().stream()
                .map(row -> new EligibilityVerdict.Reason(text(row, "reasonCode"), text(row, "reason")))
                .toList();
        return new EligibilityVerdict(audit.subjectId(), reasons.isEmpty(), reasons, result.decisionVersion());
    }

    private static String text(Map<String, Object> row, String name) {
        Object value = row.get(name);
        return value == null ? null : value.toString();
    }
}
