package eu.smartcity.accelerator.documents;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.evaluation.EvaluationRecords;
import eu.smartcity.accelerator.evaluation.EvaluationRecords.EvaluationView;
import eu.smartcity.accelerator.identity.Organisations;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme's reports, in the reader's language: a pilot's evaluation, a cycle's outcome, the bylaws for
 * publication. Every fact comes through its module's API: challenges, applications, cycles and evaluations through
 * their query services, contracts and pilots through {@link ContractOutcomes} and {@link PilotFacts}, which those
 * modules implement (they depend on this one, for the contract's PDF and signature).
 */
@Service
public class Reports {

    private final Challenges challenges;
    private final Applications applications;
    private final Cycles cycles;
    private final ContractTemplates templates;
    private final EvaluationRecords evaluations;
    private final PilotFacts pilots;
    private final ContractOutcomes contracts;
    private final Organisations organisations;
    private final MessageSource messages;

    Reports(Challenges challenges, Applications applications, Cycles cycles, ContractTemplates templates, EvaluationRecords evaluations,
            @org.springframework.context.annotation.Lazy PilotFacts pilots, @org.springframework.context.annotation.Lazy ContractOutcomes contracts, Organisations organisations,
            MessageSource messages) {
        this.challenges = challenges;
        this.applications = applications;
        this.cycles = cycles;
        this.templates = templates;
        this.evaluations = evaluations;
        this.pilots = pilots;
        this.contracts = contracts;
        this.organisations = organisations;
        this.messages = messages;
    }

    /** Who may read an evaluation report: its city; anyone once published. */
    public record EvaluationAccess(String cityGroup, boolean published) {}

    @Transactional(readOnly = true)
    public Optional<EvaluationAccess> evaluationAccess(UUID evaluationId) {
        return evaluations.find(evaluationId).map(e -> new EvaluationAccess(e.cityGroup(), e.publishedAt() != null));
    }

    /** The evaluation report's facts; names of organisations and the evidence's label in {@code language}. */
    @Transactional(readOnly = true)
    public Optional<Documents.EvaluationReport> evaluation(UUID evaluationId, Locale language) {
        return evaluations.find(evaluationId).map(e -> {
            String challenge = challenges.find(e.challengeId()).map(Challenges.ChallengeView::title).orElse("challenge " + e.challengeId());
            List<Documents.Kpi> kpis = e.kpiName() == null ? List.of()
                    : List.of(new Documents.Kpi(e.kpiName(), number(e.kpiTarget()), number(e.kpiResult()), null));
            List<Documents.Evidence> evidence = e.surveyScore() == null ? List.of()
                    : List.of(new Documents.Evidence(messages.getMessage("pdf.evaluation.overallScore", null, Documents.language(language)),
                            number(e.surveyScore()), number(e.measuredScore())));
            Optional<PilotFacts.PilotFact> pilot = e.pilotId() == null ? Optional.empty() : pilots.pilot(e.pilotId());
            return new Documents.EvaluationReport(evaluationId.toString(), challenge, name(e.cityGroup(), language),
                    pilot.map(p -> name(p.companyGroup(), language)).orElse("-"), pilot.map(PilotFacts.PilotFact::status).orElse(null),
                    pilot.map(PilotFacts.PilotFact::milestonesDone).orElse(0), kpis, evidence, e.verdict(),
                    evaluations.verdictReason(evaluationId).orElse(null), e.publishedAt());
        });
    }

    @Transactional(readOnly = true)
    public Optional<Documents.CycleReport> cycle(UUID cycleId, Locale language) {
        return cycles.all().stream().filter(c -> c.id().equals(cycleId)).findFirst().map(cycle -> {
            List<Documents.ChallengeOutcome> outcomes = challenges.ofCycle(cycleId).stream().map(c -> {
                int submitted = applications.submittedTo(c.id()).size();
                int eligible = applications.eligibleFor(c.id()).size();
                Optional<ContractOutcomes.ContractOutcome> contract = contracts.ofChallenge(c.id());
                Optional<PilotFacts.PilotFact> pilot = pilots.pilotOfChallenge(c.id());
                Optional<EvaluationView> evaluation = evaluations.ofChallenge(c.id()).stream()
                        .filter(e -> pilot.isEmpty() || pilot.get().id().equals(e.pilotId()))
                        .min(Comparator.comparing((EvaluationView e) -> e.verdict() == null ? 1 : 0));
                return new Documents.ChallengeOutcome(c.title(), name(c.cityGroup(), language), c.status(), submitted, eligible,
                        contract.map(k -> name(k.companyGroup(), language)).orElse(null),
                        contract.map(ContractOutcomes.ContractOutcome::status).orElse(null),
                        pilot.map(PilotFacts.PilotFact::status).orElse(null),
                        evaluation.map(EvaluationView::verdict).orElse(null));
            }).toList();
            return new Documents.CycleReport(cycle.name(), cycle.bylawsVersion(), cycle.status(), outcomes);
        });
    }

    /**
     * The bylaws of a published version as a PDF in the reader's language: its {@code bylaws.nl.md} or {@code .fr.md},
     * or {@code bylaws.md} with a note saying so when there is none in that language.
     */
    public Optional<byte[]> bylaws(String version, Locale language) {
        Locale reader = Documents.language(language);
        return templates.bylawsText(version, reader.getLanguage())
                .map(text -> Documents.bylaws(version, text.markdown(), text.fallback(), reader));
    }

    private String name(String groupId, Locale language) {
        if (groupId == null) {
            return "-";
        }
        return organisations.displayName(groupId, Documents.language(language));
    }

    private static double number(Double value) {
        return value == null ? 0 : value;
    }
}
