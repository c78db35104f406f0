package eu.smartcity.accelerator.application;

import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.scoring.Decisions;
import eu.smartcity.accelerator.scoring.EligibilityCheck;
import eu.smartcity.accelerator.scoring.EligibilityFacts;
import eu.smartcity.accelerator.scoring.EligibilityVerdict;
import eu.smartcity.accelerator.workflow.DecisionAudit;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The {@code eligibility} table on what a company entered, before the deadline: the same facts the challenge
 * process gives it after the deadline ({@link #facts}), so a company learns at once what the table will say.
 * The bylaws ({@code eligibility.checkAtSubmission}) decide whether a failing application is refused or taken.
 */
@Service
public class SubmissionEligibility {

    private final Challenges challenges;
    private final Cycles cycles;
    private final EligibilityCheck eligibility;

    SubmissionEligibility(Challenges challenges, Cycles cycles, EligibilityCheck eligibility) {
        this.challenges = challenges;
        this.cycles = cycles;
        this.eligibility = eligibility;
    }

    /** The table's inputs for one application to a challenge under its cycle's bylaws: the stricter of challenge and bylaws. */
    public static EligibilityFacts facts(Boolean legalEntity, String country, Integer employees, BigDecimal requestedBudget,
            Integer trl, Boolean declarationsSigned, Boolean interoperable, Challenges.ChallengeView challenge, Bylaws bylaws) {
        return new EligibilityFacts(legalEntity, country, country == null ? null : bylaws.programmeCountries().contains(country),
                employees, requestedBudget, challenge.budgetCap().min(bylaws.budgetPerPilot()), trl,
                Math.max(challenge.minTrl(), bylaws.minTrl()), declarationsSigned, interoperable,
                bylaws.requireLegalEntity(), bylaws.requireInteroperable());
    }

    /** What the bylaws of the challenge's cycle say to do with a failing application at submission. */
    public Bylaws.AtSubmission policy(UUID challengeId) {
        return bylawsOf(challenges.find(challengeId).orElseThrow()).checkAtSubmission();
    }

    /** The bylaws pinned by the challenge's cycle: read once by a submission, for {@link #check(Applications.Submission, UUID, Challenges.ChallengeView, Bylaws)}. */
    public Bylaws bylawsOf(Challenges.ChallengeView challenge) {
        return cycles.bylawsOf(challenge.cycleId());
    }

    /** The facts of a submission, for wording the check. */
    public EligibilityFacts factsOf(Applications.Submission s) {
        Challenges.ChallengeView challenge = challenges.find(s.challengeId()).orElseThrow();
        return factsOf(s, challenge, bylawsOf(challenge));
    }

    private static EligibilityFacts factsOf(Applications.Submission s, Challenges.ChallengeView challenge, Bylaws bylaws) {
        return facts(s.legalEntity(), s.country(), s.employees(), s.requestedBudget(), s.trl(), s.declarationsSigned(),
                s.interoperable(), challenge, bylaws);
    }

    /**
     * Checks a submission and records the evaluation as a {@link Decisions#SUBJECT_SUBMISSION}: under the
     * application's id once it exists (warn), else under "challenge/company" (a refusal, a draft). Never as the
     * application's own eligibility record, which only the process's check after the deadline writes (once).
     */
    public EligibilityVerdict check(Applications.Submission s, UUID applicationIdOrNull) {
        return check(s, applicationIdOrNull, factsOf(s));
    }

    /**
     * The same with the challenge and its bylaws the caller has already read (the submission's transaction reads them
     * once, issue 19); {@code challenge} must be the submission's own.
     */
    public EligibilityVerdict check(Applications.Submission s, UUID applicationIdOrNull, Challenges.ChallengeView challenge, Bylaws bylaws) {
        if (!challenge.id().equals(s.challengeId())) {
            throw new IllegalArgumentException("Challenge " + challenge.id() + " is not the submission's " + s.challengeId());
        }
        return check(s, applicationIdOrNull, factsOf(s, challenge, bylaws));
    }

    private EligibilityVerdict check(Applications.Submission s, UUID applicationIdOrNull, EligibilityFacts facts) {
        DecisionAudit audit = DecisionAudit.of(Decisions.SUBJECT_SUBMISSION, applicationIdOrNull != null
                ? applicationIdOrNull.toString() : s.challengeId() + "/" + s.companyGroup());
        return eligibility.check(audit, facts);
    }
}
