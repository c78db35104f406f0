package eu.smartcity.accelerator.application;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Which application each score task is for, by the task's execution id: the selection keeps it in its own records
 * (issue 19), not in the process. A port, because the selection depends on applications and not the other way round;
 * an execution not listed (a score task opened before those records) still has its process variable.
 */
public interface ScoredApplications {

    Map<String, UUID> applicationsScoredIn(Collection<String> executionIds);

    /**
     * The member was given this application to score on this challenge, by the selection's records: a score task opened
     * for them (open, marked or ended unmarked). False for a score task opened before those records named the member
     * (V213): its engine history says.
     */
    boolean givenToScore(String member, UUID challengeId, UUID applicationId);
}
