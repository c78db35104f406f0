/** Open data: the accelerator's own contracting published in OCDS 1.1.5, validated before it is served. */
package eu.smartcity.accelerator.opendata;
