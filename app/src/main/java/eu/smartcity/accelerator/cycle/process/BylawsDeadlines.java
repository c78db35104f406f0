package eu.smartcity.accelerator.cycle.process;

import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.shared.IsoDurations;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The bylaws' deadlines in BPMN expressions, for the waits that had none (Bylaws.DEADLINES):
 * {@code ${deadlines.of(execution, 'citySignatureWindow')}} is the duration the process was started with, or the
 * bylaws' default for a process started before that deadline existed (or outside a cycle: a framework join);
 * {@code ${deadlines.once(execution, 'negotiationDeadline', 'negotiationWindow')}} is a date fixed the first time it is
 * asked for and kept on the process instance, so a loop (the negotiation) or a retry never moves it.
 */
@Component("deadlines")
public class BylawsDeadlines {

    private final Clock clock = Clock.systemUTC();

    public String of(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value != null && !value.toString().isBlank()) {
            return value.toString();
        }
        String fallback = Bylaws.DEADLINE_DEFAULTS.get(name);
        if (fallback == null) {
            throw new IllegalArgumentException("No deadline '" + name + "' in the process nor among the bylaws' defaults");
        }
        return fallback;
    }

    public Date once(DelegateExecution execution, String variable, String durationName) {
        Object fixed = execution.getVariable(variable);
        if (fixed instanceof Date date) {
            return date;
        }
        Date deadline = Date.from(clock.instant().plus(IsoDurations.parse(of(execution, durationName))));
        execution.getProcessInstance().setVariable(variable, deadline);
        return deadline;
    }
}
