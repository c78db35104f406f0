/**
 * Eligibility, applicant scoring with jury aggregation and ranking, and solution matching — on the
 * decision tables in {@code processes/}, every evaluation recorded and explainable.
 */
package eu.smartcity.accelerator.scoring;
