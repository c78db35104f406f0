package eu.smartcity.accelerator.workflow;

import java.util.List;

/** Read side of the decision audit trail. */
public interface DecisionRecords {

    List<DecisionRecord> forSubject(String subjectType, String subjectId);
}
