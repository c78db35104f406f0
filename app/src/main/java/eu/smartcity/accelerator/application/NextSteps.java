package eu.smartcity.accelerator.application;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.shared.PortalFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens next to an application, in words for its company: its own task and until when ("Sign the
 * contract by …"), or who it waits for ("Nothing to do: the jury is scoring until …"). Read from the
 * application's status and the open tasks and timers of its challenge's process (and the contract, pilot or
 * evaluation it called), so it is never staler than the process.
 */
@Service
@Transactional(readOnly = true)
public class NextSteps {

    /**
     * The message key ({@code next.*}; arguments: {@code {0}} the date, {@code {1}} the task's name) and, for a
     * task, its BPMN id and name. {@code yours}: the company has to act.
     */
    public record NextStep(String key, Instant due, String taskId, String taskKey, String taskName, boolean yours) {

        static NextStep waiting(String key, Instant due) {
            return new NextStep(key, due, null, null, null, false);
        }
    }

    private static final List<String> JURY_TASKS =
            List.of(ChallengeProcess.USER_TASK_DECLARE_CONFLICT, ChallengeProcess.USER_TASK_SCORE_APPLICATION);

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final Clock clock = Clock.systemUTC();

    private final MessageSource messages;
    private final PortalFormat format;

    NextSteps(RuntimeService runtime, TaskService tasks, ManagementService management, MessageSource messages, PortalFormat format) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.messages = messages;
        this.format = format;
    }

    /** The next step in the company's language: its own task by its due date, or whom it waits for. */
    public String inWords(NextStep next, Locale locale) {
        String date = format.date(next.due());
        String key = next.due() == null && next.key().matches("next\\.(jury|selectionApproval|yours|others)") ? next.key() + ".noDate"
                : next.key();
        if (next.taskKey() == null) {
            return messages.getMessage(key, new Object[] {date}, locale);
        }
        String taskName = messages.getMessage("task." + next.taskKey(), null, next.taskName(), locale);
        String ownWords = next.yours() && next.due() != null
                ? messages.getMessage("next.your." + next.taskKey(), new Object[] {date}, null, locale) : null;
        return ownWords != null ? ownWords : messages.getMessage(key, new Object[] {date, taskName}, locale);
    }

    public NextStep of(Applications.ApplicationView application, Challenges.ChallengeView challenge) {
        String process = challenge.processInstanceId();
        return switch (application.applicationStatus()) {
            case SUBMITTED -> challenge.acceptsApplications(clock.instant())
                    ? NextStep.waiting("next.callOpen", challenge.callClosesAt())
                    : NextStep.waiting("next.eligibility", null);
            case UNDER_REVIEW -> selectionStep(process);
            case CONTRACTING, COMPANY_SIGNED, CONTRACT_SIGNED, PILOTING, EVALUATING -> taskStep(process, application.companyGroup());
            case INELIGIBLE -> NextStep.waiting("next.ineligible", null);
            case NOT_SELECTED -> NextStep.waiting("next.notSelected", null);
            case NO_SELECTION -> NextStep.waiting("next.noSelection", null);
            case EVALUATED -> NextStep.waiting("next.evaluated", null);
            case CONTRACT_DECLINED, CONTRACT_EXPIRED -> NextStep.waiting("next.contractEnded", null);
            case WITHDRAWN -> NextStep.waiting("next.withdrawn", null);
            case CHALLENGE_WITHDRAWN -> NextStep.waiting("next.challengeWithdrawn", null);
            case CYCLE_CLOSED -> NextStep.waiting("next.cycleClosed", null);
        };
    }

    /** The jury scores until its window closes; then the coordinator approves the ranking. */
    private NextStep selectionStep(String process) {
        if (process == null) {
            return NextStep.waiting("next.selection", null);
        }
        if (tasks.createTaskQuery().processInstanceId(process).taskDefinitionKeyIn(JURY_TASKS.toArray(String[]::new)).count() > 0) {
            Job window = management.createJobQuery().processInstanceId(process).timers()
                    .activityId(ChallengeProcess.BOUNDARY_JURY_WINDOW_OVER).singleResult();
            return NextStep.waiting("next.jury", window == null ? null : instant(window.getDuedate()));
        }
        Task approval = tasks.createTaskQuery().processInstanceId(process)
                .taskDefinitionKey(ChallengeProcess.USER_TASK_APPROVE_SELECTION).singleResult();
        return approval != null ? NextStep.waiting("next.selectionApproval", instant(approval.getDueDate()))
                : NextStep.waiting("next.selection", null);
    }

    /** The contract, pilot or evaluation the challenge's process called: the company's task first, else whose turn it is. */
    private NextStep taskStep(String process, String companyGroup) {
        String[] called = process == null ? new String[0] : runtime.createProcessInstanceQuery().superProcessInstanceId(process)
                .list().stream().map(ProcessInstance::getId).toArray(String[]::new);
        if (called.length == 0) {
            return NextStep.waiting("next.moving", null); // between two steps (an asynchronous continuation)
        }
        Task own = first(tasks.createTaskQuery().processInstanceIdIn(called).taskCandidateGroup(companyGroup)
                .orderByDueDate().asc().list());
        if (own != null) {
            return new NextStep("next.yours", instant(own.getDueDate()), own.getId(), own.getTaskDefinitionKey(), own.getName(), true);
        }
        Task other = first(tasks.createTaskQuery().processInstanceIdIn(called).orderByDueDate().asc().list());
        return other == null ? NextStep.waiting("next.moving", null)
                : new NextStep("next.others", instant(other.getDueDate()), null, other.getTaskDefinitionKey(), other.getName(), false);
    }

    private static Task first(List<Task> found) {
        return found.isEmpty() ? null : found.get(0);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
