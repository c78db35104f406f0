/** Evaluation of a pilot: KPIs against targets, citizen survey beside measured behaviour, the city's verdict. */
package eu.smartcity.accelerator.evaluation;
