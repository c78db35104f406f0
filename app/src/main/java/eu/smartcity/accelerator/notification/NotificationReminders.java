package eu.smartcity.accelerator.notification;

import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.CycleProcess;
import eu.smartcity.accelerator.pilot.ReplicationProcess;
import eu.smartcity.accelerator.notification.internal.NotificationRecorder;
import eu.smartcity.accelerator.notification.internal.Recipients;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders from task due dates: a jury task (conflict declaration or scoring) due within
 * {@code accelerator.notifications.jury-reminder-lead} gets one reminder to its jury member (once per task,
 * the dedup key is the task id). Milestone reminders come from the pilot's own timers. The steps with a bylaws
 * deadline ({@link #DEADLINE_TASKS}) get one reminder each before they are due.
 */
@Component
public class NotificationReminders {

    private static final Logger log = LoggerFactory.getLogger(NotificationReminders.class);

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final NotificationRecorder recorder;
    private final Recipients recipients;
    private final Challenges challenges;
    private final TransactionTemplate tx;
    private final Duration lead;
    private final Duration deadlineLead;
    private final List<DeadlineSteps> contributed;

    NotificationReminders(TaskService tasks, RuntimeService runtime, NotificationRecorder recorder, Recipients recipients,
            Challenges challenges, PlatformTransactionManager transactionManager,
            @Value("${accelerator.notifications.jury-reminder-lead:P2D}") Duration lead,
            @Value("${accelerator.notifications.deadline-reminder-lead:P3D}") Duration deadlineLead,
            List<DeadlineSteps> contributed) {
        this.contributed = contributed;
        this.tasks = tasks;
        this.runtime = runtime;
        this.recorder = recorder;
        this.recipients = recipients;
        this.challenges = challenges;
        this.tx = new TransactionTemplate(transactionManager);
        this.lead = lead;
        this.deadlineLead = deadlineLead;
    }

    /** Records a reminder for every open jury task due before {@code now} + lead; returns how many were recorded. */
    public int remindJury(Instant now) {
        int recorded = 0;
        for (Task task : tasks.createTaskQuery().processDefinitionKey(ChallengeProcess.KEY)
                .taskDefinitionKeyIn(ChallengeProcess.USER_TASK_DECLARE_CONFLICT, ChallengeProcess.USER_TASK_SCORE_APPLICATION)
                .taskAssigned().dueBefore(Date.from(now.plus(lead))).list()) {
            String title = challengeTitle(task);
            try {
                Integer n = tx.execute(s -> recorder.record(NotificationKind.JURY_REMINDER, null, task.getId(),
                        recipients.ofUser(task.getAssignee()), title, task.getName()));
                recorded += n == null ? 0 : n;
            } catch (RuntimeException e) {
                // typically another node recorded this reminder at the same moment (the unique dedup key kept
                // it to one); anything else is tried again on the next run, and never gives two reminders
                log.info("Jury reminder for task {} not recorded now: {}", task.getId(), e.getMessage());
            }
        }
        return recorded;
    }

    /**
     * The steps whose wait has a bylaws deadline (issue 23): contract negotiation and signatures, a supplier's answer to
     * a replication request, a framework join's approval, the cycle's closing. Each open one gets one reminder
     * {@code reminderDelay} (its process's bylaws value, else {@code accelerator.notifications.deadline-reminder-lead})
     * before it is due, to its assignee or else its candidate groups. Modules this one cannot depend on add theirs as
     * {@link DeadlineSteps} (the framework join's approval).
     */
    public static final List<String> DEADLINE_TASKS = List.of(ContractProcess.USER_TASK_REVIEW_DRAFT, ContractProcess.USER_TASK_ANSWER_CHANGES,
            ContractProcess.USER_TASK_SIGN_AS_COMPANY, ContractProcess.USER_TASK_SIGN_AS_CITY, ReplicationProcess.USER_TASK_SUPPLIER_CONFIRMS,
            CycleProcess.USER_TASK_CLOSE_CYCLE);
    private static final Duration LONGEST_LEAD = Duration.ofDays(60);

    /** Records a DEADLINE_REMINDER for every open deadline step within its reminder lead; returns how many were recorded. */
    public int remindDeadlines(Instant now) {
        int recorded = 0;
        java.util.Set<String> keys = new java.util.TreeSet<>(DEADLINE_TASKS);
        contributed.forEach(steps -> keys.addAll(steps.userTaskIds()));
        for (Task task : tasks.createTaskQuery().taskDefinitionKeyIn(keys.toArray(String[]::new))
                .dueBefore(Date.from(now.plus(LONGEST_LEAD))).list()) {
            String delay = ChallengeProcess.REMINDER_DELAY.read(runtime.getVariable(task.getExecutionId(), ChallengeProcess.REMINDER_DELAY.name()));
            Duration lead = delay == null ? deadlineLead : eu.smartcity.accelerator.shared.IsoDurations.parse(delay);
            if (task.getDueDate().toInstant().minus(lead).isAfter(now)) {
                continue;
            }
            List<Recipients.Recipient> to = new java.util.ArrayList<>();
            if (task.getAssignee() != null) {
                to.addAll(recipients.ofUser(task.getAssignee()));
            } else {
                tasks.getIdentityLinksForTask(task.getId()).stream()
                        .filter(link -> org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                        .forEach(link -> to.addAll(recipients.ofGroup(link.getGroupId())));
            }
            String title = challengeTitle(task);
            try {
                Integer n = tx.execute(s -> recorder.record(NotificationKind.DEADLINE_REMINDER, null, task.getId(), to, title, task.getName()));
                recorded += n == null ? 0 : n;
            } catch (RuntimeException e) {
                log.info("Deadline reminder for task {} not recorded now: {}", task.getId(), e.getMessage());
            }
        }
        return recorded;
    }

    private String challengeTitle(Task task) {
        try {
            return Optional.ofNullable(ChallengeProcess.CHALLENGE_ID.read(runtime.getVariable(task.getExecutionId(), ChallengeProcess.CHALLENGE_ID.name())))
                    .flatMap(challenges::find).map(Challenges.ChallengeView::title).orElse("");
        } catch (IllegalArgumentException notAnId) {
            return "";
        }
    }
}
