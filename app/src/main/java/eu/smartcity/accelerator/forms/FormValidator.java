package eu.smartcity.accelerator.forms;

import eu.smartcity.accelerator.shared.RuleViolationException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a submission against its form definition, the same rules Camunda's form-js enforces in
 * Tasklist (required, min/max, minLength/maxLength, pattern, allowed values), and types the values.
 * Keys that are not inputs of the form are dropped: a user cannot set other process variables.
 */
public final class FormValidator {

    /** Upper bound for a text without its own maxLength: an input limit, not a business rule. */
    public static final int DEFAULT_MAX_LENGTH = 10_000;
    /** Message key: the chosen outcome needs a reason. */
    public static final String REASON_REQUIRED = "form.error.reasonRequired";

    private FormValidator() {}

    public static FormSubmission validate(FormDefinition form, Map<String, String> input) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, FormSubmission.Problem> problems = new LinkedHashMap<>();
        for (FormComponent field : form.inputs()) {
            String given = input.get(field.key());
            if (given != null) {
                raw.put(field.key(), given);
            }
            FormSubmission.Problem problem = switch (field.type()) {
                case "checkbox" -> checkbox(field, given, values);
                case "number" -> number(field, given, values);
                case "radio", "select" -> choice(field, given, values);
                default -> text(field, given, values);
            };
            if (problem != null) {
                problems.put(field.key(), problem);
            }
        }
        // A negative or destructive outcome owes the people it affects a reason (form-js cannot say "required when").
        for (FormComponent decision : form.toConfirm(values)) {
            Object reason = values.get(decision.reasonField());
            if ((reason == null || reason.toString().isBlank()) && !problems.containsKey(decision.reasonField())) {
                problems.put(decision.reasonField(), problem(REASON_REQUIRED));
            }
        }
        return new FormSubmission(values, raw, problems);
    }

    /**
     * A rule the form cannot express, broken and reported by the domain as a {@link RuleViolationException}
     * (for example the budget cap of the cycle's bylaws): its message key and arguments placed next to its
     * field, or next to the first field when the form has no such field. Any other refusal is said in general
     * words ({@code form.error.rejected}): an exception's English text is never shown.
     */
    public static Map<String, FormSubmission.Problem> withRuleViolation(FormDefinition form,
            Map<String, FormSubmission.Problem> problems, IllegalArgumentException violation) {
        Map<String, FormSubmission.Problem> all = new LinkedHashMap<>(problems);
        String named = violation instanceof RuleViolationException rule ? rule.field() : "";
        String field = form.input(named).isPresent() ? named : form.inputs().isEmpty() ? "" : form.inputs().get(0).key();
        all.put(field, violation instanceof RuleViolationException rule
                ? new FormSubmission.Problem(rule.messageKey(), List.of(rule.args()))
                : new FormSubmission.Problem("form.error.rejected", List.of()));
        return all;
    }

    private static FormSubmission.Problem checkbox(FormComponent field, String given, Map<String, Object> values) {
        // A browser sends an unticked box as nothing at all.
        boolean ticked = given != null && (given.equals("true") || given.equals("on"));
        values.put(field.key(), ticked);
        return field.required() && !ticked ? problem("form.error.required") : null;
    }

    private static FormSubmission.Problem text(FormComponent field, String given, Map<String, Object> values) {
        String text = given == null ? "" : given.strip();
        values.put(field.key(), text.isEmpty() ? null : text);
        if (text.isEmpty()) {
            return field.required() ? problem("form.error.required") : null;
        }
        int max = field.effectiveMaxLength();
        if (text.length() > max) {
            return problem("form.error.maxLength", max);
        }
        if (field.minLength() != null && text.length() < field.minLength()) {
            return problem("form.error.minLength", field.minLength());
        }
        if (field.pattern() != null && !text.matches(field.pattern())) {
            return problem("form.error.pattern");
        }
        return null;
    }

    private static FormSubmission.Problem number(FormComponent field, String given, Map<String, Object> values) {
        String text = given == null ? "" : given.strip();
        values.put(field.key(), null);
        if (text.isEmpty()) {
            return field.required() ? problem("form.error.required") : null;
        }
        BigDecimal number;
        try {
            // Browsers send number inputs with a dot; people who type into a plain field use a comma.
            number = new BigDecimal(text.replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            return problem("form.error.number");
        }
        if (field.wholeNumber() && number.stripTrailingZeros().scale() > 0) {
            return problem("form.error.wholeNumber");
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            return problem("form.error.min", field.min().toPlainString());
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            return problem("form.error.max", field.max().toPlainString());
        }
        if (field.wholeNumber()) {
            try {
                values.put(field.key(), number.longValueExact());
            } catch (ArithmeticException tooLarge) {
                return problem("form.error.number");
            }
        } else {
            values.put(field.key(), number.doubleValue());
        }
        return null;
    }

    private static FormSubmission.Problem choice(FormComponent field, String given, Map<String, Object> values) {
        String value = given == null ? "" : given.strip();
        values.put(field.key(), value.isEmpty() ? null : value);
        if (value.isEmpty()) {
            return field.required() ? problem("form.error.required") : null;
        }
        boolean allowed = field.options().stream().anyMatch(o -> o.value().equals(value));
        return allowed ? null : problem("form.error.option");
    }

    private static FormSubmission.Problem problem(String code, Object... args) {
        return new FormSubmission.Problem(code, List.of(args));
    }
}
