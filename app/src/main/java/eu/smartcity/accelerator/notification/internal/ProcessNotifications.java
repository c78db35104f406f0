package eu.smartcity.accelerator.notification.internal;

import eu.smartcity.accelerator.application.ApplicationProcess;
import eu.smartcity.accelerator.application.ApplicationStatus;
import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.evaluation.EvaluationProcess;
import eu.smartcity.accelerator.notification.NotificationKind;
import eu.smartcity.accelerator.pilot.PilotProcess;
import eu.smartcity.accelerator.workflow.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns process events into notifications without touching the processes or their delegates: Camunda's
 * Spring eventing publishes every task and activity event synchronously, inside the engine's transaction,
 * so a recorded notification commits or rolls back with the step that caused it.
 *
 * <table>
 * <tr><th>event</th><th>kind</th><th>to</th></tr>
 * <tr><td>application process starts</td><td>APPLICATION_RECEIVED</td><td>company</td></tr>
 * <tr><td>application reaches Under review / Ineligible</td><td>ELIGIBILITY_RESULT</td><td>company</td></tr>
 * <tr><td>application reaches Contracting / Not selected</td><td>SELECTION_RESULT</td><td>company</td></tr>
 * <tr><td>application ends as Challenge stopped (withdrawn, cycle closed)</td><td>CHALLENGE_ENDED</td><td>company</td></tr>
 * <tr><td>jury conflict-declaration task created</td><td>JURY_ASSIGNMENT</td><td>the jury member</td></tr>
 * <tr><td>contract sign task created (company, city)</td><td>CONTRACT_READY_TO_SIGN</td><td>that party</td></tr>
 * <tr><td>contract ends signed / declined</td><td>CONTRACT_SIGNED / CONTRACT_DECLINED</td><td>company and city</td></tr>
 * <tr><td>pilot report reminder step runs / overdue timer fires</td><td>MILESTONE_REMINDER / MILESTONE_OVERDUE</td><td>company</td></tr>
 * <tr><td>evaluation KPI task created</td><td>EVALUATION_REQUEST</td><td>city</td></tr>
 * </table>
 * Jury reminders come from {@link eu.smartcity.accelerator.notification.NotificationReminders}.
 */
@Component
public class ProcessNotifications {

    
    private final NotificationRecorder recorder;
    private final Recipients recipients;
    private final Challenges challenges;
    private final Applications applications;

    ProcessNotifications(NotificationRecorder recorder, Recipients recipients, Challenges challenges, Applications applications) {
        this.recorder = recorder;
        this.recipients = recipients;
        this.challenges = challenges;
        this.applications = applications;
    }

    @EventListener
    public void onTask(DelegateTask task) {
        if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            return;
        }
        String definition = task.getProcessDefinitionId();
        String key = task.getTaskDefinitionKey();
        if (is(definition, ChallengeProcess.KEY) && ChallengeProcess.USER_TASK_DECLARE_CONFLICT.equals(key)) {
            recorder.record(NotificationKind.JURY_ASSIGNMENT, null, task.getId(), recipients.ofUser(task.getAssignee()),
                    challengeTitle(task), "");
        } else if (is(definition, ContractProcess.KEY) && ContractProcess.USER_TASK_SIGN_AS_COMPANY.equals(key)) {
            recorder.record(NotificationKind.CONTRACT_READY_TO_SIGN, null, task.getId(),
                    recipients.ofGroup(string(task, ChallengeProcess.COMPANY_GROUP)), challengeTitle(task), "");
        } else if (is(definition, ContractProcess.KEY) && ContractProcess.USER_TASK_SIGN_AS_CITY.equals(key)) {
            recorder.record(NotificationKind.CONTRACT_READY_TO_SIGN, null, task.getId(),
                    recipients.ofGroup(string(task, ChallengeProcess.CITY_GROUP)), challengeTitle(task), "");
        } else if (is(definition, EvaluationProcess.KEY) && EvaluationProcess.USER_TASK_KPI_RESULTS.equals(key)) {
            recorder.record(NotificationKind.EVALUATION_REQUEST, null, task.getId(),
                    recipients.ofGroup(string(task, ChallengeProcess.CITY_GROUP)), challengeTitle(task), "");
        }
    }

    @EventListener
    public void onExecution(DelegateExecution execution) {
        if (!ExecutionListener.EVENTNAME_START.equals(execution.getEventName()) || execution.getCurrentActivityId() == null) {
            return;
        }
        // The process instance's own start (no activity instance yet) names the start event as its current activity, and
        // the start event's own start follows: act on the latter only, so a mail's recipients, opt-outs and dedup key are
        // looked up once (issue 19: twice per submission in the deadline rush; the dedup key kept the second mail out).
        if (execution.getActivityInstanceId() == null) {
            return;
        }
        String definition = execution.getProcessDefinitionId();
        String activity = execution.getCurrentActivityId();
        String instance = execution.getProcessInstanceId();
        if (is(definition, ApplicationProcess.KEY)) {
            NotificationKind kind;
            String variant;
            switch (activity) {
                case ApplicationProcess.START_SUBMITTED -> { kind = NotificationKind.APPLICATION_RECEIVED; variant = null; }
                case ApplicationProcess.RECEIVE_UNDER_REVIEW -> { kind = NotificationKind.ELIGIBILITY_RESULT; variant = "eligible"; }
                case ApplicationProcess.END_INELIGIBLE -> { kind = NotificationKind.ELIGIBILITY_RESULT; variant = "ineligible"; }
                case ApplicationProcess.RECEIVE_CONTRACTING -> { kind = NotificationKind.SELECTION_RESULT; variant = "selected"; }
                case ApplicationProcess.END_NOT_SELECTED -> { kind = NotificationKind.SELECTION_RESULT; variant = "not-selected"; }
                case ApplicationProcess.END_NO_SELECTION -> { kind = NotificationKind.SELECTION_RESULT; variant = "no-selection"; }
                case ApplicationProcess.END_CHALLENGE_STOPPED, ApplicationProcess.END_CHALLENGE_STOPPED_WHILE_SUBMITTED -> {
                    kind = NotificationKind.CHALLENGE_ENDED;
                    variant = ApplicationProcess.ENDED_AS.optionalFrom(execution).orElse(null) == ApplicationStatus.CYCLE_CLOSED ? "cycle-closed" : "withdrawn";
                }
                default -> {
                    return; // every other activity: no mail, and no look-up either
                }
            }
            Parties application = partiesOf(execution);
            recorder.record(kind, variant, instance, recipients.ofGroup(application.companyGroup()), challengeTitle(application.challengeId()),
                    kind == NotificationKind.CHALLENGE_ENDED ? string(execution, ApplicationProcess.STOP_REASON) : "");
        } else if (is(definition, ContractProcess.KEY)
                && (ContractProcess.END_SIGNED.equals(activity) || ContractProcess.END_DECLINED.equals(activity))) {
            List<Recipients.Recipient> parties = new ArrayList<>(recipients.ofGroup(string(execution, ChallengeProcess.COMPANY_GROUP)));
            parties.addAll(recipients.ofGroup(string(execution, ChallengeProcess.CITY_GROUP)));
            boolean signed = ContractProcess.END_SIGNED.equals(activity);
            recorder.record(signed ? NotificationKind.CONTRACT_SIGNED : NotificationKind.CONTRACT_DECLINED, null, instance, parties,
                    challengeTitle(execution), signed ? "" : string(execution, ContractProcess.DECLINE_REASON));
        } else if (is(definition, PilotProcess.KEY)
                && (PilotProcess.SERVICE_TASK_REMIND.equals(activity) || PilotProcess.BOUNDARY_OVERDUE.equals(activity))) {
            // the reminder is the visible step ServiceTask_RemindCompany (async: a failed try rolls back with its mail),
            // not also its timer; each firing is its own activity instance: one mail per reminder, never two
            recorder.record(PilotProcess.SERVICE_TASK_REMIND.equals(activity) ? NotificationKind.MILESTONE_REMINDER
                    : NotificationKind.MILESTONE_OVERDUE, null, execution.getActivityInstanceId(),
                    recipients.ofGroup(string(execution, ChallengeProcess.COMPANY_GROUP)), challengeTitle(execution), "");
        }
    }

    private static boolean is(String processDefinitionId, String key) {
        return processDefinitionId != null && processDefinitionId.startsWith(key + ":");
    }

    private static String string(VariableScope scope, Variable<String> variable) {
        return variable.optionalFrom(scope).orElse("");
    }

    private String challengeTitle(VariableScope scope) {
        return challengeTitle(challengeId(scope));
    }

    private String challengeTitle(Optional<UUID> challengeId) {
        return challengeId.flatMap(challenges::find).map(Challenges.ChallengeView::title).orElse("");
    }

    private static Optional<UUID> challengeId(VariableScope scope) {
        try {
            return ChallengeProcess.CHALLENGE_ID.optionalFrom(scope);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** The company an application's mails go to, and the challenge whose title they name. */
    private record Parties(String companyGroup, Optional<UUID> challengeId) {}

    /**
     * An application's company and challenge: since issue 19 (slice appvars) the portal starts the application process
     * without {@code companyGroup} and {@code challengeId} (two variables written at each submission and deleted at each
     * end), and the application's row, whose id is the business key, says both; it is in the persistence context at each
     * step, as the portal loaded it to change its status. Instances started before keep their variables, read first
     * (their variables are loaded at that step anyway: the signal set the outcome).
     */
    private Parties partiesOf(DelegateExecution execution) {
        Optional<String> companyGroup = ApplicationProcess.COMPANY_GROUP.optionalFrom(execution);
        if (companyGroup.isPresent()) {
            return new Parties(companyGroup.get(), challengeId(execution));
        }
        return applicationId(execution.getProcessBusinessKey()).flatMap(applications::find)
                .map(a -> new Parties(a.companyGroup(), Optional.of(a.challengeId())))
                .orElse(new Parties("", Optional.empty()));
    }

    private static Optional<UUID> applicationId(String businessKey) {
        try {
            return businessKey == null ? Optional.empty() : Optional.of(UUID.fromString(businessKey));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
