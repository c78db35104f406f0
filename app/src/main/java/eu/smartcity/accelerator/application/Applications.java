package eu.smartcity.accelerator.application;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A company's applications to challenges. */
public interface Applications {

    /**
     * What a company fills in when it applies. Its constraints are the one statement of the input rules: the
     * service checks a submission against them, the apply page checks each typed field against them. A message is
     * a bundle key (apply.error.<field>) in braces, a sentence about the field in the reader's language.
     */
    record Submission(UUID challengeId,
            @NotNull(message = "{apply.error.companyGroup}") @Pattern(regexp = "company-.+", message = "{apply.error.companyGroup}")
            String companyGroup,
            @NotBlank(message = "{apply.error.solutionTitle}") @Size(max = 200, message = "{apply.error.solutionTitle}")
            String solutionTitle,
            @NotBlank(message = "{apply.error.pitch}") @Size(max = 4000, message = "{apply.error.pitch}") String pitch,
            @NotNull(message = "{apply.error.requestedBudget}") @DecimalMin(value = "1", message = "{apply.error.requestedBudget}")
            BigDecimal requestedBudget,
            @NotNull(message = "{apply.error.trl}") @Min(value = 1, message = "{apply.error.trl}") @Max(value = 9, message = "{apply.error.trl}")
            int trl,
            boolean legalEntity,
            @NotBlank(message = "{apply.error.country}") @Pattern(regexp = "[A-Z]{2}", message = "{apply.error.country}") String country,
            @NotNull(message = "{apply.error.employees}") @Min(value = 1, message = "{apply.error.employees}")
            @Max(value = 10_000_000, message = "{apply.error.employees}") int employees,
            boolean interoperable, boolean declarationsSigned) {

        /** The fields in the order a form shows them (the first broken rule is named). */
        public static final List<String> FIELDS = List.of(ApplicationProcess.COMPANY_GROUP.name(), "solutionTitle", "pitch", "requestedBudget", "trl",
                "country", "employees");
    }

    record ApplicationView(UUID id, UUID challengeId, String companyGroup, String solutionTitle, String pitch,
            BigDecimal requestedBudget, int trl, boolean legalEntity, String country, int employees,
            boolean interoperable, boolean declarationsSigned, Instant submittedAt, String status,
            List<String> ineligibilityReasons) {

        /** {@code status} is the name of an {@link ApplicationStatus} (message key {@code status.<status>}). */
        public ApplicationStatus applicationStatus() {
            return ApplicationStatus.valueOf(status);
        }
    }

    /**
     * Submits and starts the application's process.
     *
     * @throws ApplicationRefusedException when the call is not open (not yet published, or closed: late)
     */
    UUID submit(Submission submission);

    /**
     * {@link #submit(Submission)} as it reached the server at {@code receivedAt}: the deadline is judged, and the
     * submission dated, by when the company sent it, not by when a busy server came to it.
     */
    UUID submit(Submission submission, Instant receivedAt);

    /** Withdraws before the deadline; only the applying company may. */
    void withdraw(UUID applicationId, String companyGroup);

    Optional<ApplicationView> find(UUID applicationId);

    /** Applications of one company only: a company never sees another's. */
    List<ApplicationView> ofCompany(String companyGroup);

    /** Applications still in the race (submitted, not withdrawn), oldest first. */
    List<ApplicationView> submittedTo(UUID challengeId);

    List<ApplicationView> eligibleFor(UUID challengeId);

    /** Every application a challenge received and that was not withdrawn, whatever became of it since. */
    List<ApplicationView> receivedBy(UUID challengeId);

    /** Records the eligibility verdict (the failed conditions' reason codes; none: eligible) and tells the application's process. */
    void decideEligibility(UUID applicationId, List<String> reasons);

    /**
     * The same for many applications of one check, in the map's order: their processes are looked up together (one
     * statement instead of one per application: issue 19, slice announce).
     */
    void decideEligibility(java.util.Map<UUID, List<String>> reasonsByApplication);

    /** Tells every eligible application whether it was selected. */
    void announceSelection(UUID challengeId, UUID selectedApplicationId);

    /** The challenge ended without a selection (no quorum): every application under review ends as {@code NO_SELECTION}. */
    void noSelectionMade(UUID challengeId);

    /**
     * The challenge stopped before its selection (withdrawn, or its cycle closed): every application still submitted
     * or under review ends in {@code ending} ({@link ApplicationStatus#CHALLENGE_WITHDRAWN} or
     * {@link ApplicationStatus#CYCLE_CLOSED}) and its company is told, with the reason when there is one.
     */
    void challengeStopped(UUID challengeId, ApplicationStatus ending, String reason);

    /**
     * The selected application's later milestones, each in the transaction of the step that makes it: the
     * company signed its contract, the contract concluded (signed, declined or expired), the pilot kicked off,
     * ended, was evaluated. Only for the application's own contract and pilot, never a replication's.
     */
    void companySigned(UUID applicationId);

    void contractConcluded(UUID applicationId, ChallengeProcess.ContractOutcome contractOutcome);

    void pilotKickedOff(UUID applicationId);

    void pilotEnded(UUID applicationId);

    void pilotEvaluated(UUID applicationId);

    /**
     * What anyone may know of a challenge's selection: counts at any time, the selected application
     * (company and solution, no scores) only once the selection is announced.
     */
    record PublicResults(int received, int eligible, boolean isFinal, List<ApplicationView> selected) {}

    PublicResults publicResults(UUID challengeId);

    /** One change of an application's status ({@link ApplicationStatus}), and when (null: before these were kept). */
    record StatusChange(ApplicationStatus status, Instant at) {}

    /** Every status the application had, oldest first: the company's timeline. */
    List<StatusChange> history(UUID applicationId);

    /** The steps the application went through, oldest first, as names of the application process. */
    List<String> timeline(UUID applicationId);

    /** One step of the timeline: the process element (whose id keys the label in each language) and its name. */
    record TimelineStep(String activityId, String name) {}

    /** The timeline with the element ids, for pages that show it in the user's language. */
    List<TimelineStep> timelineSteps(UUID applicationId);
}
