/** Pilots: kick-off, infrastructure readiness, milestone reports with reminders and escalation, demo; replication of a finished pilot. */
package eu.smartcity.accelerator.pilot;
