package eu.smartcity.accelerator.selection.process;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.application.Applications.ApplicationView;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.scoring.ApplicantScoring;
import eu.smartcity.accelerator.scoring.RankedApplication;
import eu.smartcity.accelerator.selection.internal.JuryScore;
import eu.smartcity.accelerator.selection.internal.JuryScores;
import eu.smartcity.accelerator.selection.internal.RankingEntries;
import eu.smartcity.accelerator.selection.internal.RankingEntry;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_RankApplications: the seats that scored every eligible application count; quorum from the bylaws;
 * ranking and tie-break as written in {@link ApplicantScoring}.
 */
@Component("rankApplications")
class RankApplications implements JavaDelegate {

    private final Challenges challenges;
    private final Applications applications;
    private final Cycles cycles;
    private final JuryScores scores;
    private final RankingEntries rankings;
    private final ApplicantScoring scoring;

    RankApplications(Challenges challenges, Applications applications, Cycles cycles, JuryScores scores,
            RankingEntries rankings, ApplicantScoring scoring) {
        this.challenges = challenges;
        this.applications = applications;
        this.cycles = cycles;
        this.scores = scores;
        this.rankings = rankings;
        this.scoring = scoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID challengeId = ChallengeProcess.CHALLENGE_ID.from(execution);
        int round = ChallengeProcess.JURY_ROUND.from(execution).intValue();
        List<ApplicationView> eligible = applications.eligibleFor(challengeId);
        // a seat counts when its member scored every eligible application in this round
        List<List<JuryScore>> completedSeats = scores.findByChallengeIdAndRound(challengeId, round).stream()
                .collect(Collectors.groupingBy(JuryScore::member)).values().stream()
                .filter(memberScores -> memberScores.size() >= eligible.size())
                .toList();
        List<JuryScore> complete = completedSeats.stream().flatMap(List::stream).toList();
        Bylaws bylaws = cycles.bylawsOf(challenges.find(challengeId).orElseThrow().cycleId());
        boolean quorum = completedSeats.size() >= bylaws.quorum();
        ChallengeProcess.QUORUM_REACHED.set(execution, quorum);
        if (!quorum) {
            return;
        }
        Map<String, Instant> submittedAt = new HashMap<>();
        eligible.forEach(a -> submittedAt.put(a.id().toString(), a.submittedAt()));
        List<RankedApplication> ranking = scoring.rank(complete.stream().map(JuryScore::asScored).toList(), submittedAt);
        for (RankedApplication r : ranking) {
            rankings.save(new RankingEntry(challengeId, round, UUID.fromString(r.applicationId()), r.position(), r.averageScore(),
                    r.averageInnovation(), r.juryScores().size()));
        }
        ChallengeProcess.TOP_APPLICATION_ID.set(execution, UUID.fromString(ranking.get(0).applicationId()));
    }
}
