package eu.smartcity.accelerator.forms;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The decision rules of every user task's form, kept by the process itself, so that Tasklist (whose
 * form-js cannot say "required when") and {@code /engine-rest} obey them as the portal does:
 * <ul>
 * <li>when a task is created, its choice fields and reasons that an earlier round left in the
 *     process (e.g. the previous milestone's "continue") are emptied: no decision is preselected;</li>
 * <li>when it is completed, every required choice holds one of its values, and a negative outcome
 *     ({@code confirm} property) comes with its reason; otherwise the completion is refused.</li>
 * </ul>
 * Camunda's Spring eventing calls this synchronously inside the engine transaction, for every task.
 */
@Component
public class DecisionRules {

    private final FormDefinitions forms;
    private final List<TaskValuesKeeper> keepers;

    DecisionRules(FormDefinitions forms, List<TaskValuesKeeper> keepers) {
        this.forms = forms;
        this.keepers = keepers;
    }

    @EventListener
    public void onTask(DelegateTask task) {
        String event = task.getEventName();
        if (TaskListener.EVENTNAME_CREATE.equals(event)) {
            formOf(task).ifPresent(form -> clearEarlierDecisions(form, task));
        } else if (TaskListener.EVENTNAME_COMPLETE.equals(event)) {
            formOf(task).ifPresent(form -> check(form, task, keptElsewhere(task)));
        }
    }

    private static void clearEarlierDecisions(FormDefinition form, DelegateTask task) {
        for (FormComponent input : form.inputs()) {
            boolean reason = form.decisions().stream().anyMatch(d -> input.key().equals(d.reasonField()));
            // set to null where it lives (not removed): a seat-local variable must stay local to its seat
            if ((input.isChoice() || reason) && task.hasVariable(input.key()) && task.getVariable(input.key()) != null) {
                task.setVariable(input.key(), null);
            }
        }
    }

    /** A task whose answers a feature keeps in its own records: that feature checks the reason it keeps. */
    private boolean keptElsewhere(DelegateTask task) {
        return keepers.stream().anyMatch(k -> k.keeps(task.getTaskDefinitionKey()));
    }

    private static void check(FormDefinition form, DelegateTask task, boolean reasonsKeptElsewhere) {
        for (FormComponent input : form.inputs()) {
            if (input.type().equals("radio") || input.type().equals("select")) {
                Object value = task.getVariable(input.key());
                if (value == null || value.toString().isBlank()) {
                    if (input.required()) {
                        throw new DecisionRuleException(input.key(), "form.error.required", "choose one of the outcomes");
                    }
                } else if (input.options().stream().noneMatch(o -> o.value().equals(value.toString()))) {
                    throw new DecisionRuleException(input.key(), "form.error.option", "not one of the outcomes");
                }
            }
        }
        for (FormComponent decision : form.decisions()) {
            if (!reasonsKeptElsewhere && decision.needsConfirmation(task.getVariable(decision.key()))) {
                Object reason = task.getVariable(decision.reasonField());
                if (reason == null || reason.toString().isBlank()) {
                    throw new DecisionRuleException(decision.reasonField(), FormValidator.REASON_REQUIRED,
                            "give the reason for the outcome " + task.getVariable(decision.key()));
                }
            }
        }
    }

    private Optional<FormDefinition> formOf(DelegateTask task) {
        UserTask userTask = task.getBpmnModelElementInstance();
        if (userTask == null || userTask.getCamundaFormRef() == null) {
            return Optional.empty(); // a standalone task, or a task without a Camunda Form
        }
        try {
            return Optional.of(forms.get(userTask.getCamundaFormRef()));
        } catch (NoSuchElementException notOurs) {
            return Optional.empty();
        }
    }
}
