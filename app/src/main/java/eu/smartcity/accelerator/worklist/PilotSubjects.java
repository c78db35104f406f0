package eu.smartcity.accelerator.worklist;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.Challenges.ChallengeView;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.evaluation.EvaluationProcess;
import eu.smartcity.accelerator.evaluation.EvaluationRecords;
import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.pilot.PilotProcess;
import eu.smartcity.accelerator.pilot.PilotRecords;
import eu.smartcity.accelerator.pilot.PilotRecords.PilotView;
import eu.smartcity.accelerator.pilot.PilotRecords.ReportView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The pilot's and the evaluation's tasks: which pilot (challenge, city, supplier, solution, contract),
 * milestone n of m, and the milestone reports as submitted with the reviews given so far; the report
 * under review stands apart. The evaluation tasks also show the challenge's expected results and KPIs
 * and what the evaluation recorded so far.
 */
@Component
class PilotSubjects implements SubjectView {

    private final SubjectRecords records;
    private final PilotRecords pilots;
    private final EvaluationRecords evaluations;
    private final Applications applications;
    private final Cycles cycles;

    PilotSubjects(SubjectRecords records, PilotRecords pilots, EvaluationRecords evaluations, Applications applications,
            Cycles cycles) {
        this.records = records;
        this.pilots = pilots;
        this.evaluations = evaluations;
        this.applications = applications;
        this.cycles = cycles;
    }

    private static final Set<String> EVALUATION_TASKS = Set.of(EvaluationProcess.USER_TASK_KPI_RESULTS,
            EvaluationProcess.USER_TASK_SURVEY_AND_BEHAVIOUR, EvaluationProcess.USER_TASK_DECIDE_VERDICT,
            EvaluationProcess.USER_TASK_PLAN_SCALE_UP);

    @Override
    public Set<String> taskKeys() {
        Set<String> keys = new java.util.HashSet<>(EVALUATION_TASKS);
        keys.addAll(Set.of(PilotProcess.USER_TASK_KICK_OFF, PilotProcess.USER_TASK_CHECK_INFRASTRUCTURE,
                PilotProcess.USER_TASK_FIX_INFRASTRUCTURE, PilotProcess.USER_TASK_REPORT_PROGRESS, PilotProcess.USER_TASK_REVIEW_PROGRESS,
                PilotProcess.USER_TASK_DEMO, PilotProcess.USER_TASK_HANDLE_OVERDUE));
        return keys;
    }

    @Override
    public Optional<TaskSubject> read(TaskIds ids, CurrentUser user) {
        Optional<PilotView> found = ids.uuid(PilotProcess.PILOT_ID).flatMap(pilots::find);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PilotView pilot = found.get();
        SubjectRecords.requireOwner(user, pilot.cityGroup(), pilot.companyGroup());
        Optional<ChallengeView> challenge = records.challenge(Optional.of(pilot.challengeId()));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("pilot", pilot);
        challenge.ifPresent(c -> {
            facts.put("challenge", c);
            facts.put(ChallengeProcess.KPIS.name(), ChallengeSubjects.lines(c.kpis()));
            facts.put(ChallengeProcess.MILESTONE_COUNT.name(), cycles.bylawsOf(c.cycleId()).milestonesPerPilot());
        });
        applications.find(pilot.applicationId()).ifPresent(a -> facts.put("solution", a.solutionTitle()));
        List<ReportView> reports = pilots.reports(pilot.id());
        if (PilotProcess.USER_TASK_REVIEW_PROGRESS.equals(ids.taskDefinitionKey())) {
            // the report to review is the last one not reviewed yet; the others are the history
            Optional<ReportView> underReview = reports.stream().filter(r -> !r.reviewed()).reduce((a, b) -> b);
            facts.put("underReview", underReview.map(List::of).orElse(List.of()));
            reports = reports.stream().filter(r -> underReview.map(u -> !u.id().equals(r.id())).orElse(true)).toList();
        }
        facts.put("reports", reports);
        if (PilotProcess.USER_TASK_FIX_INFRASTRUCTURE.equals(ids.taskDefinitionKey())) {
            // what the city found missing, in its own words (written by the city's readiness form, the task before)
            facts.put("missing", PilotProcess.INFRASTRUCTURE_CHECKS.stream()
                    .filter(check -> check.optionalFrom(ids.variables()).orElse(null) == PilotProcess.Answer.NO)
                    .map(check -> check.name()).toList());
            facts.put(PilotProcess.READINESS_NOTES.name(), PilotProcess.READINESS_NOTES.optionalFrom(ids.variables()).orElse(""));
        }
        facts.put("milestone", Math.min(pilot.milestonesDone() + 1, (Integer) facts.getOrDefault(ChallengeProcess.MILESTONE_COUNT.name(), Integer.MAX_VALUE)));
        if (EVALUATION_TASKS.contains(ids.taskDefinitionKey())) {
            ids.uuid(EvaluationProcess.EVALUATION_ID).flatMap(evaluations::find)
                    .filter(e -> e.pilotId().equals(pilot.id()))
                    .ifPresent(e -> facts.put("evaluation", e));
        }
        TaskSubject.Context context = context(pilot, challenge);
        return Optional.of(new TaskSubject(EVALUATION_TASKS.contains(ids.taskDefinitionKey()) ? "evaluation" : "pilot", context, facts));
    }

    @Override
    public Optional<TaskSubject.Context> context(TaskIds ids) {
        return ids.uuid(PilotProcess.PILOT_ID).flatMap(pilots::find)
                .map(p -> context(p, records.challenge(Optional.of(p.challengeId()))));
    }

    private TaskSubject.Context context(PilotView pilot, Optional<ChallengeView> challenge) {
        // a replication runs in another city than the challenge's: name the pilot's own city
        return challenge.map(c -> {
            TaskSubject.Context base = records.context(c, pilot.companyGroup());
            return new TaskSubject.Context(base.challengeId(), base.title(), records.name(pilot.cityGroup()), base.company(), base.link());
        }).orElseGet(() -> new TaskSubject.Context(null, null, records.name(pilot.cityGroup()), records.name(pilot.companyGroup()), null));
    }
}
