package eu.smartcity.accelerator.selection.process;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.selection.internal.JuryScores;
import eu.smartcity.accelerator.selection.internal.ScoreTasks;
import eu.smartcity.accelerator.selection.internal.ScoresKeptNow;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of UserTask_ScoreApplication: the marks must already be in the selection's records
 * ({@link eu.smartcity.accelerator.selection.JuryMarking}, in the completing transaction). A completion from anywhere
 * else (variables through the engine's API) is refused, so marks never become process variables that the next task,
 * another juror or history could read. The portal's completion names the task it just stored marks for
 * ({@link ScoresKeptNow}); any other is checked against the records.
 */
@Component("recordJuryScore")
class RecordJuryScore implements TaskListener {

    private final JuryScores scores;
    private final ScoreTasks scoreTasks;

    RecordJuryScore(JuryScores scores, ScoreTasks scoreTasks) {
        this.scores = scores;
        this.scoreTasks = scoreTasks;
    }

    @Override
    public void notify(DelegateTask task) {
        if (ScoresKeptNow.wereKept(task.getId(), task.getAssignee())) {
            return; // JuryMarking stored this task's marks for this assignee in this transaction (the portal's path)
        }
        // the task's subject: its row (ScoreTaskElements), or the variables of a score task opened before the rows
        ScoreTasks.ScoreTask scored = scoreTasks.find(task.getExecutionId()).orElseGet(() -> new ScoreTasks.ScoreTask(task.getExecutionId(),
                ChallengeProcess.CHALLENGE_ID.from(task), ChallengeProcess.APPLICATION_ID.from(task), ChallengeProcess.JURY_ROUND.from(task).intValue()));
        if (!scores.existsByChallengeIdAndApplicationIdAndMemberAndRound(scored.challengeId(), scored.applicationId(), task.getAssignee(),
                scored.round())) {
            throw new IllegalArgumentException("Scores are given on the portal's task page (My tasks), not through the engine.");
        }
    }
}
