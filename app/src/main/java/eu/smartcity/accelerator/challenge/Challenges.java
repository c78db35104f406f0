package eu.smartcity.accelerator.challenge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A city's challenges: launch one (its process starts), read them, know whether the call is open. */
public interface Challenges {

    /** What a city officer fills in (the define-challenge form). */
    record Definition(String title, String problem, String openDatasets, BigDecimal budgetCap, String kpis,
            String languages, int minTrl) {}

    /** {@code status} is the name of the challenge's {@link ChallengeStage} (message key {@code challengeStatus.<status>}). */
    record ChallengeView(UUID id, UUID cycleId, String cityGroup, String title, String problem, String openDatasets,
            BigDecimal budgetCap, String kpis, String languages, int minTrl, String status, String remarks,
            Instant callClosesAt, String processInstanceId) {

        public ChallengeStage stage() {
            return ChallengeStage.valueOf(status);
        }

        public boolean acceptsApplications(Instant now) {
            return stage() == ChallengeStage.PUBLISHED && callClosesAt != null && now.isBefore(callClosesAt);
        }
    }

    /** Creates the challenge under the cycle's pinned bylaws and starts its process; returns its id. */
    UUID launch(UUID cycleId, String cityGroup, Definition definition);

    Optional<ChallengeView> find(UUID challengeId);

    List<ChallengeView> ofCity(String cityGroup);

    List<ChallengeView> published();

    /** Every challenge of a cycle, whatever its stage (for the coordinator's dashboard). */
    List<ChallengeView> ofCycle(UUID cycleId);

    /** One sending back for revision: the coordinator's remarks and when. */
    record Remark(String remarks, Instant sentBackAt) {}

    /** Every time the challenge was sent back, oldest first. */
    List<Remark> remarksOf(UUID challengeId);

    /** The call window is over: no more applications or withdrawals; the selection begins. */
    void closeCall(UUID challengeId);
}
