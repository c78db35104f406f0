package eu.smartcity.accelerator.pilot.internal;

/** Where a pilot stands; persisted by name (the values the column always held). */
public enum PilotStatus { RUNNING, STOPPED_EARLY, COMPLETED }
