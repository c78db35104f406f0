package eu.smartcity.accelerator.documents;

import java.util.Optional;
import java.util.UUID;

/**
 * What the reports need to know of a challenge's contract, published by the contract module (which depends on this
 * one for its PDF and signature, so this module asks through an interface it owns rather than reading the tables).
 */
public interface ContractOutcomes {

    /** {@code status} a contract status code (message key {@code contract.status.<status>}). */
    record ContractOutcome(String companyGroup, String status) {}

    /** The challenge's own contract (not a replication's): the signed one if any. */
    Optional<ContractOutcome> ofChallenge(UUID challengeId);
}
