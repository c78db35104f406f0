package eu.smartcity.accelerator.forms;

import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.pilot.PilotProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * Issue #16: no decision takes effect from an untouched form. Reads every shipped form and every BPMN
     * condition: a field a gateway decides on is a required radio or select without a default, and names
     * its negative outcomes and their reason; no choice has a default; a checkbox is only an
     * acknowledgement (required), since an unticked optional box is an answer nobody gave.
     */
    @Test
    void noDecisionTakesEffectFromAnUntouchedForm() throws IOException {
        Set<String> decidedOn = new TreeSet<>();
        try (Stream<Path> models = Files.list(Path.of("../processes"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Matcher condition = Pattern.compile("<conditionExpression[^>]*>([^<]*)</conditionExpression>")
                        .matcher(Files.readString(model));
                while (condition.find()) {
                    Matcher word = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*").matcher(condition.group(1).replaceAll("'[^']*'", ""));
                    while (word.find()) {
                        decidedOn.add(word.group());
                    }
                }
            }
        }
        List<String> wrong = new ArrayList<>();
        int decisions = 0;
        try (Stream<Path> files = Files.list(Path.of("../forms"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                JsonNode root = JSON.readTree(file.toFile());
                FormDefinition form = FormDefinitions.parse(root, file.getFileName().toString());
                for (JsonNode c : root.path("components")) {
                    String type = c.path("type").asText();
                    String where = file.getFileName() + " / " + c.path("key").asText();
                    boolean choice = type.equals("checkbox") || type.equals("radio") || type.equals("select");
                    if (choice && c.has("defaultValue")) {
                        wrong.add(where + ": a default decides for the user");
                    }
                    if (type.equals("checkbox") && !c.path("validate").path("required").asBoolean()) {
                        wrong.add(where + ": an optional checkbox answers 'no' when untouched");
                    }
                }
                Set<String> untouchedProblems = FormValidator.validate(form, Map.of()).problems().keySet();
                for (FormComponent input : form.inputs()) {
                    if (!decidedOn.contains(input.key())) {
                        continue;
                    }
                    decisions++;
                    String where = form.source() + " / " + input.key();
                    if (!(input.type().equals("radio") || input.type().equals("select")) || !input.required()) {
                        wrong.add(where + ": a process decides on it, so it must be a required choice (is " + input.type() + ")");
                    } else if (input.confirmOutcomes().isEmpty()) {
                        wrong.add(where + ": names no negative outcome (property 'confirm') and its reason ('reasonField')");
                    }
                    if (!untouchedProblems.contains(input.key())) {
                        wrong.add(where + ": the untouched form is accepted");
                    }
                }
            }
        }
        assertThat(wrong).as("decision fields whose untouched state decides").isEmpty();
        assertThat(decisions).as("decision fields found through the BPMN conditions").isGreaterThanOrEqualTo(10);
    }

    @Test
    void aNegativeOutcomeNeedsItsReasonAndTheFormMustNameOne() throws IOException {
        FormDefinition review = new FormDefinitions(JSON).get("review-progress");
        assertThat(review.decisions()).extracting(FormComponent::key).containsExactly(PilotProcess.PROGRESS_DECISION.name());
        assertThat(FormValidator.validate(review, Map.of(PilotProcess.PROGRESS_DECISION.name(), "stop")).problems())
                .containsOnlyKeys(PilotProcess.REVIEW_NOTES.name()).containsEntry(PilotProcess.REVIEW_NOTES.name(),
                        new FormSubmission.Problem(FormValidator.REASON_REQUIRED, java.util.List.of()));
        assertThat(FormValidator.validate(review, Map.of(PilotProcess.PROGRESS_DECISION.name(), "stop", PilotProcess.REVIEW_NOTES.name(), "Sensors fail")).valid()).isTrue();
        assertThat(FormValidator.validate(review, Map.of(PilotProcess.PROGRESS_DECISION.name(), "continue")).valid()).isTrue();
        assertThat(FormValidator.validate(review, Map.of()).problems()).containsOnlyKeys(PilotProcess.PROGRESS_DECISION.name());

        String decision = """
                {"id":"f","components":[{"id":"D","key":"d","type":"radio","values":[{"label":"Yes","value":"yes"},{"label":"No","value":"no"}],
                  "properties":{"confirm":"%s","reasonField":"%s"}},{"id":"R","key":"why","type":"textarea"}]}""";
        assertThat(FormDefinitions.parse(JSON.readTree(decision.formatted("no", "why")), "ok.form").decisions()).hasSize(1);
        assertThatThrownBy(() -> FormDefinitions.parse(JSON.readTree(decision.formatted("maybe", "why")), "c.form"))
                .hasMessageContaining("confirm names 'maybe'");
        assertThatThrownBy(() -> FormDefinitions.parse(JSON.readTree(decision.formatted("no", "because")), "r.form"))
                .hasMessageContaining("reasonField must name an input");
        assertThatThrownBy(() -> FormDefinitions.parse(JSON.readTree(decision.replace("\"confirm\"", "\"colour\"")
                .formatted("no", "why")), "p.form")).hasMessageContaining("custom property 'colour'");
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
                  {"id":"E","key":"choice","type":"radio","values":[{"label":"Go","value":"go"},{"label":"Stop","value":"stop"}]}
                ]}"""), "f.form");

        Map<String, String> bad = new HashMap<>(Map.of("name", "ab", "score", "11", "share", "0.1", "choice", "maybe",
                "processInstanceId", "smuggled"));
        FormSubmission refused = FormValidator.validate(form, bad);
        assertThat(refused.problems()).containsOnlyKeys("name", "score", "share", "ok", "choice");
        assertThat(refused.problems().get("name").code()).isEqualTo("form.error.minLength");
        assertThat(refused.problems().get("score").code()).isEqualTo("form.error.max");
        assertThat(refused.problems().get("share").code()).isEqualTo("form.error.min");
        assertThat(refused.problems().get("ok").code()).isEqualTo("form.error.required");
        assertThat(refused.problems().get("choice").code()).isEqualTo("form.error.option");
        assertThat(refused.raw()).containsEntry("name", "ab").doesNotContainKey("processInstanceId");

        assertThat(FormValidator.validate(form, Map.of("name", "lowercase", "score", "7.5")).problems())
                .containsEntry("name", new FormSubmission.Problem("form.error.pattern", java.util.List.of()))
                .containsEntry("score", new FormSubmission.Problem("form.error.wholeNumber", java.util.List.of()));
        assertThat(FormValidator.validate(form, Map.of("name", "A".repeat(11))).problems().get("name").code())
                .isEqualTo("form.error.maxLength");

        FormSubmission accepted = FormValidator.validate(form, Map.of("name", " Anna ", "score", "7", "share", "0,75",
                "ok", "true", "choice", "go", "processInstanceId", "smuggled"));
        assertThat(accepted.valid()).isTrue();
        assertThat(accepted.values()).containsEntry("name", "Anna").containsEntry("score", 7L).containsEntry("share", 0.75)
                .containsEntry("ok", true).containsEntry("choice", "go").doesNotContainKey("processInstanceId");
    }

    @Test
    void aDomainRuleIsShownNextToTheFieldItNamesWithItsKeyNeverItsEnglish() throws IOException {
        FormDefinition form = new FormDefinitions(JSON).get("city-signature");
        assertThat(FormValidator.withRuleViolation(form, Map.of(), new eu.smartcity.accelerator.shared.RuleViolationException(
                ContractProcess.DECLINE_REASON.name(), "contract.error.declineReason", "say why the city declines to sign", 3)))
                .containsEntry(ContractProcess.DECLINE_REASON.name(), new FormSubmission.Problem("contract.error.declineReason", java.util.List.of(3)));
        String firstField = form.inputs().get(0).key();
        assertThat(FormValidator.withRuleViolation(form, Map.of(), new IllegalArgumentException("internal: English text")))
                .containsEntry(firstField, new FormSubmission.Problem("form.error.rejected", java.util.List.of()));
    }
}
