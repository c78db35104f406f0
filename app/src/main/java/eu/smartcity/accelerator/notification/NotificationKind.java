package eu.smartcity.accelerator.notification;

/**
 * What a mail is about. Mandatory kinds carry a decision or a duty (a result, a contract to sign, a task
 * assigned to you, an overdue report); optional ones (confirmations and reminders) can be switched off by
 * each user on /account/notifications.
 */
public enum NotificationKind {

    APPLICATION_RECEIVED(true),
    ELIGIBILITY_RESULT(false),
    JURY_ASSIGNMENT(false),
    JURY_REMINDER(true),
    SELECTION_RESULT(false),
    CONTRACT_READY_TO_SIGN(false),
    CONTRACT_SIGNED(false),
    CONTRACT_DECLINED(false),
    MILESTONE_REMINDER(true),
    MILESTONE_OVERDUE(false),
    EVALUATION_REQUEST(true),
    /** A published challenge matches a supplier's catalogue solutions (marketplace); optional, on by default. */
    SOLUTION_ALERT(true),
    /** A coordinator extended an open call: its applicants and draft-holders learn the new closing date (mandatory). */
    CALL_EXTENDED(false),
    /** A coordinator closed an open call before its deadline: its applicants and draft-holders learn why (mandatory). */
    CALL_CLOSED_EARLY(false),
    /** The challenge was withdrawn or its cycle closed before the selection: the applicants learn their application ended (mandatory). */
    CHALLENGE_ENDED(false),
    /** A step with a bylaws deadline (a signature, the negotiation, a replication answer, a join, the cycle) is due soon (optional). */
    DEADLINE_REMINDER(true),
    /** A wait passed its bylaws deadline and is escalated: every coordinator is told (mandatory). */
    DEADLINE_MISSED(false),
    /** A city's verdict "replicate" offered its evaluated pilot for replication: the other cities' officers are told (optional). */
    REPLICATION_OFFERED(true),
    /** An account unused for a long time will be deactivated, then erased, unless its holder logs in (mandatory). */
    ACCOUNT_INACTIVE(false);

    private final boolean optional;

    NotificationKind(boolean optional) {
        this.optional = optional;
    }

    public boolean optional() {
        return optional;
    }

    /** {@code application-received}: the message keys of its templates start with {@code notification.<key>}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
