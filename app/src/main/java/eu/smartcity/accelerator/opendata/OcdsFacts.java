package eu.smartcity.accelerator.opendata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the features tell open data about a contracting process, once it is final. Parties are
 * organisations (a city, a company), never natural persons; amounts are in euro.
 */
public final class OcdsFacts {

    private OcdsFacts() {}

    /** An organisation: Camunda group id (stable) and its public name. */
    public record Party(String id, String name) {}

    /** A public document (challenge text, bylaws, signed contract). */
    public record Document(String id, String documentType, String title, String url, Instant datePublished) {}

    /** A link to another contracting process: {@code prior} for a replication, {@code framework} for a join. */
    public record RelatedProcess(String relationship, String ocidOrId, String title) {}

    /**
     * The challenge is published: the call is open. {@code budgetCap} is the pilot's (the tender's value);
     * {@code cityFunds} is what the city funds beside the pilot, outside that value.
     */
    public record Tender(String challengeId, Party buyer, String title, String description, BigDecimal budgetCap,
            Instant callOpens, Instant callCloses, String eligibilityCriteria, String awardCriteria,
            List<Document> documents, List<RelatedProcess> relatedProcesses, Instant publishedAt, List<CityFund> cityFunds) {

        public Tender(String challengeId, Party buyer, String title, String description, BigDecimal budgetCap,
                Instant callOpens, Instant callCloses, String eligibilityCriteria, String awardCriteria,
                List<Document> documents, List<RelatedProcess> relatedProcesses, Instant publishedAt) {
            this(challengeId, buyer, title, description, budgetCap, callOpens, callCloses, eligibilityCriteria, awardCriteria,
                    documents, relatedProcesses, publishedAt, List.of());
        }
    }

    /** One thing the city funds beside the pilot: kind (EQUIPMENT, DATA_ACCESS, OTHER), its English name, what, EUR. */
    public record CityFund(String kind, String kindName, String description, BigDecimal amount) {}

    /** The coordinator approved the selection: the award is final. */
    public record Award(String challengeId, String awardId, Party supplier, String title, BigDecimal amount,
            Instant decidedAt) {}

    /** Both parties signed (status {@code active}) or the city declined ({@code cancelled}). */
    public record Contract(String challengeId, String contractId, String awardId, String title, BigDecimal amount,
            String status, Instant date, Document signedDocument) {}

    /**
     * A finished pilot replicated by another city, once both signed: its own contracting process
     * (ocid from {@code replicationId}), a direct award to the original supplier, linked to the original
     * process as {@code prior}.
     */
    public record Replication(String replicationId, String originalChallengeId, Party buyer, Party supplier, String title,
            BigDecimal amount, String contractId, Instant signedAt, Document signedDocument) {}

    /**
     * A city joined another authority's framework contract (approved by that authority): the joining
     * city's own contracting process (ocid from {@code joinId}), related to the framework as {@code framework}.
     */
    public record FrameworkJoin(String joinId, String frameworkId, String frameworkTitle, Party buyer, Party authority,
            Instant approvedAt) {}

    /** A pilot milestone: status {@code scheduled}, {@code met} or {@code notMet}. */
    public record Milestone(String id, String title, String status, LocalDate dueDate, Instant dateMet) {}

    /** Pilot progress for a signed contract. */
    public record Implementation(String challengeId, String contractId, String awardId, List<Milestone> milestones,
            Instant date) {}
}
