package eu.smartcity.accelerator.selection;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.application.Applications.ApplicationView;
import eu.smartcity.accelerator.scoring.ApplicantScoring;
import eu.smartcity.accelerator.scoring.RankedApplication;
import eu.smartcity.accelerator.selection.internal.JuryScore;
import eu.smartcity.accelerator.selection.internal.JuryScores;
import eu.smartcity.accelerator.selection.internal.JurySeat;
import eu.smartcity.accelerator.selection.internal.JurySeats;
import eu.smartcity.accelerator.selection.internal.RankingEntries;
import eu.smartcity.accelerator.selection.internal.RankingEntry;
import eu.smartcity.accelerator.selection.internal.QuotaOverrides;
import eu.smartcity.accelerator.selection.internal.ScoreTasks;
import eu.smartcity.accelerator.selection.internal.SelectionReopenings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the jury's work looks like from outside, read from the selection's own tables: who holds a
 * seat (to decide who may see an application), the seats with recusals and replacements, and the last
 * ranking with each juror's weighted score. Jurors are numbered ("juror 1, 2, …") in seat order; their
 * user ids are not part of these views.
 */
@Service
public class JuryRecords implements eu.smartcity.accelerator.application.ScoredApplications {

    private final SelectionReopenings reopenings;
    private final JurySeats seats;
    private final JuryScores scores;
    private final RankingEntries rankings;
    private final Applications applications;
    private final ApplicantScoring scoring;
    private final QuotaOverrides overrides;
    private final ScoreTasks scoreTasks;

    JuryRecords(JurySeats seats, JuryScores scores, RankingEntries rankings, Applications applications, ApplicantScoring scoring,
            SelectionReopenings reopenings, QuotaOverrides overrides, ScoreTasks scoreTasks) {
        this.scoreTasks = scoreTasks;
        this.reopenings = reopenings;
        this.overrides = overrides;
        this.seats = seats;
        this.scores = scores;
        this.rankings = rankings;
        this.applications = applications;
        this.scoring = scoring;
    }

    /** The coordinator re-opened the scoring for this round, with this reason. */
    public record Reopening(int round, String remarks, Instant reopenedAt) {}

    /** Every re-opening of the scoring, oldest first (the jury reads why it scores again). */
    @Transactional(readOnly = true)
    public List<Reopening> reopenings(UUID challengeId) {
        return reopenings.findByChallengeIdOrderByRound(challengeId).stream()
                .map(r -> new Reopening(r.round(), r.remarks(), r.reopenedAt())).toList();
    }

    /** The coordinator approved a challenge's selection beyond a quota of the bylaws ({@code rule}, e.g. pilotsPerCity). */
    public record QuotaOverride(UUID challengeId, String cityGroup, String rule, int limit, int alreadyHeld, String reason,
            String by, Instant at) {}

    /** Every quota override of this challenge's selection, oldest first. */
    @Transactional(readOnly = true)
    public List<QuotaOverride> quotaOverrides(UUID challengeId) {
        return overrides.findByChallengeIdOrderByOverriddenAt(challengeId).stream().map(JuryRecords::view).toList();
    }

    /** Every quota override in a cycle, oldest first (the coordinator's dashboard). */
    @Transactional(readOnly = true)
    public List<QuotaOverride> quotaOverridesOfCycle(UUID cycleId) {
        return overrides.findByCycleIdOrderByOverriddenAt(cycleId).stream().map(JuryRecords::view).toList();
    }

    private static QuotaOverride view(eu.smartcity.accelerator.selection.internal.QuotaOverride o) {
        return new QuotaOverride(o.challengeId(), o.cityGroup(), o.rule(), o.quotaLimit(), o.alreadyHeld(), o.reason(),
                o.overriddenBy(), o.overriddenAt());
    }

    /** One seat as the coordinator sees it; {@code replacedBy} is the juror who took a recused member's seat. */
    public record Seat(int seatNo, int juror, String status, String conflictReason, Integer replacedBy) {
        public boolean recused() {
            return "RECUSED".equals(status);
        }
    }

    /** One juror's weighted score (0–10) for one application. */
    /** One juror's weighted score and comment on one application (shown to the coordinator once ranked). */
    public record JurorScore(int juror, double weightedScore, String comment) {}

    /** A ranking line: {@code tieBreak} names the step that placed it below the line above (null: the score alone). */
    public record RankingLine(int rank, ApplicationView application, List<JurorScore> scores, double averageScore,
            String tieBreak) {}

    public record Ranking(int round, List<RankingLine> lines, List<Seat> seats) {}

    /**
     * The application a score task is for, by the task's execution id ({@code jury_score_task}, written when the seat's
     * score tasks opened; issue 19). Empty for a score task opened before those rows: its process variable says.
     */
    @Transactional(readOnly = true)
    public Optional<UUID> applicationScoredIn(String executionId) {
        return executionId == null ? Optional.empty() : scoreTasks.find(executionId).map(ScoreTasks.ScoreTask::applicationId);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, UUID> applicationsScoredIn(java.util.Collection<String> executionIds) {
        Map<String, UUID> found = new HashMap<>();
        scoreTasks.findAll(executionIds).forEach((execution, task) -> found.put(execution, task.applicationId()));
        return found;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean givenToScore(String member, UUID challengeId, UUID applicationId) {
        return scoreTasks.given(member, challengeId, applicationId);
    }

    /**
     * One of a juror's score tasks by the selection's records: its execution, challenge, application and round, when it
     * opened and when it was marked (null: open, or ended unmarked, e.g. the jury window closed).
     */
    public record JurorScoreTask(String executionId, UUID challengeId, UUID applicationId, int round, Instant openedAt,
            Instant scoredAt) {
        public boolean scored() {
            return scoredAt != null;
        }
    }

    /**
     * The juror's score tasks opened since the records name the member (V213; the score task keeps no engine history
     * since then), oldest first. Older score tasks are in the engine's task history.
     */
    @Transactional(readOnly = true)
    public List<JurorScoreTask> scoreTasksOf(String member) {
        return scoreTasks.ofMember(member).stream().map(t -> new JurorScoreTask(t.task().executionId(), t.task().challengeId(),
                t.task().applicationId(), t.task().round(), t.openedAt(), t.scoredAt())).toList();
    }

    /** The member holds a seat (not recused) on this challenge's jury. */
    @Transactional(readOnly = true)
    public boolean seated(UUID challengeId, String member) {
        return seats.existsByChallengeIdAndMemberAndStatus(challengeId, member, JurySeat.ASSIGNED);
    }

    @Transactional(readOnly = true)
    public List<Seat> seats(UUID challengeId) {
        List<JurySeat> all = seatsInOrder(challengeId);
        Map<String, Integer> jurors = jurorNumbers(all);
        List<Seat> views = new ArrayList<>();
        for (JurySeat seat : all) {
            Integer replacedBy = !JurySeat.RECUSED.equals(seat.status()) ? null : all.stream()
                    .filter(s -> s.seatNo() == seat.seatNo() && !s.member().equals(seat.member())
                            && jurors.get(s.member()) > jurors.get(seat.member()))
                    .map(s -> jurors.get(s.member())).findFirst().orElse(null);
            views.add(new Seat(seat.seatNo(), jurors.get(seat.member()), seat.status(), seat.conflictReason(), replacedBy));
        }
        return views;
    }

    /**
     * The last ranked round: every application ranked, with the scores of the seats that counted (those
     * that scored every ranked application) and the tie-break step, recomputed by the same rule that
     * ranked them ({@link ApplicantScoring#rank}); empty before the first ranking.
     */
    @Transactional(readOnly = true)
    public Optional<Ranking> lastRanking(UUID challengeId) {
        List<RankingEntry> entries = rankings.findByChallengeIdOrderByRoundDescRankAsc(challengeId);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        int round = entries.get(0).round();
        List<RankingEntry> ranked = entries.stream().filter(e -> e.round() == round).toList();
        List<UUID> rankedIds = ranked.stream().map(RankingEntry::applicationId).toList();
        List<JuryScore> counted = scores.findByChallengeIdAndRound(challengeId, round).stream()
                .filter(s -> rankedIds.contains(s.applicationId()))
                .collect(Collectors.groupingBy(JuryScore::member)).values().stream()
                .filter(memberScores -> memberScores.size() >= rankedIds.size())
                .flatMap(List::stream).toList();
        Map<String, Integer> jurors = jurorNumbers(seatsInOrder(challengeId));
        Map<UUID, ApplicationView> byId = new HashMap<>();
        Map<String, Instant> submittedAt = new HashMap<>();
        for (UUID id : rankedIds) {
            applications.find(id).ifPresent(a -> {
                byId.put(id, a);
                submittedAt.put(id.toString(), a.submittedAt());
            });
        }
        Map<String, RankedApplication.TieBreak> tieBreaks = new HashMap<>();
        if (submittedAt.size() == rankedIds.size()) {
            scoring.rank(counted.stream().map(JuryScore::asScored).toList(), submittedAt)
                    .forEach(r -> {
                        if (r.decidedBy() != null) {
                            tieBreaks.put(r.applicationId(), r.decidedBy());
                        }
                    });
        }
        List<RankingLine> lines = new ArrayList<>();
        for (RankingEntry entry : ranked) {
            ApplicationView application = byId.get(entry.applicationId());
            if (application == null) {
                continue;
            }
            List<JurorScore> jurorScores = counted.stream().filter(s -> s.applicationId().equals(entry.applicationId()))
                    .map(s -> new JurorScore(jurors.getOrDefault(s.member(), 0), s.weightedScore(), s.comment()))
                    .sorted(java.util.Comparator.comparingInt(JurorScore::juror)).toList();
            RankedApplication.TieBreak tieBreak = tieBreaks.get(entry.applicationId().toString());
            lines.add(new RankingLine(entry.rank(), application, jurorScores, entry.averageScore(),
                    tieBreak == null ? null : tieBreak.name()));
        }
        return Optional.of(new Ranking(round, lines, seats(challengeId)));
    }

    /** One criterion of an applicant's result: its weight (%), the jury's average mark (0–10), and the points it adds (0–10 scale). */
    public record CriterionResult(String criterion, double weight, double averageMark, double weightedPoints) {}

    /**
     * An application's place in the last ranking, for the applicant: its rank among {@code rankedCount}, the
     * average weighted score (0–10) as ranked, each criterion's average mark and weighted points over the jurors
     * that counted, and each of those jurors' weighted score (in seat order, without who they are).
     */
    public record ApplicantResult(int rank, int rankedCount, double averageScore, List<CriterionResult> criteria,
            List<Double> jurorScores) {}

    /**
     * The application's result in the last ranking of its challenge, or empty when it was not ranked.
     * Whether the applicant may see it yet (only once the results are final) is the caller's check.
     *
     * @param weights the cycle's criterion weights in percent, by criterion ({@code Bylaws#scoringWeights})
     */
    @Transactional(readOnly = true)
    public Optional<ApplicantResult> resultOf(UUID challengeId, UUID applicationId, Map<String, Double> weights) {
        List<RankingEntry> entries = rankings.findByChallengeIdOrderByRoundDescRankAsc(challengeId);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        int round = entries.get(0).round();
        List<RankingEntry> ranked = entries.stream().filter(e -> e.round() == round).toList();
        Optional<RankingEntry> mine = ranked.stream().filter(e -> e.applicationId().equals(applicationId)).findFirst();
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        // the seats that counted for the ranking: those that scored every ranked application in that round
        Map<String, Integer> jurors = jurorNumbers(seatsInOrder(challengeId));
        List<JuryScore> counted = scores.findByChallengeIdAndRound(challengeId, round).stream()
                .collect(Collectors.groupingBy(JuryScore::member)).values().stream()
                .filter(memberScores -> memberScores.size() >= ranked.size())
                .flatMap(List::stream)
                .filter(s -> s.applicationId().equals(applicationId))
                .sorted(java.util.Comparator.comparingInt(s -> jurors.getOrDefault(s.member(), Integer.MAX_VALUE)))
                .toList();
        List<CriterionResult> criteria = new ArrayList<>();
        for (String criterion : eu.smartcity.accelerator.cycle.Bylaws.CRITERIA) {
            double average = counted.stream().mapToInt(s -> s.criteria().get(criterion)).average().orElse(0);
            double weight = weights.getOrDefault(criterion, 0.0);
            criteria.add(new CriterionResult(criterion, weight, average, average * weight / 100));
        }
        return Optional.of(new ApplicantResult(mine.get().rank(), ranked.size(), mine.get().averageScore(), criteria,
                counted.stream().map(JuryScore::weightedScore).toList()));
    }

    /** Seats by number; a recused member before the one who replaced them (who was seated later). */
    private List<JurySeat> seatsInOrder(UUID challengeId) {
        List<JurySeat> all = new ArrayList<>(seats.findByChallengeIdOrderBySeatNo(challengeId));
        all.sort(java.util.Comparator.comparingInt(JurySeat::seatNo)
                .thenComparing(s -> JurySeat.RECUSED.equals(s.status()) ? 0 : 1));
        return all;
    }

    private static Map<String, Integer> jurorNumbers(List<JurySeat> inOrder) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        inOrder.forEach(s -> numbers.putIfAbsent(s.member(), numbers.size() + 1));
        return numbers;
    }

}
