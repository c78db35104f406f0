package eu.smartcity.accelerator.cycle;

import java.util.List;
import java.util.UUID;

/** Opens cycles and answers which rules a cycle runs under. */
public interface Cycles {

    /** Opens a cycle under the current text of that bylaws version, copied into the cycle (pinned). */
    CycleView open(String name, String bylawsVersion);

    /** The bylaws the cycle opened with, from its pinned copy: later changes to the files do not apply. */
    Bylaws bylawsOf(UUID cycleId);

    CycleView get(UUID cycleId);

    List<CycleView> all();

    /** The coordinator closed the cycle: no new challenges. */
    void close(UUID cycleId);

    /** What the portal and other features may know of a cycle. */
    record CycleView(UUID id, String name, String bylawsVersion, String rulesSha256, String status) {}
}
