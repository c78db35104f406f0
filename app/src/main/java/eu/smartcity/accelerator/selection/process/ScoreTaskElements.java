package eu.smartcity.accelerator.selection.process;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.selection.internal.ScoreTasks;
import eu.smartcity.accelerator.selection.internal.ScoreTasks.ScoreTask;
import eu.smartcity.accelerator.workflow.MultiInstanceElements;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The application each score task is for is the selection's record, not a process variable (issue 19): when a
 * juror's declaration opens the seat's score tasks ({@code UserTask_ScoreApplication}, one per eligible application),
 * one batch writes a row per task with its challenge, jury round, the seat's member and the opening time. The element variable {@code applicationId} is
 * then transient: the task's creation (its name in Tasklist) still reads it; the mark, the task page and the
 * attachment downloads read the row ({@link eu.smartcity.accelerator.selection.JuryRecords#scoreTask}).
 */
@Component
class ScoreTaskElements implements MultiInstanceElements {

    private final ScoreTasks tasks;

    ScoreTaskElements(ScoreTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public boolean keeps(String processKey, String activityId) {
        return ChallengeProcess.KEY.equals(processKey) && ChallengeProcess.USER_TASK_SCORE_APPLICATION.equals(activityId);
    }

    @Override
    public void opened(String processKey, String activityId, VariableScope body, Map<String, Object> elementByExecution) {
        UUID challengeId = ChallengeProcess.CHALLENGE_ID.from(body);
        int round = ChallengeProcess.JURY_ROUND.from(body).intValue();
        List<ScoreTask> opened = new ArrayList<>();
        elementByExecution.forEach((execution, application) ->
                opened.add(new ScoreTask(execution, challengeId, UUID.fromString(application.toString()), round)));
        tasks.opened(ChallengeProcess.JURY_MEMBER.from(body), Instant.now(), opened);
    }
}
