/**
 * Overviews per role: a city's challenges and the form to define a new one, and the coordinator's
 * cycle dashboard (stages, deadlines, overdue tasks, open incidents) that links into Tasklist and Cockpit.
 */
package eu.smartcity.accelerator.dashboard;
