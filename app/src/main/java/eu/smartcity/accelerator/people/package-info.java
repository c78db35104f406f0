/**
 * People in the portal (coordinators only): invitations of city officers and jury members (a jury pool per cycle),
 * and roles and organisations managed without Camunda Admin. The rules live in identity ({@code Invitations},
 * {@code People}, {@code JuryPool}); this feature is their pages, where the cycles are named.
 */
package eu.smartcity.accelerator.people;
