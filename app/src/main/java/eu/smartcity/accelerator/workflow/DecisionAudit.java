package eu.smartcity.accelerator.workflow;

/**
 * Which business case an evaluation belongs to, so the stored record can be shown to the people
 * of that case (the applicant, the jury, the coordinator). All fields but subjectType may be null.
 * {@code actor} says for whom within the case it was made (e.g. the jury member whose scores were
 * weighted); it is personal data and is shown only to staff.
 */
public record DecisionAudit(String subjectType, String subjectId, String processInstanceId, String actor) {

    public DecisionAudit(String subjectType, String subjectId, String processInstanceId) {
        this(subjectType, subjectId, processInstanceId, null);
    }

    public static DecisionAudit of(String subjectType, String subjectId) {
        return new DecisionAudit(subjectType, subjectId, null, null);
    }

    public DecisionAudit withActor(String actor) {
        return new DecisionAudit(subjectType, subjectId, processInstanceId, actor);
    }
}
