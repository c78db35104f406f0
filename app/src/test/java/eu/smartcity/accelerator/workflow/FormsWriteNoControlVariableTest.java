package eu.smartcity.accelerator.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.forms.FormComponent;
import eu.smartcity.accelerator.forms.FormDefinition;
import eu.smartcity.accelerator.forms.FormDefinitions;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A completed form's fields become process variables. None may carry a name that the engine or the app uses
 * to decide who sees something or who gets the next task (an id, an organisation group, the jury seat or
 * round), or a person could redirect the process by adding a field to their submission.
 */
class FormsWriteNoControlVariableTest {

    static final Set<String> CONTROL = Set.of(ChallengeProcess.JURY_MEMBER.name(), ChallengeProcess.JURY_ROUND.name(),
            ChallengeProcess.QUORUM_REACHED.name(), ChallengeProcess.REPLACEMENT_FOUND.name(), ChallengeProcess.APPLICATION_COUNT.name(),
            ChallengeProcess.ELIGIBLE_COUNT.name());

    @Test
    void noFormFieldIsAnIdAGroupOrAJuryVariable() throws Exception {
        FormDefinitions forms = new FormDefinitions(new ObjectMapper());
        assertThat(forms.all()).isNotEmpty();
        for (FormDefinition form : forms.all()) {
            for (FormComponent field : form.inputs()) {
                assertThat(field.key()).as("field of form %s", form.id())
                        .doesNotEndWith("Id").doesNotEndWith("Group").isNotIn(CONTROL);
            }
        }
    }
}
