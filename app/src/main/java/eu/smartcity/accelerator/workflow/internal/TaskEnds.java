package eu.smartcity.accelerator.workflow.internal;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableStore;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceManager;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A task's end asks the database once what the task leaves behind, and sends only the reads and deletes that can find
 * something (issue 19, slice taskend; docs/settings.md).
 * <p>
 * Camunda's {@code TaskManager.deleteTask} reads, at every task end, the task's subtasks ({@code select act_ru_task}
 * by parent), its identity links ({@code select act_ru_identitylink}, unless the task's list is already loaded in the
 * command), its variables ({@code select act_ru_variable}, unless its variable store is already loaded) and deletes
 * the authorizations that name it (see {@link EndAuthorizations}). A score task has none of these: it has an assignee,
 * its mark is saved in our table. Here one statement ({@code acceleratorWhatAnEndingTaskLeaves}) answers four
 * questions (subtasks? links? variables? authorizations?) in place of the subtask read; then, for each question:
 * <ul>
 * <li>when the database said yes, or the command's entity cache holds an entity of that kind for the task (inserted,
 * loaded or changed in this command and perhaps not yet flushed), Camunda's own read runs, as before; cached subtasks
 * the command inserted, which Camunda's read cannot see, are ended with the others;</li>
 * <li>otherwise there is nothing to find, and the read is not sent: the task's identity-link list and variable store
 * are empty, exactly what Camunda's read would have returned.</li>
 * </ul>
 * The authorizations' answer goes to {@link EndAuthorizations.Ends}, which checks the entity cache again at the flush
 * (an authorization made later in the same command counts). Nothing here applies outside a task's end.
 */
@Component
class TaskEnds extends AbstractProcessEnginePlugin {

    static final String MAPPER = "eu/smartcity/accelerator/workflow/internal/TaskEnds.xml";
    static final String SELECT = "acceleratorWhatAnEndingTaskLeaves";

    private static final Field VARIABLE_STORE = field(TaskEntity.class, "variableStore");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CustomManagers.add(configuration, Answers.class, Answers::new);
        CustomManagers.add(configuration, TaskManager.class, Tasks::new);
        CustomManagers.add(configuration, IdentityLinkManager.class, IdentityLinks::new);
        CustomManagers.add(configuration, VariableInstanceManager.class, Variables::new);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        CustomManagers.addStatements(configuration.getSqlSessionFactory().getConfiguration(), MAPPER, SELECT);
    }

    /** The database's answer for one ending task: what it has, as rows already committed or flushed. */
    record Answer(boolean subtasks, boolean links, boolean variables, boolean authorizations) {

        static Answer of(Map<?, ?> row) {
            Map<String, Object> columns = new HashMap<>();
            row.forEach((column, value) -> columns.put(String.valueOf(column).toUpperCase(Locale.ROOT), value));
            return new Answer(yes(columns.get("SUBTASKS")), yes(columns.get("LINKS")), yes(columns.get("VARIABLES")),
                    yes(columns.get("AUTHORIZATIONS")));
        }

        private static boolean yes(Object value) {
            return value == null || (value instanceof Number number ? number.intValue() != 0 : !"0".equals(value.toString()));
        }
    }

    /** The answers of one command's ending tasks, each used once by the step it is for. */
    static final class Answers implements Session {

        final Map<String, Answer> byTask = new HashMap<>();
        /** The tasks whose end is under way in this command (a subtask's end runs inside its parent's). */
        final java.util.Set<String> ending = new java.util.HashSet<>();

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        static Answer of(String taskId) {
            CommandContext command = Context.getCommandContext();
            Answers answers = command == null ? null : (Answers) command.getSessions().get(Answers.class);
            return answers == null || taskId == null ? null : answers.byTask.get(taskId);
        }
    }

    /** Asks the question at the start of a task's end, in place of Camunda's read of its subtasks. */
    static final class Tasks extends TaskManager {

        @Override
        public void deleteTask(TaskEntity task, String deleteReason, boolean cascade, boolean skipCustomListeners) {
            Answers answers = Context.getCommandContext().getSession(Answers.class);
            boolean ends = !task.isDeleted() && task.getId() != null && answers.ending.add(task.getId());
            try {
                super.deleteTask(task, deleteReason, cascade, skipCustomListeners);
            } finally {
                if (ends) {
                    answers.ending.remove(task.getId());
                    answers.byTask.remove(task.getId());
                }
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<Task> findTasksByParentTaskId(String parentTaskId) {
            CommandContext command = Context.getCommandContext();
            Answers answers = command.getSession(Answers.class);
            if (parentTaskId == null || !answers.ending.contains(parentTaskId) || answers.byTask.containsKey(parentTaskId)) {
                return super.findTasksByParentTaskId(parentTaskId); // not the start of a task's end
            }
            List<Map<String, Object>> rows = getDbEntityManager().selectList(SELECT, parentTaskId);
            Answer answer = rows.isEmpty() ? new Answer(true, true, true, true) : Answer.of(rows.get(0));
            answers.byTask.put(parentTaskId, answer);
            EndAuthorizations.Ends ends = EndAuthorizations.Ends.of(command);
            if (answer.authorizations()) {
                ends.tasksWithout.remove(parentTaskId);
            } else {
                ends.tasksWithout.add(parentTaskId);
            }
            List<TaskEntity> inserted = new ArrayList<>();
            DbEntityCache cache = getDbEntityManager().getDbEntityCache();
            for (TaskEntity cached : cache.getEntitiesByType(TaskEntity.class)) {
                if (parentTaskId.equals(cached.getParentTaskId()) && cache.isTransient(cached)) {
                    inserted.add(cached);
                }
            }
            if (!answer.subtasks() && inserted.isEmpty()) {
                return new ArrayList<>();
            }
            List<Task> subtasks = answer.subtasks() ? new ArrayList<>(super.findTasksByParentTaskId(parentTaskId))
                    : new ArrayList<>();
            for (TaskEntity subtask : inserted) {
                if (!subtasks.contains(subtask)) {
                    subtasks.add(subtask);
                }
            }
            return subtasks;
        }
    }

    /** An ending task's identity links: Camunda's read only if the database or the command's cache has one. */
    static final class IdentityLinks extends IdentityLinkManager {

        @Override
        public List<IdentityLinkEntity> findIdentityLinksByTaskId(String taskId) {
            Answer answer = Answers.of(taskId);
            if (answer == null || answer.links()) {
                return super.findIdentityLinksByTaskId(taskId);
            }
            for (IdentityLinkEntity cached : getDbEntityManager().getDbEntityCache().getEntitiesByType(IdentityLinkEntity.class)) {
                if (taskId.equals(cached.getTaskId())) {
                    return super.findIdentityLinksByTaskId(taskId);
                }
            }
            return new ArrayList<>();
        }
    }

    /** An ending task's variables: Camunda's read only if the database or the command's cache has one. */
    static final class Variables extends VariableInstanceManager {

        @Override
        public void deleteVariableInstanceByTask(TaskEntity task) {
            Answer answer = Answers.of(task.getId());
            if (answer == null || answer.variables() || store(task).isInitialized()) {
                super.deleteVariableInstanceByTask(task);
                return;
            }
            for (VariableInstanceEntity cached : getDbEntityManager().getDbEntityCache().getEntitiesByType(VariableInstanceEntity.class)) {
                if (task.getId().equals(cached.getTaskId())) {
                    super.deleteVariableInstanceByTask(task);
                    return;
                }
            }
            // nothing to delete; the store stays unloaded, and a later read in this command finds what the database has
        }

        private static VariableStore<?> store(TaskEntity task) {
            try {
                return (VariableStore<?>) VARIABLE_STORE.get(task);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Camunda's " + type.getSimpleName() + " has no " + name
                    + ": re-check workflow/internal/TaskEnds after the upgrade", e);
        }
    }
}
