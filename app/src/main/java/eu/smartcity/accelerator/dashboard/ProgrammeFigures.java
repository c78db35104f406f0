package eu.smartcity.accelerator.dashboard;

import eu.smartcity.accelerator.challenge.ChallengeStage;
import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.challenge.Challenges.ChallengeView;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.evaluation.EvaluationRecords;
import eu.smartcity.accelerator.identity.Organisations;
import eu.smartcity.accelerator.pilot.PilotRecords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The programme's public figures, per cycle and per city, read from the owning modules' APIs: calls (challenges
 * that were published), applications received, selections announced, pilots (running, finished), published
 * verdicts and replications started. Counts only: no personal data, no bid contents, no marks.
 */
@Service
public class ProgrammeFigures {

    private final Cycles cycles;
    private final Challenges challenges;
    private final Applications applications;
    private final PilotRecords pilots;
    private final EvaluationRecords evaluations;
    private final Organisations organisations;

    ProgrammeFigures(Cycles cycles, Challenges challenges, Applications applications, PilotRecords pilots,
            EvaluationRecords evaluations, Organisations organisations) {
        this.cycles = cycles;
        this.challenges = challenges;
        this.applications = applications;
        this.pilots = pilots;
        this.evaluations = evaluations;
        this.organisations = organisations;
    }

    /** One city's figures in one cycle (or a cycle's total, with {@code cityGroup} null). */
    public record Figures(String cityGroup, String cityName, int calls, int applications, int selections, int pilotsRunning,
            int pilotsFinished, int verdicts, int replications) {

        public int pilots() {
            return pilotsRunning + pilotsFinished;
        }

        Figures plus(Figures o) {
            return new Figures(cityGroup, cityName, calls + o.calls, applications + o.applications, selections + o.selections,
                    pilotsRunning + o.pilotsRunning, pilotsFinished + o.pilotsFinished, verdicts + o.verdicts,
                    replications + o.replications);
        }

        static Figures none(String cityGroup, String cityName) {
            return new Figures(cityGroup, cityName, 0, 0, 0, 0, 0, 0, 0);
        }

        /** The same numbers as the table's row, as bars: the way from a call to a replication. */
        public BarChart chart(String id) {
            return BarChart.of(id, List.of(BarChart.Entry.keyed("outcomes.calls", calls),
                    BarChart.Entry.keyed("outcomes.applications", applications),
                    BarChart.Entry.keyed("outcomes.selections", selections), BarChart.Entry.keyed("outcomes.pilots", pilots()),
                    BarChart.Entry.keyed("outcomes.verdicts", verdicts), BarChart.Entry.keyed("outcomes.replications", replications)));
        }
    }

    /** A cycle's figures per city (by name) and in total. */
    public record CycleOutcome(Cycles.CycleView cycle, List<Figures> cities, Figures total) {
        public BarChart chart() {
            return total.chart("outcome-" + cycle.id());
        }

        /** Applications per city, as bars. */
        public BarChart applicationsPerCity() {
            return BarChart.of("applications-" + cycle.id(),
                    cities.stream().map(c -> BarChart.Entry.named(c.cityName(), c.applications())).toList());
        }
    }

    /** Every cycle, in the order {@link Cycles#all()} gives them. */
    public List<CycleOutcome> outcomes() {
        Map<UUID, List<PilotRecords.ReplicationStart>> replicationsByChallenge = pilots.replicationsStarted().stream()
                .collect(Collectors.groupingBy(PilotRecords.ReplicationStart::originalChallengeId));
        List<CycleOutcome> outcomes = new ArrayList<>();
        for (Cycles.CycleView cycle : cycles.all()) {
            Map<String, Figures> perCity = new TreeMap<>();
            for (ChallengeView challenge : challenges.ofCycle(cycle.id())) {
                perCity.merge(challenge.cityGroup(), of(challenge), Figures::plus);
                for (PilotRecords.ReplicationStart r : replicationsByChallenge.getOrDefault(challenge.id(), List.of())) {
                    // a replication counts for the city that replicates, in the cycle of the challenge it comes from
                    perCity.merge(r.cityGroup(), new Figures(r.cityGroup(), null, 0, 0, 0, 0, 0, 0, 1), Figures::plus);
                }
            }
            List<Figures> cities = perCity.values().stream()
                    .map(f -> new Figures(f.cityGroup(), organisations.displayName(f.cityGroup()), f.calls(), f.applications(),
                            f.selections(), f.pilotsRunning(), f.pilotsFinished(), f.verdicts(), f.replications()))
                    .sorted(Comparator.comparing(Figures::cityName)).toList();
            Figures total = cities.stream().reduce(Figures.none(null, null), Figures::plus);
            outcomes.add(new CycleOutcome(cycle, cities, total));
        }
        return outcomes;
    }

    private Figures of(ChallengeView challenge) {
        boolean called = challenge.callClosesAt() != null; // published at some point: a call was open
        if (!called) {
            return Figures.none(challenge.cityGroup(), null);
        }
        Applications.PublicResults results = applications.publicResults(challenge.id());
        int selections = results.isFinal() ? results.selected().size() : 0;
        int running = 0;
        int finished = 0;
        int verdicts = 0;
        for (PilotRecords.PilotView pilot : pilots.ofChallenge(challenge.id())) {
            if (pilot.originalPilotId() != null) {
                continue; // a replication, counted as such
            }
            if ("RUNNING".equals(pilot.status())) {
                running++;
            } else {
                finished++;
            }
            if (evaluations.ofPilot(pilot.id()).filter(e -> e.verdict() != null && e.publishedAt() != null).isPresent()) {
                verdicts++;
            }
        }
        return new Figures(challenge.cityGroup(), null, 1, results.received(), selections, running, finished, verdicts, 0);
    }

    /** A cycle's challenges per stage ({@code ChallengeView.status()}, keyed {@code challengeStatus.*}), in stage order. */
    public Map<String, Long> stagesOf(UUID cycleId) {
        return stageCounts(challenges.ofCycle(cycleId));
    }

    /** Counts per stage, in the order of a challenge's life ({@link ChallengeStage}). */
    static Map<String, Long> stageCounts(List<ChallengeView> challenges) {
        Map<ChallengeStage, Long> counts = challenges.stream().collect(Collectors.groupingBy(ChallengeView::stage,
                () -> new java.util.EnumMap<>(ChallengeStage.class), Collectors.counting()));
        Map<String, Long> ordered = new LinkedHashMap<>();
        counts.forEach((stage, n) -> ordered.put(stage.name(), n));
        return ordered;
    }

    static BarChart stageChart(String id, Map<String, Long> stages) {
        return BarChart.of(id, stages.entrySet().stream()
                .map(e -> BarChart.Entry.keyed("challengeStatus." + e.getKey(), e.getValue())).toList());
    }
}
