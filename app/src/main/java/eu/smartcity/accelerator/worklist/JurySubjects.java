package eu.smartcity.accelerator.worklist;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.application.Applications.ApplicationView;
import eu.smartcity.accelerator.attachments.AttachmentView;
import eu.smartcity.accelerator.attachments.Attachments;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges.ChallengeView;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.selection.JuryRecords;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The jury's tasks and the coordinator's approval of their result. A jury member sees the applications
 * of a challenge only while holding a seat on its jury (read from the selection's seats, not from the
 * task's variables): the applicants a conflict declaration covers; the application to score with its
 * attachments and the bylaws' criteria and weights. The coordinator sees the ranking with every juror's
 * weighted score, the tie-break, recusals and replacements, and each application with its attachments.
 */
@Component
class JurySubjects implements SubjectView {

    private final SubjectRecords records;
    private final Applications applications;
    private final Attachments attachments;
    private final Cycles cycles;
    private final JuryRecords jury;

    JurySubjects(SubjectRecords records, Applications applications, Attachments attachments, Cycles cycles, JuryRecords jury) {
        this.records = records;
        this.applications = applications;
        this.attachments = attachments;
        this.cycles = cycles;
        this.jury = jury;
    }

    /** A criterion as the scoring page shows it: its key (label and description in the bundles) and weight in %. */
    record Criterion(String key, long weightPercent) {}

    /** An application with its attachments. */
    record ApplicationFacts(ApplicationView application, String company, List<AttachmentView> attachments) {}

    @Override
    public Set<String> taskKeys() {
        return Set.of(ChallengeProcess.USER_TASK_DECLARE_CONFLICT, ChallengeProcess.USER_TASK_SCORE_APPLICATION,
                ChallengeProcess.USER_TASK_APPROVE_SELECTION);
    }

    @Override
    public Optional<TaskSubject> read(TaskIds ids, CurrentUser user) {
        Optional<ChallengeView> found = records.challenge(ids.uuid(ChallengeProcess.CHALLENGE_ID));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ChallengeView challenge = found.get();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("challenge", challenge);
        switch (ids.taskDefinitionKey()) {
            case ChallengeProcess.USER_TASK_DECLARE_CONFLICT -> {
                requireSeat(user, challenge);
                facts.put("applicants", applications.eligibleFor(challenge.id()).stream()
                        .map(a -> new ApplicationFacts(a, records.name(a.companyGroup()), List.of())).toList());
                return Optional.of(new TaskSubject("conflicts", records.context(challenge, null), facts));
            }
            case ChallengeProcess.USER_TASK_SCORE_APPLICATION -> {
                requireSeat(user, challenge);
                Optional<ApplicationView> application = scored(ids).flatMap(applications::find);
                if (application.isEmpty()) {
                    return Optional.empty();
                }
                ApplicationView a = application.get();
                // the seat gives access to this challenge's eligible applications, and to no other
                if (!a.challengeId().equals(challenge.id())
                        || applications.eligibleFor(challenge.id()).stream().noneMatch(e -> e.id().equals(a.id()))) {
                    throw new NotYours();
                }
                facts.put("application", applicationFacts(a));
                facts.put("criteria", criteria(cycles.bylawsOf(challenge.cycleId())));
                facts.put("reopenings", jury.reopenings(challenge.id()));
                return Optional.of(new TaskSubject("score", records.context(challenge, a.companyGroup()), facts));
            }
            default -> {
                SubjectRecords.requireCoordinator(user);
                Optional<JuryRecords.Ranking> ranking = jury.lastRanking(challenge.id());
                ranking.ifPresent(r -> facts.put("ranking", r));
                facts.put("seats", ranking.map(JuryRecords.Ranking::seats).orElseGet(() -> jury.seats(challenge.id())));
                Map<UUID, ApplicationFacts> ranked = new LinkedHashMap<>();
                ranking.ifPresent(r -> r.lines().forEach(line ->
                        ranked.put(line.application().id(), applicationFacts(line.application()))));
                facts.put("applications", ranked);
                facts.put("criteria", criteria(cycles.bylawsOf(challenge.cycleId())));
                return Optional.of(new TaskSubject("selection", records.context(challenge, null), facts));
            }
        }
    }

    @Override
    public Optional<TaskSubject.Context> context(TaskIds ids) {
        return records.challenge(ids.uuid(ChallengeProcess.CHALLENGE_ID)).map(challenge -> {
            String company = ChallengeProcess.USER_TASK_SCORE_APPLICATION.equals(ids.taskDefinitionKey())
                    ? scored(ids).flatMap(applications::find)
                            .filter(a -> a.challengeId().equals(challenge.id())).map(ApplicationView::companyGroup).orElse(null)
                    : null;
            return records.context(challenge, company);
        });
    }

    /**
     * The application a score task is for: the selection's row for the task (issue 19; a variable written beside it
     * changes nothing), else the element variable — of a task being created (no execution in its ids: Tasklist's name
     * reads the transient element before the row is written) or of a score task opened before the rows.
     */
    private Optional<UUID> scored(TaskIds ids) {
        return (ids.executionId() == null ? Optional.<UUID>empty() : jury.applicationScoredIn(ids.executionId()))
                .or(() -> ids.uuid(ChallengeProcess.APPLICATION_ID));
    }

    private void requireSeat(CurrentUser user, ChallengeView challenge) {
        if (!jury.seated(challenge.id(), user.userId())) {
            SubjectRecords.requireCoordinator(user);
        }
    }

    private ApplicationFacts applicationFacts(ApplicationView a) {
        return new ApplicationFacts(a, records.name(a.companyGroup()), attachments.of(a.id()));
    }

    static List<Criterion> criteria(Bylaws bylaws) {
        return Bylaws.CRITERIA.stream()
                .map(c -> new Criterion(c, Math.round(100 * bylaws.scoringWeights().getOrDefault(c, 0.0)))).toList();
    }
}
