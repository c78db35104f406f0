package eu.smartcity.accelerator.challenge.process;

import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.identity.Organisations;
import eu.smartcity.accelerator.opendata.OcdsFacts;
import eu.smartcity.accelerator.opendata.OcdsPublisher;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The call as an OCDS tender: published when the call opens and again when its window changes. */
@Component
class CallTender {

    private final Challenges challenges;
    private final OcdsPublisher ocds;
    private final Organisations organisations;

    CallTender(Challenges challenges, OcdsPublisher ocds, Organisations organisations) {
        this.challenges = challenges;
        this.ocds = ocds;
        this.organisations = organisations;
    }

    void publish(UUID challengeId) {
        Challenges.ChallengeView c = challenges.find(challengeId).orElseThrow();
        Challenges.CallWindow window = challenges.callWindow(challengeId);
        ocds.publishTender(new OcdsFacts.Tender(challengeId.toString(),
                new OcdsFacts.Party(c.cityGroup(), organisations.nameOf(c.cityGroup())),
                c.title(), c.problem(), c.budgetCap(), window.opensAt(), window.closesAt(),
                "Eligibility as set by the cycle's bylaws: programme area, company size, budget cap, "
                        + "technology readiness level " + c.minTrl() + " or more, signed declarations.",
                "Weighted jury scores: fit, innovation, team, price, replicability, open data use.",
                List.of(), List.of(), Instant.now(), challenges.extrasOf(challengeId).stream()
                        .map(e -> new OcdsFacts.CityFund(e.kind().name(), e.kind().english(), e.description(), e.amount()))
                        .toList()));
    }
}
