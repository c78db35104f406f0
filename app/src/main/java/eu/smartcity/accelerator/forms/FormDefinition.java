package eu.smartcity.accelerator.forms;

import java.util.List;
import java.util.Optional;

/** A Camunda Form: its id (what a user task's {@code camunda:formRef} names) and its components in order. */
public record FormDefinition(String id, String source, List<FormComponent> components) {

    public List<FormComponent> inputs() {
        return components.stream().filter(FormComponent::isInput).toList();
    }

    public Optional<FormComponent> input(String key) {
        return inputs().stream().filter(c -> c.key().equals(key)).findFirst();
    }
}
