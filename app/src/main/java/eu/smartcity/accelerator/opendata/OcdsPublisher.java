package eu.smartcity.accelerator.opendata;

/**
 * Publishes OCDS releases for the accelerator's contracting processes (one ocid per challenge).
 * Call it only with final facts: nothing about a running selection, no scores, no natural persons.
 * Each release is validated before it is stored; an invalid one throws and nothing is stored.
 */
public interface OcdsPublisher {

    String ocidFor(String challengeId);

    String publishTender(OcdsFacts.Tender tender);

    String publishAward(OcdsFacts.Award award);

    String publishContract(OcdsFacts.Contract contract);

    String publishImplementation(OcdsFacts.Implementation implementation);

    /** One release (tender, award and contract at once) in the replication's own ocid, related to the original as prior. */
    String publishReplication(OcdsFacts.Replication replication);

    /** One release in the joining city's own ocid, related to the framework contract as framework. */
    String publishFrameworkJoin(OcdsFacts.FrameworkJoin join);
}
