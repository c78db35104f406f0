package eu.smartcity.accelerator.identity;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A cycle's jury pool: the jury members a coordinator invited into that cycle, with the languages they work in
 * and their expertise. The selection seats a challenge's jury from its cycle's pool ({@link #drawOrder}).
 */
public interface JuryPool {

    record Member(UUID cycleId, String userId, Set<String> languages, List<String> expertise) {}

    /** The pool of a cycle, oldest first; members who lost the jury role or were deactivated are left out. */
    List<Member> of(UUID cycleId);

    /** The cycles whose pool lists the user, whether or not they still hold the role or are deactivated. */
    List<UUID> cyclesOf(String userId);

    /** Adds the member to the pool, or updates their languages and expertise. */
    void add(UUID cycleId, String userId, Set<String> languages, List<String> expertise);

    /**
     * The pool in the order seats are drawn: first those working in one of the challenge's languages, then by how
     * many of their expertise keywords occur in the challenge's text, then in pool order (stable). Empty when
     * the cycle has no pool (the whole jury group is drawn from then, as before pools existed).
     */
    List<String> drawOrder(UUID cycleId, Set<String> challengeLanguages, String challengeText);

    /** Every holder of the jury role, by user id (the draw for a cycle without a pool). */
    List<String> wholeJury();
}
