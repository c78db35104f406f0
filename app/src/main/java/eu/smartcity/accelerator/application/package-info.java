/** Applications: a company applies to a challenge, may withdraw before the deadline and follows its status. */
package eu.smartcity.accelerator.application;
