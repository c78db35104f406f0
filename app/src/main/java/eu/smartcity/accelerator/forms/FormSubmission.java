package eu.smartcity.accelerator.forms;

import java.util.List;
import java.util.Map;

/**
 * A submitted form after validation: the typed values (what goes into the process), the raw input
 * (what the user typed, to show the form again unchanged) and the problems per field key.
 */
public record FormSubmission(Map<String, Object> values, Map<String, String> raw, Map<String, Problem> problems) {

    /** A message code ({@code form.error.*}) and its arguments, resolved in the user's language by the page. */
    public record Problem(String code, List<Object> args) {}

    public boolean valid() {
        return problems.isEmpty();
    }
}
