package eu.smartcity.accelerator.cycle;

import java.util.List;
import java.util.UUID;

/** Opens cycles and answers which rules a cycle runs under. */
public interface Cycles {

    /** Opens a cycle under a published bylaws version, copied into the cycle (pinned); a draft or unknown version is refused. */
    CycleView open(String name, String bylawsVersion);

    /** The bylaws the cycle opened with, from its pinned copy: later changes to the files do not apply. */
    Bylaws bylawsOf(UUID cycleId);

    CycleView get(UUID cycleId);

    List<CycleView> all();

    /** The coordinator closed the cycle: no new challenges. */
    void close(UUID cycleId);

    /**
     * A coordinator closes an open cycle in the portal: it takes no new challenges from now on, and its
     * accelerator-cycle process completes the close step and writes the cycle report.
     * @throws IllegalStateException when the cycle is closed already
     */
    void closeByCoordinator(UUID cycleId, String coordinator);

    /** What the portal and other features may know of a cycle. */
    record CycleView(UUID id, String name, String bylawsVersion, String rulesSha256, String status) {}
}
