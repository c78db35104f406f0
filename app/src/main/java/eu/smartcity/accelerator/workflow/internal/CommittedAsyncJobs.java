package eu.smartcity.accelerator.workflow.internal;

import eu.smartcity.accelerator.workflow.AsyncJobHints;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobManager;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.springframework.stereotype.Component;

/**
 * Tells the process driver which process families had an asynchronous continuation committed since it last looked
 * (issue 19, slice driver): the hint Camunda gives its own job executor ({@code JobManager.hintJobExecutor}, a
 * {@code MessageAddedNotification} after the commit) only while the executor runs, which it does not in the tests and
 * the benchmark. Every message job inserted for a process family (one with a root instance) removes that root from the
 * watched ones when its transaction commits; Camunda's job manager otherwise works as before (the same statements).
 */
@Component
public class CommittedAsyncJobs extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CustomManagers.add(configuration, new Factory());
    }

    /** The hints of this engine, if it was built with this plugin. */
    public static AsyncJobHints of(ProcessEngine engine) {
        return engine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl configuration
                && configuration.getSessionFactories() != null
                && configuration.getSessionFactories().get(JobManager.class) instanceof Factory factory ? factory.hints : null;
    }

    static final class Factory implements SessionFactory {

        final Hints hints = new Hints();

        @Override
        public Class<?> getSessionType() {
            return JobManager.class;
        }

        @Override
        public Session openSession() {
            return new Manager(hints);
        }
    }

    static final class Manager extends JobManager {

        private final Hints hints;

        Manager(Hints hints) {
            this.hints = hints;
        }

        @Override
        public void insertJob(JobEntity job) {
            super.insertJob(job);
            String root = job.getRootProcessInstanceId();
            if (root != null && MessageEntity.TYPE.equals(job.getType())) {
                // after the commit, as Camunda hints its job executor: a look before it would not see the job yet; always,
                // not only while a root is watched: one watched between this insert and the commit would miss it
                Context.getCommandContext().getTransactionContext()
                        .addTransactionListener(TransactionState.COMMITTED, context -> hints.watched.remove(root));
            }
        }
    }

    /** Roots watched and quiet; bounded: a root dropped from the set is merely looked at again. */
    static final class Hints implements AsyncJobHints {

        static final int MAX_WATCHED = 100_000;

        final Set<String> watched = ConcurrentHashMap.newKeySet();

        @Override
        public void watch(String rootProcessInstanceId) {
            if (watched.size() >= MAX_WATCHED) {
                watched.clear();
            }
            watched.add(rootProcessInstanceId);
        }

        @Override
        public boolean quiet(String rootProcessInstanceId) {
            return watched.contains(rootProcessInstanceId);
        }

        @Override
        public void forget(String rootProcessInstanceId) {
            watched.remove(rootProcessInstanceId);
        }
    }
}
