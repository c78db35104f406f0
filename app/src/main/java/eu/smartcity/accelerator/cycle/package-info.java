/** Accelerator cycles and their bylaws: a cycle pins the bylaws version it opened with. */
package eu.smartcity.accelerator.cycle;
