package eu.smartcity.accelerator.workflow.internal;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.event.EventType;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionManager;
import org.springframework.stereotype.Component;

/**
 * A message event subscription is deleted without first asking for the asynchronous jobs it may have started (issue 19,
 * slice appmodel). Camunda looks for jobs of type {@code event} ({@code ProcessEventJobHandler}) whose configuration
 * is the subscription's id before deleting <em>any</em> subscription: one {@code select act_ru_job} per subscription
 * left behind, i.e. at every wait state an application process leaves and for each of its event subprocesses when it
 * ends. Such a job is only ever created for a subscription triggered asynchronously, and in Camunda 7.24 only two
 * places do that: a signal throw with {@code camunda:async} ({@code ThrowSignalEventActivityBehavior}) and compensation
 * ({@code CompensationUtil}); a message is always delivered synchronously ({@code MessageEventReceivedCmd},
 * correlation). So a message subscription never has such a job, and the look-up can only return nothing. Signal,
 * compensation and conditional subscriptions keep Camunda's look-up.
 */
@Component
class MessageSubscriptionsWithoutJobLookup extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CustomManagers.add(configuration, new Factory());
    }

    static final class Factory implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return EventSubscriptionManager.class;
        }

        @Override
        public Session openSession() {
            return new Manager();
        }
    }

    static final class Manager extends EventSubscriptionManager {

        @Override
        public void deleteEventSubscription(EventSubscriptionEntity subscription) {
            if (subscription.isSubscriptionForEventType(EventType.MESSAGE)) {
                getDbEntityManager().delete(subscription);
            } else {
                super.deleteEventSubscription(subscription);
            }
        }
    }
}
