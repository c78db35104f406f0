package eu.smartcity.accelerator.forms;

import eu.smartcity.accelerator.evaluation.EvaluationProcess;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.support.AcceleratorTest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/** Every shipped form renders in the portal with a labelled control per input, in each language. */
@AcceleratorTest
class FormRenderingTest {

    @Autowired ITemplateEngine templates;
    @Autowired FormDefinitions forms;

    String render(FormDefinition form, Locale locale, Map<String, String> raw, Map<String, FormSubmission.Problem> problems) {
        Context context = new Context(locale);
        context.setVariable("form", form);
        context.setVariable("raw", raw);
        context.setVariable("problems", problems);
        return templates.process(new TemplateSpec("forms/fields", Set.of("fields"), TemplateMode.HTML, null), context);
    }

    @Test
    void everyFormRendersALabelledControlForEachInput() {
        assertThat(forms.all()).isNotEmpty();
        for (FormDefinition form : forms.all()) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"), Locale.FRENCH)) {
                String html = render(form, locale, Map.of(), Map.of());
                for (FormComponent input : form.inputs()) {
                    assertThat(html).as(form.id() + " / " + input.key() + " / " + locale)
                            .contains("name=\"" + input.key() + "\"")
                            .contains("data-form-component=\"" + (input.type().equals("radio") ? "radio" : input.type()) + "\"");
                    if (!input.type().equals("radio")) {
                        assertThat(html).contains("for=\"f-" + input.key() + "\"").contains("id=\"f-" + input.key() + "\"");
                    }
                }
                assertThat(html).as(form.id()).doesNotContain("??"); // no unresolved message key
            }
        }
    }

    @Test
    void everyCoordinatorFormLinksTasklistToThePortalPageWhichDoesNotRepeatTheLink() {
        for (String id : List.of("approve-challenge", "approve-selection", "check-compliance", "overdue-report", "close-cycle")) {
            FormDefinition form = forms.get(id);
            assertThat(form.components()).as(id).anySatisfy(c -> assertThat(c.id()).isEqualTo("Text_OpenInPortal"));
            assertThat(form.components().stream().filter(c -> "Text_OpenInPortal".equals(c.id())).findFirst().orElseThrow().text())
                    .as(id).matches(".*\\]\\(/tasks/open/UserTask_[A-Za-z]+/\\{\\{[a-z]+Id\\}\\}\\).*");
            assertThat(render(form, Locale.ENGLISH, Map.of(), Map.of())).as(id).doesNotContain("/tasks/open/");
        }
    }

    @Test
    void labelsAreTranslatedAndTheInputAndItsProblemComeBack() {
        FormDefinition scoring = forms.get("score-application");
        String dutch = render(scoring, Locale.forLanguageTag("nl"), Map.of("fit", "12"),
                Map.of("fit", new FormSubmission.Problem("form.error.max", List.of("10"))));
        assertThat(dutch).contains("Aansluiting bij de uitdaging (0-10)").contains("value=\"12\"")
                .contains("aria-invalid=\"true\"").contains("id=\"f-fit-error\"").contains("Geef 10 of minder in.");
        String french = render(forms.get("evaluation-verdict"), Locale.FRENCH, Map.of(EvaluationProcess.VERDICT.name(), "replicate"), Map.of());
        assertThat(french).contains("Répliquer dans d&#39;autres villes").containsPattern("value=\"replicate\"[^>]*checked");
    }
}
