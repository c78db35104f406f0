/** Who a user is and which organisation they act for: Camunda's identity tables are the single user store. */
package eu.smartcity.accelerator.identity;
