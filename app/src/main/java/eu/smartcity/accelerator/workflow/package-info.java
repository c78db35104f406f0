/** Engine wiring: Camunda 7 for processes and forms, Flowable DMN behind the {@link eu.smartcity.accelerator.workflow.DecisionService} port. */
package eu.smartcity.accelerator.workflow;
