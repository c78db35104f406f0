package eu.smartcity.accelerator.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every shipped form is one the portal can render and validate; anything else fails here, not in front of a user. */
class FormDefinitionsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyFormInTheFormsFolderIsSupported() throws IOException {
        FormDefinitions definitions = new FormDefinitions(JSON);
        long files;
        try (Stream<Path> shipped = Files.list(Path.of("../forms"))) {
            files = shipped.filter(p -> p.toString().endsWith(".form")).count();
        }
        assertThat(files).isGreaterThan(20);
        assertThat(definitions.all()).hasSize((int) files);
        assertThat(definitions.get("score-application").inputs()).extracting(FormComponent::key)
                .contains("fit", "innovation", "team", "price", "replicability", "openDataUse", "comment");
    }

    @Test
    void aComponentTypeThePortalDoesNotRenderFailsNamingTheFileAndComponent() {
        assertThatThrownBy(() -> new FormDefinitions(JSON, "classpath*:forms-unsupported/*.form"))
                .isInstanceOf(UnsupportedFormException.class)
                .hasMessageContaining("datetime.form").hasMessageContaining("Field_when").hasMessageContaining("'datetime'");
    }

    @Test
    void aRuleOrAttributeThePortalWouldIgnoreFailsToo() throws IOException {
        String conditional = """
                {"id":"f","components":[{"id":"Field_a","key":"a","type":"textfield","conditional":{"hide":"=true"}}]}""";
        assertThatThrownBy(() -> FormDefinitions.parse(JSON.readTree(conditional), "c.form"))
                .hasMessageContaining("attribute 'conditional'");
        String validation = """
                {"id":"f","components":[{"id":"Field_a","key":"a","type":"textfield","validate":{"validationType":"email"}}]}""";
        assertThatThrownBy(() -> FormDefinitions.parse(JSON.readTree(validation), "v.form"))
                .hasMessageContaining("validation rule 'validationType'");
    }

    @Test
    void validatesEveryRuleOfTheDefinitionAndTypesTheValues() throws IOException {
        FormDefinition form = FormDefinitions.parse(JSON.readTree("""
                {"id":"f","components":[
                  {"id":"T","type":"text","text":"## Title"},
                  {"id":"A","key":"name","type":"textfield","validate":{"required":true,"minLength":3,"maxLength":10,"pattern":"[A-Z].*"}},
                  {"id":"B","key":"score","type":"number","decimalDigits":0,"validate":{"required":true,"min":0,"max":10}},
                  {"id":"C","key":"share","type":"number","validate":{"min":0.5}},
                  {"id":"D","key":"ok","type":"checkbox","validate":{"required":true}},
                  {"id":"E","key":"verdict","type":"radio","values":[{"label":"Go","value":"go"},{"label":"Stop","value":"stop"}]}
                ]}"""), "f.form");

        Map<String, String> bad = new HashMap<>(Map.of("name", "ab", "score", "11", "share", "0.1", "verdict", "maybe",
                "processInstanceId", "smuggled"));
        FormSubmission refused = FormValidator.validate(form, bad);
        assertThat(refused.problems()).containsOnlyKeys("name", "score", "share", "ok", "verdict");
        assertThat(refused.problems().get("name").code()).isEqualTo("form.error.minLength");
        assertThat(refused.problems().get("score").code()).isEqualTo("form.error.max");
        assertThat(refused.problems().get("share").code()).isEqualTo("form.error.min");
        assertThat(refused.problems().get("ok").code()).isEqualTo("form.error.required");
        assertThat(refused.problems().get("verdict").code()).isEqualTo("form.error.option");
        assertThat(refused.raw()).containsEntry("name", "ab").doesNotContainKey("processInstanceId");

        assertThat(FormValidator.validate(form, Map.of("name", "lowercase", "score", "7.5")).problems())
                .containsEntry("name", new FormSubmission.Problem("form.error.pattern", java.util.List.of()))
                .containsEntry("score", new FormSubmission.Problem("form.error.wholeNumber", java.util.List.of()));
        assertThat(FormValidator.validate(form, Map.of("name", "A".repeat(11))).problems().get("name").code())
                .isEqualTo("form.error.maxLength");

        FormSubmission accepted = FormValidator.validate(form, Map.of("name", " Anna ", "score", "7", "share", "0,75",
                "ok", "true", "verdict", "go", "processInstanceId", "smuggled"));
        assertThat(accepted.valid()).isTrue();
        assertThat(accepted.values()).containsEntry("name", "Anna").containsEntry("score", 7L).containsEntry("share", 0.75)
                .containsEntry("ok", true).containsEntry("verdict", "go").doesNotContainKey("processInstanceId");
    }

    @Test
    void aDomainRuleIsShownNextToTheFieldItNames() throws IOException {
        FormDefinition form = new FormDefinitions(JSON).get("city-signature");
        assertThat(FormValidator.withRuleViolation(form, Map.of(), "declineReason: say why the city declines to sign"))
                .containsEntry("declineReason", new FormSubmission.Problem("form.error.rule",
                        java.util.List.of("say why the city declines to sign")));
    }
}
