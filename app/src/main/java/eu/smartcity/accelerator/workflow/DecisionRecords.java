package eu.smartcity.accelerator.workflow;

import java.util.List;

/** Read side of the decision audit trail. */
public interface DecisionRecords {

    /** Every evaluation recorded for the subject, oldest first. */
    List<DecisionRecord> forSubject(String subjectType, String subjectId);

    /** How many evaluations are stored in total (operations and tests). */
    long count();
}
