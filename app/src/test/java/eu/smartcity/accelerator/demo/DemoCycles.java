package eu.smartcity.accelerator.demo;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * The default profile's demo cycle (challenges at every stage), made by a test method on a database that
 * already has other cycles (the PostgreSQL ITs share one): {@link DemoCycle} itself adds it only to an empty one.
 */
public final class DemoCycles {

    private DemoCycles() {}

    /** Drives a new demo cycle through the real processes and returns its id. */
    public static UUID create(Cycles cycles, Challenges challenges, Applications applications, ProcessEngine engine,
            TaskCompletions completions) {
        return new DemoCycle(cycles, challenges, applications, engine, completions, true, true).create();
    }
}
