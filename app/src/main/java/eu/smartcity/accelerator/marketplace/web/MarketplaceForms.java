package eu.smartcity.accelerator.marketplace.web;

import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.identity.Roles;
import eu.smartcity.accelerator.marketplace.internal.NotFoundException;
import java.beans.PropertyEditorSupport;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.security.core.Authentication;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * How the marketplace pages read their form records: text trimmed (blank is absent), amounts typed with spaces or
 * thousands separators, and each field's problem as the bundle key its constraint names (the pages show
 * {@code problems} next to the fields and the text typed, {@code raw}, in them).
 */
@ControllerAdvice(basePackages = {"eu.smartcity.accelerator.marketplace.catalogue", "eu.smartcity.accelerator.marketplace.frameworks",
        "eu.smartcity.accelerator.marketplace.library", "eu.smartcity.accelerator.marketplace.replication",
        "eu.smartcity.accelerator.marketplace.prospection"})
public class MarketplaceForms {

    @InitBinder
    void readFormsAsTyped(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
        binder.registerCustomEditor(Integer.class, leniently(Integer::valueOf));
        binder.registerCustomEditor(Long.class, leniently(Long::valueOf));
        binder.registerCustomEditor(BigDecimal.class, leniently(text -> new BigDecimal(text.replace(" ", "").replace(",", ""))));
        binder.registerCustomEditor(LocalDate.class, leniently(LocalDate::parse));
        binder.registerCustomEditor(Boolean.class, leniently(text -> "true".equals(text) || "on".equals(text)));
    }

    /**
     * Text that is no number (or date) is read as nothing rather than failing the whole form record: every other
     * field is still checked, and {@link #problems} names the unreadable field with its own constraint's key.
     */
    private static PropertyEditorSupport leniently(Function<String, Object> parse) {
        return new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                try {
                    setValue(text == null || text.isBlank() ? null : parse.apply(text.trim()));
                } catch (RuntimeException unreadable) {
                    setValue(null);
                }
            }
        };
    }

    /**
     * Field → bundle key of its first problem: the message of the constraint it breaks, or for a value typed but
     * unreadable (letters for a number, no date) the key of the field's own first constraint, e.g. "a whole number
     * from 1 to 9" for a TRL typed as "high".
     */
    public static Map<String, String> problems(Record form, BindingResult errors, Map<String, String> raw) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (FieldError error : errors.getFieldErrors()) {
            problems.putIfAbsent(error.getField(), error.isBindingFailure() ? constraintKey(form.getClass(), error.getField())
                    : error.getDefaultMessage());
        }
        for (RecordComponent component : form.getClass().getRecordComponents()) {
            String typed = raw.get(component.getName());
            if (typed != null && !typed.isBlank() && valueOf(component, form) == null) {
                problems.putIfAbsent(component.getName(), constraintKey(form.getClass(), component.getName()));
            }
        }
        return problems;
    }

    private static Object valueOf(RecordComponent component, Record form) {
        try {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true); // the forms are package-private records of their sub-feature
            return accessor.invoke(form);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String constraintKey(Class<?> form, String field) {
        try {
            for (Annotation a : form.getDeclaredField(field).getAnnotations()) {
                Method message = a.annotationType().getMethod("message");
                return (String) message.invoke(a);
            }
        } catch (ReflectiveOperationException e) {
            // no constraint on the field: the general key below
        }
        return "market.error.format";
    }

    /** The signed-in city officer's city, or null for visitors and everyone else. */
    public static String city(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        CurrentUser user = CurrentUser.of(authentication);
        return user.has(Roles.CITY_OFFICERS) ? user.city().orElse(null) : null;
    }

    /** The city a city officer acts for (the security rules let no one else reach these pages). */
    public static String ownCity(CurrentUser user) {
        return user.city().orElseThrow(() -> new NotFoundException("city for " + user.userId()));
    }

    /** The company a supplier acts for. */
    public static String company(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        return user.company().orElseThrow(() -> new NotFoundException("company for " + user.userId()));
    }

    public static String trimmed(String text) {
        return StringUtils.hasText(text) ? text.trim() : null;
    }

    MarketplaceForms() {}
}
