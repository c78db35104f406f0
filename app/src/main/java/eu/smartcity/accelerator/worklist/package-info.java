/**
 * The portal's task list: the user tasks of every process that a city officer, company or jury
 * member may do, each rendered from its Camunda Form and validated on the server. Coordinators may
 * use it too, but they have Tasklist and Cockpit.
 */
package eu.smartcity.accelerator.worklist;
