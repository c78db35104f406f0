package eu.smartcity.accelerator.selection.process;

import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.application.Applications.ApplicationView;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.challenge.Challenges.ChallengeView;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.identity.JuryPool;
import eu.smartcity.accelerator.identity.Organisations;
import eu.smartcity.accelerator.identity.People;
import eu.smartcity.accelerator.opendata.OcdsFacts;
import eu.smartcity.accelerator.opendata.OcdsPublisher;
import eu.smartcity.accelerator.selection.internal.JuryScore;
import eu.smartcity.accelerator.selection.internal.JuryScores;
import eu.smartcity.accelerator.selection.internal.JurySeat;
import eu.smartcity.accelerator.selection.internal.JurySeats;
import eu.smartcity.accelerator.selection.internal.RankingEntries;
import eu.smartcity.accelerator.selection.internal.RankingEntry;
import eu.smartcity.accelerator.selection.internal.SelectionReopening;
import eu.smartcity.accelerator.selection.internal.SelectionReopenings;
import eu.smartcity.accelerator.scoring.ApplicantScoring;
import eu.smartcity.accelerator.scoring.EligibilityCheck;
import eu.smartcity.accelerator.application.SubmissionEligibility;
import eu.smartcity.accelerator.scoring.EligibilityVerdict;
import eu.smartcity.accelerator.scoring.RankedApplication;
import eu.smartcity.accelerator.scoring.ScoringWeights;
import java.time.Instant;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The selection steps of the challenge process: close the call, check eligibility, seat the jury
 * (recusal and replacement), record scores, rank, re-open, announce.
 */
@Configuration(proxyBeanMethods = false)
class SelectionDelegates {

    /** ServiceTask_CloseCall: no more applications; how many are in the race. */
    @Bean
    JavaDelegate closeCall(Challenges challenges, Applications applications) {
        return execution -> {
            UUID challengeId = challengeId(execution);
            challenges.closeCall(challengeId);
            execution.setVariable(ChallengeProcess.APPLICATION_COUNT, (long) applications.submittedTo(challengeId).size());
        };
    }

    /** ServiceTask_CheckEligibility: the eligibility table for every application; every reason is kept. */
    @Bean
    JavaDelegate checkEligibility(Challenges challenges, Applications applications, Cycles cycles, EligibilityCheck eligibility) {
        return execution -> {
            UUID challengeId = challengeId(execution);
            ChallengeView challenge = challenges.find(challengeId).orElseThrow();
            Bylaws bylaws = cycles.bylawsOf(challenge.cycleId());
            long eligible = 0;
            for (ApplicationView a : applications.submittedTo(challengeId)) {
                EligibilityVerdict verdict = eligibility.check(a.id().toString(), SubmissionEligibility.facts(a.legalEntity(), a.country(),
                        a.employees(), a.requestedBudget(), a.trl(), a.declarationsSigned(), a.interoperable(), challenge, bylaws),
                        execution.getProcessInstanceId());
                // the reason codes, not the table's English: pages word them from the recorded check (EligibilityInWords)
                applications.decideEligibility(a.id(), verdict.reasonCodes());
                if (verdict.eligible()) {
                    eligible++;
                }
            }
            execution.setVariable(ChallengeProcess.ELIGIBLE_COUNT, eligible);
            execution.setVariable(ChallengeProcess.JURY_ROUND, 1L);
        };
    }

    /** The jury: who holds the seats, which applications they score. */
    @Bean
    JuryPanel juryPanel(Challenges challenges, Applications applications, Cycles cycles, JurySeats seats,
            JuryPool pool, People people) {
        return new JuryPanel(challenges, applications, cycles, seats, pool, people);
    }

    /**
     * ServiceTask_ReplaceJuryMember: the member with a conflict leaves; the next free member of the cycle's pool (or,
     * without a pool, of the jury group) takes the seat: never someone seated or recused on this challenge.
     */
    @Bean
    JavaDelegate replaceJuryMember(JurySeats seats, JuryPanel panel) {
        return execution -> {
            UUID challengeId = challengeId(execution);
            String recusing = (String) execution.getVariable(ChallengeProcess.JURY_MEMBER);
            JurySeat seat = seats.findByChallengeIdOrderBySeatNo(challengeId).stream()
                    .filter(s -> s.member().equals(recusing) && s.status().equals(JurySeat.ASSIGNED))
                    .findFirst().orElseThrow(() -> new IllegalStateException(recusing + " holds no seat on challenge " + challengeId));
            // the declaration and its reason were kept on the seat by JuryMarking; without them, no recusal
            if (!seat.declaredConflict()) {
                throw new IllegalStateException(recusing + " declared no conflict through the portal on challenge " + challengeId);
            }
            seat.recuse();
            List<String> taken = seats.findByChallengeIdOrderBySeatNo(challengeId).stream().map(JurySeat::member).toList();
            String replacement = panel.drawOrder(challengeId).stream().filter(m -> !taken.contains(m)).findFirst().orElse(null);
            execution.setVariable(ChallengeProcess.CONFLICT_DECISION, null); // the replacement declares anew
            execution.setVariable(ChallengeProcess.REPLACEMENT_FOUND, replacement != null);
            if (replacement != null) {
                seats.save(new JurySeat(challengeId, seat.seatNo(), replacement));
                execution.setVariable(ChallengeProcess.JURY_MEMBER, replacement);
            }
        };
    }

    /**
     * Complete listener of UserTask_ScoreApplication: the marks must already be in the selection's records
     * ({@link eu.smartcity.accelerator.selection.JuryMarking}, in the completing transaction). A completion
     * from anywhere else (variables through the engine's API) is refused, so marks never become process
     * variables that the next task, another juror or history could read.
     */
    @Bean
    TaskListener recordJuryScore(JuryScores scores) {
        return task -> {
            UUID challengeId = UUID.fromString((String) task.getVariable(ChallengeProcess.CHALLENGE_ID));
            UUID applicationId = UUID.fromString((String) task.getVariable(ChallengeProcess.APPLICATION_ID));
            int round = ((Number) task.getVariable(ChallengeProcess.JURY_ROUND)).intValue();
            if (!scores.existsByChallengeIdAndApplicationIdAndMemberAndRound(challengeId, applicationId, task.getAssignee(), round)) {
                throw new IllegalArgumentException("Scores are given on the portal's task page (My tasks), not through the engine.");
            }
        };
    }

    /**
     * ServiceTask_RankApplications: the seats that scored every eligible application count; quorum from the
     * bylaws; ranking and tie-break as written in {@link ApplicantScoring}.
     */
    @Bean
    JavaDelegate rankApplications(Challenges challenges, Applications applications, Cycles cycles, JuryScores scores,
            RankingEntries rankings, ApplicantScoring scoring) {
        return execution -> {
            UUID challengeId = challengeId(execution);
            int round = ((Number) execution.getVariable(ChallengeProcess.JURY_ROUND)).intValue();
            List<ApplicationView> eligible = applications.eligibleFor(challengeId);
            // a seat counts when its member scored every eligible application in this round
            List<List<JuryScore>> completedSeats = scores.findByChallengeIdAndRound(challengeId, round).stream()
                    .collect(Collectors.groupingBy(JuryScore::member)).values().stream()
                    .filter(memberScores -> memberScores.size() >= eligible.size())
                    .toList();
            List<JuryScore> complete = completedSeats.stream().flatMap(List::stream).toList();
            Bylaws bylaws = cycles.bylawsOf(challenges.find(challengeId).orElseThrow().cycleId());
            boolean quorum = completedSeats.size() >= bylaws.quorum();
            execution.setVariable(ChallengeProcess.QUORUM_REACHED, quorum);
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
            execution.setVariable("topApplicationId", ranking.get(0).applicationId());
        };
    }

    /** ServiceTask_ReopenSelection: the jury scores again, in a new round. */
    @Bean
    JavaDelegate reopenSelection(SelectionReopenings reopenings) {
        return execution -> {
            long round = ((Number) execution.getVariable(ChallengeProcess.JURY_ROUND)).longValue() + 1;
            execution.setVariable(ChallengeProcess.JURY_ROUND, round);
            // the coordinator's reason (required for a re-opening) is kept for the jury's next score tasks
            Object remarks = execution.getVariable(ChallengeProcess.SELECTION_REMARKS);
            reopenings.save(new SelectionReopening(challengeId(execution), (int) round,
                    remarks == null ? "" : remarks.toString(), Instant.now()));
        };
    }

    /** ServiceTask_AnnounceSelection: the top-ranked application is selected; everyone is told; award published. */
    @Bean
    JavaDelegate announceSelection(Applications applications, OcdsPublisher ocds, Organisations organisations) {
        return execution -> {
            UUID challengeId = challengeId(execution);
            UUID selected = UUID.fromString((String) execution.getVariable("topApplicationId"));
            applications.announceSelection(challengeId, selected);
            ApplicationView winner = applications.find(selected).orElseThrow();
            execution.setVariable(ChallengeProcess.SELECTED_APPLICATION_ID, selected.toString());
            execution.setVariable(ChallengeProcess.COMPANY_GROUP, winner.companyGroup());
            execution.setVariable(ContractProcess.CONTRACT_AMOUNT.name(), winner.requestedBudget().doubleValue());
            execution.setVariable(ChallengeProcess.CONTRACT_ID, UUID.randomUUID().toString());
            execution.setVariable(ChallengeProcess.PILOT_ID, UUID.randomUUID().toString());
            execution.setVariable(ChallengeProcess.EVALUATION_ID, UUID.randomUUID().toString());
            ocds.publishAward(new OcdsFacts.Award(challengeId.toString(), challengeId + "-award-1",
                    new OcdsFacts.Party(winner.companyGroup(), organisations.nameOf(winner.companyGroup())),
                    winner.solutionTitle(), winner.requestedBudget(), Instant.now()));
        };
    }

    /** SendTask_TellNoSelection: no quorum, so no selection; every application under review ends and its company is told. */
    @Bean
    JavaDelegate tellNoSelection(Applications applications) {
        return execution -> applications.noSelectionMade(challengeId(execution));
    }

    /** End listeners of the call activities: the selected application's process follows along. */
    @Bean
    ApplicationJourney applicationJourney(Applications applications) {
        return new ApplicationJourney(applications);
    }

    public static final class ApplicationJourney {
        private final Applications applications;

        ApplicationJourney(Applications applications) {
            this.applications = applications;
        }

        public void contractConcluded(String applicationId, String outcome) {
            applications.contractConcluded(UUID.fromString(applicationId), outcome);
        }

        public void pilotEnded(String applicationId) {
            applications.pilotEnded(UUID.fromString(applicationId));
        }

        public void pilotEvaluated(String applicationId) {
            applications.pilotEvaluated(UUID.fromString(applicationId));
        }
    }

    /** Seats and scoring lists for the multi-instance jury (bean {@code juryPanel}). */
    public static final class JuryPanel {
        private final Challenges challenges;
        private final Applications applications;
        private final Cycles cycles;
        private final JurySeats seats;
        private final JuryPool pool;
        private final People people;

        JuryPanel(Challenges challenges, Applications applications, Cycles cycles, JurySeats seats,
                JuryPool pool, People people) {
            this.challenges = challenges;
            this.applications = applications;
            this.cycles = cycles;
            this.seats = seats;
            this.pool = pool;
            this.people = people;
        }

        /**
         * Who may take a seat on this challenge, best first: the cycle's jury pool ordered by the challenge's languages
         * and words ({@link JuryPool#drawOrder}); without a pool the whole jury group by user id, as before pools.
         */
        List<String> drawOrder(UUID challengeId) {
            ChallengeView challenge = challenges.find(challengeId).orElseThrow();
            Set<String> languages = Arrays.stream((challenge.languages() == null ? "" : challenge.languages()).split("[^A-Za-z]+"))
                    .filter(l -> !l.isEmpty()).map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            List<String> drawn = pool.drawOrder(challenge.cycleId(), languages,
                    String.join(" ", challenge.title(), challenge.problem(), String.valueOf(challenge.openDatasets())));
            return drawn.isEmpty() ? pool.wholeJury().stream().filter(m -> !people.deactivated(m)).toList() : drawn;
        }

        /** The members holding the seats; seated on first call from the draw order, as many as the bylaws say. */
        public List<String> seatsFor(String challengeId) {
            UUID id = UUID.fromString(challengeId);
            if (seats.findByChallengeIdOrderBySeatNo(id).isEmpty()) {
                int size = cycles.bylawsOf(challenges.find(id).orElseThrow().cycleId()).jurySize();
                List<String> members = drawOrder(id);
                for (int seat = 1; seat <= Math.min(size, members.size()); seat++) {
                    seats.save(new JurySeat(id, seat, members.get(seat - 1)));
                }
            }
            return seats.findByChallengeIdAndStatusOrderBySeatNo(id, JurySeat.ASSIGNED).stream().map(JurySeat::member).toList();
        }

        public List<String> applicationsToScore(String challengeId) {
            return applications.eligibleFor(UUID.fromString(challengeId)).stream().map(a -> a.id().toString()).toList();
        }
    }

    private static UUID challengeId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable(ChallengeProcess.CHALLENGE_ID));
    }
}
