package eu.smartcity.accelerator.notification;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.notification.internal.NotificationRecorder;
import eu.smartcity.accelerator.notification.internal.Recipients;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
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
 * the dedup key is the task id). Milestone reminders come from the pilot's own timers.
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

    NotificationReminders(TaskService tasks, RuntimeService runtime, NotificationRecorder recorder, Recipients recipients,
            Challenges challenges, PlatformTransactionManager transactionManager,
            @Value("${accelerator.notifications.jury-reminder-lead:P2D}") Duration lead) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.recorder = recorder;
        this.recipients = recipients;
        this.challenges = challenges;
        this.tx = new TransactionTemplate(transactionManager);
        this.lead = lead;
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

    private String challengeTitle(Task task) {
        Object id = runtime.getVariable(task.getExecutionId(), ChallengeProcess.CHALLENGE_ID);
        try {
            return id == null ? "" : challenges.find(UUID.fromString(id.toString())).map(Challenges.ChallengeView::title).orElse("");
        } catch (IllegalArgumentException notAnId) {
            return "";
        }
    }
}
