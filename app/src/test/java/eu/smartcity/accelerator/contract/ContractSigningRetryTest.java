package eu.smartcity.accelerator.contract;

import eu.smartcity.accelerator.workflow.ProcessVariables;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import static eu.smartcity.accelerator.contract.ContractProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.ContractCase;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The timestamp authority does not answer (nothing listens on the discard port): the archive step's job fails
 * with the sentence naming the authority, nothing is signed, and the engine keeps the job for a retry.
 */
@AcceleratorTest
@TestPropertySource(properties = "accelerator.signing.tsa.url=" + ContractSigningRetryTest.SILENT_TSA)
class ContractSigningRetryTest {

    static final String SILENT_TSA = "http://127.0.0.1:9/tsa";

    @Autowired ContractDocuments documents;
    @Autowired ProcessEngine engine;
    @Autowired ApplicationContext context;
    @Autowired TaskCompletions completions;
    ProcessDriver driver;

    // not a ProcessTestBase: one path of the contract process, whose coverage ContractProcessTest gates
    @BeforeEach
    void bindEngine() {
        BpmnAwareTests.init(engine);
        driver = new ProcessDriver(engine, completions);
    }

    @AfterEach
    void unbindEngine() {
        BpmnAwareTests.reset();
    }

    @Test
    void aSilentTimestampAuthorityLeavesTheContractUnsignedAndTheJobRetried() {
        ProcessInstance contract = engine.getRuntimeService().startProcessInstanceByKey(KEY, UUID.randomUUID().toString(),
                new HashMap<>(ContractCase.of(context, "city-bruges", "company-greengrid").delivery()));
        driver.runAsyncJobs(contract.getId());
        driver.complete(contract.getId(), USER_TASK_REVIEW_DRAFT, ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.AGREE)));
        driver.complete(contract.getId(), USER_TASK_CHECK_COMPLIANCE, ProcessVariables.of(ContractProcess.COMPLIANCE_DECISION.with(ContractProcess.ComplianceDecision.COMPLIES)));
        driver.complete(contract.getId(), USER_TASK_SIGN_AS_COMPANY, ProcessVariables.of(ContractProcess.COMPANY_SIGNS.with(true)));
        assertThatThrownBy(() -> driver.complete(contract.getId(), USER_TASK_SIGN_AS_CITY, ProcessVariables.of(ContractProcess.CITY_DECISION.with(ContractProcess.CityDecision.SIGN))))
                .hasMessageContaining("The timestamp authority (" + SILENT_TSA + ") did not answer, so the contract was not signed");

        assertThat(contract).isWaitingAt(SERVICE_TASK_ARCHIVE);
        Job job = engine.getManagementService().createJobQuery().processInstanceId(contract.getId()).singleResult();
        assertThat(job.getRetries()).as("one attempt spent, the engine retries").isEqualTo(2);
        assertThat(job.getExceptionMessage()).contains("did not answer").contains("signing is retried automatically");
        UUID id = UUID.fromString((String) engine.getRuntimeService().getVariable(contract.getId(), ContractProcess.CONTRACT_ID.name()));
        assertThat(documents.signedPdf(id)).isEmpty();
        engine.getRuntimeService().deleteProcessInstance(contract.getId(), "test done");
    }
}
