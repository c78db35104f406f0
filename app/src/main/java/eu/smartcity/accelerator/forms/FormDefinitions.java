package eu.smartcity.accelerator.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Every {@code forms/*.form} on the classpath, read once at start-up. A file with a component type
 * or a validation rule the portal does not implement stops the start (and fails
 * {@code FormDefinitionsTest}): silently dropping a rule would let the portal accept what Tasklist refuses.
 */
@Service
public class FormDefinitions {

    /** The Camunda Forms component types the portal renders ({@code templates/forms/fields.html}). */
    public static final Set<String> SUPPORTED_TYPES = Set.of("text", "textfield", "textarea", "number", "checkbox",
            "radio", "select");
    /** Component attributes that only affect Camunda's own layout or tooling; everything else must be understood. */
    private static final Set<String> KNOWN_ATTRIBUTES = Set.of("id", "type", "key", "label", "text", "validate",
            "values", "decimalDigits", "description", "layout", "increment", "defaultValue", "properties");
    /** Custom properties the portal understands (Tasklist ignores custom properties; the process enforces them). */
    private static final Set<String> SUPPORTED_PROPERTIES = Set.of("confirm", "reasonField");
    private static final Set<String> SUPPORTED_RULES = Set.of("required", "min", "max", "minLength", "maxLength",
            "pattern");

    private final Map<String, FormDefinition> byId = new TreeMap<>();

    @Autowired
    public FormDefinitions(ObjectMapper json) throws IOException {
        this(json, "classpath*:forms/*.form");
    }

    FormDefinitions(ObjectMapper json, String locationPattern) throws IOException {
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources(locationPattern)) {
            try (InputStream in = resource.getInputStream()) {
                FormDefinition form = parse(json.readTree(in), resource.getFilename());
                if (byId.put(form.id(), form) != null) {
                    throw new UnsupportedFormException(resource.getFilename() + ": a second form with id " + form.id());
                }
            }
        }
    }

    public FormDefinition get(String formId) {
        FormDefinition form = byId.get(formId);
        if (form == null) {
            throw new NoSuchElementException("No form " + formId);
        }
        return form;
    }

    public Collection<FormDefinition> all() {
        return byId.values();
    }

    /** Reads one form file; public so that tests can feed in a file the project does not ship. */
    public static FormDefinition parse(JsonNode root, String source) {
        String id = root.path("id").asText(null);
        if (id == null || id.isBlank()) {
            throw new UnsupportedFormException(source + ": the form has no id");
        }
        List<FormComponent> components = new ArrayList<>();
        for (JsonNode node : root.path("components")) {
            components.add(component(node, source));
        }
        FormDefinition form = new FormDefinition(id, source, List.copyOf(components));
        for (FormComponent decision : form.decisions()) {
            if (decision.reasonField() == null || form.input(decision.reasonField()).isEmpty()) {
                throw new UnsupportedFormException(source + ", component " + decision.id()
                        + ": property reasonField must name an input of the form");
            }
        }
        return form;
    }

    private static FormComponent component(JsonNode node, String source) {
        String componentId = node.path("id").asText("?");
        String where = source + ", component " + componentId;
        String type = node.path("type").asText("");
        if (!SUPPORTED_TYPES.contains(type)) {
            throw new UnsupportedFormException(where + ": type '" + type + "' is not supported by the portal (supported: "
                    + new TreeSet<>(SUPPORTED_TYPES) + ")");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN_ATTRIBUTES.contains(name)) {
                // e.g. "conditional" or "readonly": the portal would ignore it, Tasklist would not
                throw new UnsupportedFormException(where + ": attribute '" + name + "' is not supported by the portal");
            }
        }
        JsonNode validate = node.path("validate");
        for (Iterator<String> rules = validate.fieldNames(); rules.hasNext(); ) {
            String rule = rules.next();
            if (!SUPPORTED_RULES.contains(rule)) {
                throw new UnsupportedFormException(where + ": validation rule '" + rule + "' is not supported by the portal");
            }
        }
        String key = type.equals("text") ? null : node.path("key").asText(null);
        if (!type.equals("text") && (key == null || key.isBlank())) {
            throw new UnsupportedFormException(where + ": an input needs a key");
        }
        String pattern = validate.path("pattern").asText(null);
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException bad) {
                throw new UnsupportedFormException(where + ": pattern does not compile: " + bad.getDescription());
            }
        }
        List<FormComponent.Option> options = new ArrayList<>();
        for (JsonNode value : node.path("values")) {
            options.add(new FormComponent.Option(value.path("label").asText(), value.path("value").asText()));
        }
        if ((type.equals("radio") || type.equals("select")) && options.isEmpty()) {
            throw new UnsupportedFormException(where + ": a " + type + " needs static values");
        }
        JsonNode properties = node.path("properties");
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SUPPORTED_PROPERTIES.contains(name)) {
                throw new UnsupportedFormException(where + ": custom property '" + name + "' is not supported by the portal");
            }
        }
        List<String> confirm = new ArrayList<>();
        for (String value : properties.path("confirm").asText("").split(",")) {
            if (!value.isBlank()) {
                if (options.stream().noneMatch(o -> o.value().equals(value.strip()))) {
                    throw new UnsupportedFormException(where + ": confirm names '" + value.strip() + "', not one of its values");
                }
                confirm.add(value.strip());
            }
        }
        return new FormComponent(componentId, type, key, node.path("label").asText(null), node.path("text").asText(null),
                validate.path("required").asBoolean(false), decimal(validate.get("min")), decimal(validate.get("max")),
                integer(validate.get("minLength")), integer(validate.get("maxLength")), pattern,
                node.has("decimalDigits") ? node.get("decimalDigits").asInt() : null, List.copyOf(options),
                List.copyOf(confirm), properties.path("reasonField").asText(null));
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : node.decimalValue();
    }

    private static Integer integer(JsonNode node) {
        return node == null || node.isNull() ? null : node.asInt();
    }
}
