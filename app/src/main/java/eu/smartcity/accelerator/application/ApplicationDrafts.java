package eu.smartcity.accelerator.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A company's unfinished application to one call, saved and resumed until the deadline. A draft is not an
 * application: no process, not counted, never published, and only its company reads it (every method takes
 * the company). Text fields only, all optional within the form's input limits; attachments come at submission.
 */
public interface ApplicationDrafts {

    record Draft(UUID challengeId, String companyGroup, String solutionTitle, String pitch, BigDecimal requestedBudget,
            Integer trl, boolean legalEntity, String country, Integer employees, boolean interoperable,
            boolean declarationsSigned, Instant savedAt) {}

    /**
     * Creates or replaces the company's one draft for the call.
     *
     * @throws ApplicationRefusedException when the call is not open (a draft after the deadline is kept read-only)
     * @throws IllegalArgumentException when a field is beyond its input limit ("field: problem")
     */
    Draft save(Draft draft, String savedBy);

    Optional<Draft> find(UUID challengeId, String companyGroup);

    /** The company's drafts, last saved first. */
    List<Draft> ofCompany(String companyGroup);

    /** The companies holding a draft for this call (e.g. to tell them the call was extended). */
    List<String> holdersOf(UUID challengeId);

    /** Deletes the company's draft for the call; false when there was none. */
    boolean discard(UUID challengeId, String companyGroup);
}
