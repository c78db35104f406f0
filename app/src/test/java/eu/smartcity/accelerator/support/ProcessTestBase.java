package eu.smartcity.accelerator.support;

import static eu.smartcity.accelerator.challenge.ChallengeProcess.CITY_GROUP;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.CYCLE_ID;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.ESCALATION_DELAY;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.MILESTONE_CADENCE;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.REMINDER_DELAY;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.SIGNATURE_WINDOW;
import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.evaluation.EvaluationProcess;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Common ground of the process tests: assertions bound to the engine, a driver, a process starter. */
public abstract class ProcessTestBase {

    @Autowired protected ProcessEngine engine;
    @Autowired protected TaskCompletions completions;
    protected ProcessDriver driver;

    @BeforeAll
    static void gateCoverage() {
        ProcessCoverageTestConfiguration.gateThisClass();
    }

    @BeforeEach
    void bindEngine() {
        BpmnAwareTests.init(engine);
        driver = new ProcessDriver(engine, completions);
    }

    @AfterEach
    void unbindEngine() {
        BpmnAwareTests.reset();
    }

    /** Starts a process with a random business key and runs its first asynchronous steps. */
    protected ProcessInstance start(String key, Map<String, Object> variables) {
        ProcessInstance instance = engine.getRuntimeService()
                .startProcessInstanceByKey(key, UUID.randomUUID().toString(), new HashMap<>(variables));
        driver.runAsyncJobs(instance.getId());
        return instance;
    }

    /** The variables a challenge hands to its contract, pilot and evaluation (durations from scifi-2024). */
    public static Map<String, Object> deliveryVariables() {
        Map<String, Object> v = new HashMap<>();
        v.put(ChallengeProcess.CONTRACT_ID.name(), UUID.randomUUID().toString());
        v.put(ChallengeProcess.PILOT_ID.name(), UUID.randomUUID().toString());
        v.put(ChallengeProcess.EVALUATION_ID.name(), UUID.randomUUID().toString());
        v.put(ChallengeProcess.CHALLENGE_ID.name(), UUID.randomUUID().toString());
        v.put(ChallengeProcess.APPLICATION_ID.name(), UUID.randomUUID().toString());
        v.put(CYCLE_ID.name(), UUID.randomUUID().toString());
        v.put(CITY_GROUP.name(), "city-bruges");
        v.put(ChallengeProcess.COMPANY_GROUP.name(), "company-greengrid");
        v.put(SIGNATURE_WINDOW.name(), "P14D");
        v.put(ChallengeProcess.CONTRACT_AMOUNT.name(), 9000.0);
        v.put(ChallengeProcess.MILESTONE_COUNT.name(), 2);
        v.put(MILESTONE_CADENCE.name(), "P30D");
        v.put(REMINDER_DELAY.name(), "P3D");
        v.put(ESCALATION_DELAY.name(), "P7D");
        return v;
    }
}
