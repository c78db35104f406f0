package eu.smartcity.accelerator.workflow;

/**
 * Which business case an evaluation belongs to, so the stored record can be shown to the people
 * of that case (the applicant, the jury, the coordinator). All fields but subjectType may be null.
 */
public record DecisionAudit(String subjectType, String subjectId, String processInstanceId) {

    public static DecisionAudit of(String subjectType, String subjectId) {
        return new DecisionAudit(subjectType, subjectId, null);
    }
}
