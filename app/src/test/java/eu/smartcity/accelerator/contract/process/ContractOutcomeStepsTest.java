package eu.smartcity.accelerator.contract.process;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.challenge.ChallengeProcess.ContractOutcome;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;

/**
 * The contract's outcome steps on their own (no Spring, no engine): each message end event's delegate tells the caller
 * its one outcome, stored as the wire name the challenge and replication models compare with.
 */
class ContractOutcomeStepsTest {

    /** A delegate execution that only keeps variables: all a step of this kind may touch. */
    static DelegateExecution execution(Map<String, Object> variables) {
        return (DelegateExecution) Proxy.newProxyInstance(DelegateExecution.class.getClassLoader(),
                new Class<?>[] {DelegateExecution.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getVariable" -> variables.get((String) args[0]);
                    case "setVariable" -> variables.put((String) args[0], args[1]);
                    case "hasVariable" -> variables.containsKey((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static Object outcomeAfter(JavaDelegate step) throws Exception {
        Map<String, Object> variables = new HashMap<>();
        step.execute(execution(variables));
        return variables.get(ContractProcess.CONTRACT_OUTCOME.name());
    }

    @Test
    void eachEndingTellsItsOwnOutcomeAsTheWireNameTheCallersCompareWith() throws Exception {
        assertThat(outcomeAfter(new ReportContractSigned())).isEqualTo("signed");
        assertThat(outcomeAfter(new ReportContractDeclined())).isEqualTo("declined");
        assertThat(outcomeAfter(new ReportContractExpired())).isEqualTo("expired");
        assertThat(ContractProcess.CONTRACT_OUTCOME.read(outcomeAfter(new ReportContractExpired()))).isEqualTo(ContractOutcome.EXPIRED);
    }
}
