/** Contracts: drafted from the bylaws' template, negotiated, checked, signed by both parties or declined. */
package eu.smartcity.accelerator.contract;
