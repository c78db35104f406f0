package eu.smartcity.accelerator.forms;

import java.math.BigDecimal;
import java.util.List;

/**
 * One component of a Camunda Form, reduced to what the portal renders and validates.
 *
 * @param type one of {@link FormDefinitions#SUPPORTED_TYPES}
 * @param key the process variable it reads and writes (null for static text)
 * @param text the Markdown-ish text of a {@code text} component
 * @param decimalDigits for numbers: 0 = whole numbers (submitted as Long), otherwise a Double
 * @param confirmOutcomes for a decision: the option values that are negative or destructive (refuse, send
 *        back, stop…); choosing one needs a reason in {@code reasonField} and a confirmation (custom
 *        properties {@code confirm} and {@code reasonField} of the form file)
 */
public record FormComponent(String id, String type, String key, String label, String text, boolean required,
        BigDecimal min, BigDecimal max, Integer minLength, Integer maxLength, String pattern, Integer decimalDigits,
        List<Option> options, List<String> confirmOutcomes, String reasonField) {

    public record Option(String label, String value) {}

    public boolean isInput() {
        return key != null;
    }

    /** The field's maxLength, or {@link FormValidator#DEFAULT_MAX_LENGTH} as an input limit. */
    public int effectiveMaxLength() {
        return maxLength != null ? maxLength : FormValidator.DEFAULT_MAX_LENGTH;
    }

    /** A choice (radio, select, checkbox): never preselected, never pre-filled from an earlier round. */
    public boolean isChoice() {
        return type.equals("radio") || type.equals("select") || type.equals("checkbox");
    }

    /** True when this value is an outcome that needs a reason and a confirmation. */
    public boolean needsConfirmation(Object value) {
        return value != null && confirmOutcomes.contains(value.toString());
    }

    /** The label of an option value in the form file (English), or the value itself. */
    public String optionLabel(String value) {
        return options.stream().filter(o -> o.value().equals(value)).map(Option::label).findFirst().orElse(value);
    }

    public boolean wholeNumber() {
        return decimalDigits != null && decimalDigits == 0;
    }
}
