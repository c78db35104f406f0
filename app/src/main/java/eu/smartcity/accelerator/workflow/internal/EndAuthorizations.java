package eu.smartcity.accelerator.workflow.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * The authorizations of an ended task or process instance are deleted once per command, and not at all for a task the
 * same command has seen to have none (issue 19, slice engineends; docs/settings.md).
 * <p>
 * With authorization on, Camunda deletes the rows of {@code ACT_RU_AUTHORIZATION} whose resource is a task when the
 * task ends ({@code TaskManager.deleteTask}) and those whose resource is a process instance when the instance ends
 * ({@code ExecutionManager.deleteExecution}): one {@code DELETE} each, at the command's flush, whether or not a row
 * exists. Most of ours never had one (a score task has an assignee and no candidate group; no process instance gets a
 * grant from the default provider), but any could: the provider grants a task's candidate group, and anyone allowed to
 * create authorizations (a coordinator through the REST API, the app's code) can create one for any resource id.
 * So nothing is assumed, and each shortcut is exact:
 * <ul>
 * <li>A task's end first asks the database what the task leaves behind ({@link TaskEnds}: subtasks, identity links,
 * variables, authorizations, in one statement). If no row of {@code ACT_RU_AUTHORIZATION} named the task, and no
 * authorization of the task is among the entities the command inserted, loaded or changed (checked when the command
 * flushes, so one created later in the same command counts too), there is nothing for the delete to find, and it is
 * not sent.</li>
 * <li>Every other delete by task or process instance is kept, and those of one command go to the database as one
 * statement at its flush ({@code acceleratorDeleteAuthorizationsOfEnded}): where Camunda's statements ran, after the
 * command's inserts and updates of authorizations, as bulk deletes always do. The selection's announcement ends
 * nineteen applications in one job: one delete instead of nineteen.</li>
 * </ul>
 * With authorization off nothing changes (Camunda then deletes nothing either).
 */
@Component
class EndAuthorizations extends AbstractProcessEnginePlugin {

    static final String MAPPER = "eu/smartcity/accelerator/workflow/internal/EndAuthorizations.xml";
    static final String DELETE = "acceleratorDeleteAuthorizationsOfEnded";
    /** Resource ids per statement: an IN list stays short. */
    static final int CHUNK = 500;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CustomManagers.add(configuration, Ends.class, Ends::new);
        CustomManagers.add(configuration, AuthorizationManager.class, Authorizations::new);
        CustomManagers.add(configuration, DbEntityManager.class, () -> new EntityManager(
                Context.getProcessEngineConfiguration(), Context.getCommandContext().getSession(PersistenceSession.class)));
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        CustomManagers.addStatements(configuration.getSqlSessionFactory().getConfiguration(), MAPPER, DELETE);
    }

    /** What one command knows and owes: its session, so it lives and dies with the command. */
    static final class Ends implements Session {

        /** Tasks whose end was told by the database "no authorization names it" ({@link TaskEnds}). */
        final Set<String> tasksWithout = new java.util.HashSet<>();
        final Set<String> tasks = new LinkedHashSet<>();
        final Set<String> processInstances = new LinkedHashSet<>();

        @Override
        public void flush() {
            // the deletes are registered by the entity manager's flush (EntityManager), before its statements run
        }

        @Override
        public void close() {
        }

        /** Registers this command's deletes with the entity manager, which is about to calculate its flush. */
        void register(DbEntityManager entities) {
            if (!tasks.isEmpty() && !tasksWithout.isEmpty()) {
                Set<String> named = new java.util.HashSet<>();
                for (AuthorizationEntity authorization : entities.getDbEntityCache().getEntitiesByType(AuthorizationEntity.class)) {
                    if (authorization.getResourceType() == Resources.TASK.resourceType()) {
                        named.add(authorization.getResourceId());
                    }
                }
                tasks.removeIf(task -> tasksWithout.contains(task) && !named.contains(task));
            }
            List<String> taskIds = new ArrayList<>(tasks);
            List<String> instanceIds = new ArrayList<>(processInstances);
            tasks.clear();
            processInstances.clear();
            for (int t = 0, p = 0; t < taskIds.size() || p < instanceIds.size(); ) {
                Map<String, Object> parameters = new HashMap<>();
                List<String> someTasks = taskIds.subList(t, Math.min(taskIds.size(), t + CHUNK));
                List<String> someInstances = instanceIds.subList(p, Math.min(instanceIds.size(), p + CHUNK - someTasks.size()));
                t += someTasks.size();
                p += someInstances.size();
                parameters.put("taskType", Resources.TASK.resourceType());
                parameters.put("tasks", List.copyOf(someTasks));
                parameters.put("processInstanceType", Resources.PROCESS_INSTANCE.resourceType());
                parameters.put("processInstances", List.copyOf(someInstances));
                entities.delete(AuthorizationEntity.class, DELETE, parameters);
            }
        }

        static Ends of(CommandContext command) {
            return command.getSession(Ends.class);
        }

        static Ends ifOpen(CommandContext command) {
            return command == null ? null : (Ends) command.getSessions().get(Ends.class);
        }
    }

    /** Collects the deletes by ended task or process instance; every other delete is Camunda's. */
    static final class Authorizations extends AuthorizationManager {

        @Override
        public void deleteAuthorizationsByResourceId(Resource resource, String resourceId) {
            boolean task = resource.resourceType() == Resources.TASK.resourceType();
            if (resourceId == null || !isAuthorizationEnabled()
                    || !(task || resource.resourceType() == Resources.PROCESS_INSTANCE.resourceType())) {
                super.deleteAuthorizationsByResourceId(resource, resourceId);
                return;
            }
            Ends ends = Ends.of(Context.getCommandContext());
            (task ? ends.tasks : ends.processInstances).add(resourceId);
        }
    }

    /** Camunda's entity manager, which hands the command's authorization deletes over before it flushes. */
    static final class EntityManager extends DbEntityManager {

        EntityManager(ProcessEngineConfigurationImpl configuration, PersistenceSession persistence) {
            super(configuration.getIdGenerator(), persistence);
        }

        @Override
        protected void flushEntityCache() {
            super.flushEntityCache();
            Ends ends = Ends.ifOpen(Context.getCommandContext());
            if (ends != null) {
                ends.register(this);
            }
        }
    }
}
