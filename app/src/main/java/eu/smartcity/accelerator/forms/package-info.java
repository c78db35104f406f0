/**
 * Camunda Forms ({@code forms/*.form}) for the portal: the same definitions Tasklist renders are
 * read here, rendered by {@code templates/forms/fields.html} and validated on the server, so a
 * form's rules live in one place.
 */
package eu.smartcity.accelerator.forms;
