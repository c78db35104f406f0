/** Root of the application; each direct sub-package is one feature module (verified by ModularityTests). */
package eu.smartcity.accelerator;
