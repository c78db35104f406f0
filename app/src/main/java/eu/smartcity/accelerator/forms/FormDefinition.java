package eu.smartcity.accelerator.forms;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A Camunda Form: its id (what a user task's {@code camunda:formRef} names) and its components in order. */
public record FormDefinition(String id, String source, List<FormComponent> components) {

    public List<FormComponent> inputs() {
        return components.stream().filter(FormComponent::isInput).toList();
    }

    /** The decisions with outcomes that need a reason and a confirmation. */
    public List<FormComponent> decisions() {
        return inputs().stream().filter(c -> !c.confirmOutcomes().isEmpty()).toList();
    }

    /** The decisions whose chosen value (in these values) needs a confirmation. */
    public List<FormComponent> toConfirm(Map<String, Object> values) {
        return decisions().stream().filter(d -> d.needsConfirmation(values.get(d.key()))).toList();
    }

    public Optional<FormComponent> input(String key) {
        return inputs().stream().filter(c -> c.key().equals(key)).findFirst();
    }
}
