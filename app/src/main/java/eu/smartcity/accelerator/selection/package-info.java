/** Selection: eligibility, the jury (conflicts of interest, scoring), ranking and the coordinator's approval. */
package eu.smartcity.accelerator.selection;
