/** Challenges: a city defines one, the coordinator approves it, the call is published and closed. */
package eu.smartcity.accelerator.challenge;
