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
 */
public record FormComponent(String id, String type, String key, String label, String text, boolean required,
        BigDecimal min, BigDecimal max, Integer minLength, Integer maxLength, String pattern, Integer decimalDigits,
        List<Option> options) {

    public record Option(String label, String value) {}

    public boolean isInput() {
        return key != null;
    }

    /** The field's maxLength, or {@link FormValidator#DEFAULT_MAX_LENGTH} as an input limit. */
    public int effectiveMaxLength() {
        return maxLength != null ? maxLength : FormValidator.DEFAULT_MAX_LENGTH;
    }

    public boolean wholeNumber() {
        return decimalDigits != null && decimalDigits == 0;
    }
}
