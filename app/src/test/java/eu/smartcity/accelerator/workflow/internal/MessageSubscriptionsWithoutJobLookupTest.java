package eu.smartcity.accelerator.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.support.AcceleratorTest;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionManager;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Message subscriptions are deleted without the job look-up; signal subscriptions still delete the jobs they started. */
@AcceleratorTest
class MessageSubscriptionsWithoutJobLookupTest {

    @Autowired ProcessEngineConfigurationImpl configuration;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theEngineUsesTheManagerThatSkipsTheLookUpForMessages() {
        Command<EventSubscriptionManager> manager = context -> context.getEventSubscriptionManager();
        assertThat(configuration.getCommandExecutorTxRequired().execute(manager))
                .isInstanceOf(MessageSubscriptionsWithoutJobLookup.Manager.class);
    }

    @Test
    void aCorrelatedMessageLeavesNoSubscriptionAndAnAsyncSignalsJobStillGoesWithItsSubscription() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String message = "m-" + suffix;
        String signal = "s-" + suffix;
        BpmnModelInstance throwing = Bpmn.createExecutableProcess("throws-" + suffix).camundaHistoryTimeToLive(1).startEvent()
                .intermediateThrowEvent().signalEventDefinition(signal).throwEventDefinitionDone().endEvent().done();
        throwing.getModelElementsByType(SignalEventDefinition.class).forEach(definition -> definition.setCamundaAsync(true));
        repository.createDeployment().name("subscriptions-" + suffix)
                .addModelInstance("waits-" + suffix + ".bpmn", Bpmn.createExecutableProcess("waits-" + suffix)
                        .camundaHistoryTimeToLive(1).startEvent().receiveTask().message(message)
                        .intermediateCatchEvent().signal(signal).endEvent().done())
                .addModelInstance("throws-" + suffix + ".bpmn", throwing)
                .deploy();
        String waiting = runtime.startProcessInstanceByKey("waits-" + suffix).getId();
        runtime.createMessageCorrelation(message).processInstanceId(waiting).correlate();
        assertThat(runtime.createEventSubscriptionQuery().processInstanceId(waiting).eventType("message").count()).isZero();
        assertThat(runtime.createEventSubscriptionQuery().processInstanceId(waiting).eventType("signal").count()).isOne();

        String subscription = runtime.createEventSubscriptionQuery().processInstanceId(waiting).eventType("signal").singleResult().getId();
        String jobs = "select count(*) from act_ru_job where handler_type_ = 'event' and handler_cfg_ = ?";
        runtime.startProcessInstanceByKey("throws-" + suffix); // the async signal leaves a job for the waiting subscription
        assertThat(jdbc.queryForObject(jobs, Long.class, subscription)).isOne();
        runtime.deleteProcessInstance(waiting, "test");
        assertThat(jdbc.queryForObject(jobs, Long.class, subscription)).isZero();
    }
}
