package eu.smartcity.accelerator.workflow.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricScopeInstanceEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The history each process keeps, chosen deliberately (issue 19; docs/settings.md). Camunda 7 has one history level
 * per engine, so the engine stays at FULL (the level stored in the database does not change) and this handler, in
 * place of Camunda's default one, leaves out what no audit and no page needs:
 * <ul>
 * <li>the <b>variable update details</b> ({@code ACT_HI_DETAIL}: every intermediate value of every variable) of every
 * process not named in {@code accelerator.history.variable-updates} (default {@code challenge,contract}: the
 * procurement record — who decided what in the selection and the contract). The current value of each variable
 * stays ({@code ACT_HI_VARINST}; exceptions below), as do task, process and incident history, identity links, the job
 * log and the user operation log (who completed, reassigned, changed a due date);</li>
 * <li>the <b>activity instances of gateways</b> ({@code ACT_HI_ACTINST}): a gateway is a routing step whose outcome is
 * the next activity, which is kept;</li>
 * <li>the <b>variables of the processes named in {@code accelerator.history.without-variables}</b> (default
 * {@code application}: one instance per application, whose variables are ids and the outcomes its gateways route on;
 * the application, its status changes with who and when, and its recorded decisions are the app's own records, and
 * the process's activity history shows the path it took), neither current values nor changes;</li>
 * <li>the <b>engine's multi-instance bookkeeping</b> ({@value #MULTI_INSTANCE_BOOKKEEPING_NAMES}: counters Camunda keeps
 * on a multi-instance activity and updates on every completed instance, e.g. every jury mark): neither in
 * {@code ACT_HI_VARINST} nor in {@code ACT_HI_DETAIL}. They say nothing the task and activity history does not
 * (how many instances ran and finished); the element variable of each instance (the juror, the application) is kept;</li>
 * <li>the <b>scheduling entries of the job log</b> ({@code ACT_HI_JOB_LOG}: a job was created, a job was deleted
 * unrun, e.g. a reminder timer cancelled by the task it watched): the log keeps every run of a job, successful or
 * failed (with its node and, for a failure, its stack trace);</li>
 * <li>for a <b>user task whose model declares its history</b> ({@value #HISTORY_PROPERTY}, a {@code camunda:property}
 * of the task): with {@value #TASK_ONLY}, its activity instances ({@code ACT_HI_ACTINST}) and its identity-link log
 * ({@code ACT_HI_IDENTITYLINK}), its task instance ({@code ACT_HI_TASKINST}: who, when started and ended, how it ended)
 * being written as for every task; with {@value #NONE} (the jury's {@code UserTask_ScoreApplication}), its task instance
 * too. The model says so where the feature keeps the task's facts in its own records and its readers read those (for
 * a score task: {@code jury_score_task} names the juror and the opening, {@code jury_score} who marked when), so the
 * engine's rows would repeat them; the user operation log is kept. The declaration is per deployed version: the
 * tasks of an older version keep the history it declared;</li>
 * <li><b>free text about people</b> (issue 24; the variables the contracts declare with
 * {@link eu.smartcity.accelerator.workflow.Variable#textAboutPeople}, listed in docs/personal-data.md): never written
 * to {@code ACT_HI_VARINST} nor {@code ACT_HI_DETAIL} (variable updates and Tasklist's form submissions), since
 * history is kept for ten years; the running process still reads them from its runtime variables, and their module
 * keeps the text in its own table where it needs it later (jury seat, contract, pilot report), within reach of erasure
 * and retention.</li>
 * </ul>
 * {@code accelerator.history.variable-updates=*} keeps every detail (FULL as Camunda writes it).
 * <p>
 * What is kept is written with fewer statements than Camunda's handler: the end of an activity, task or process
 * instance that started in an earlier transaction is one {@code UPDATE} whose duration the database computes from the
 * stored start time (AuditTrailHistory.xml), where Camunda first selects the row to read that start time; an update
 * that is not an end (an assignment) needs no start time and is written without the select too.
 */
@Component
class AuditTrailHistory extends AbstractProcessEnginePlugin {

    static final Set<String> GATEWAYS = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway",
            "complexGateway");

    static final String MULTI_INSTANCE_BOOKKEEPING_NAMES = "nrOfInstances, nrOfActiveInstances, nrOfCompletedInstances, loopCounter";

    /** The variables Camunda sets on a multi-instance activity (reserved names, ProcessContractsTest). */
    static final Set<String> MULTI_INSTANCE_BOOKKEEPING = Set.of(MULTI_INSTANCE_BOOKKEEPING_NAMES.split(", "));

    /** The statements of {@code AuditTrailHistory.xml}: per event class, its end and its duration alone. */
    static final Map<Class<? extends HistoryEvent>, String[]> END_STATEMENTS = Map.of(
            HistoricActivityInstanceEventEntity.class,
            new String[] {"acceleratorEndHistoricActivityInstance", "acceleratorDurationOfHistoricActivityInstance"},
            HistoricTaskInstanceEventEntity.class,
            new String[] {"acceleratorEndHistoricTaskInstance", "acceleratorDurationOfHistoricTaskInstance"},
            HistoricProcessInstanceEventEntity.class,
            new String[] {"acceleratorEndHistoricProcessInstance", "acceleratorDurationOfHistoricProcessInstance"});

    /** The activity type of a user task: the only activities a model may declare {@value #TASK_ONLY} (no look-up for the rest). */
    private static final String USER_TASK = "userTask";

    /** The {@code camunda:property} by which a model declares what history one of its user tasks keeps. */
    static final String HISTORY_PROPERTY = "accelerator.history";

    /** One value: the task instance only (no activity instance, no identity-link log). */
    static final String TASK_ONLY = "task-only";

    /** The other value: no history of the task at all (no task instance either): the feature's records are its history. */
    static final String NONE = "none";

    /** The parsed activity's mark: the history its model declared ({@value #TASK_ONLY} or {@value #NONE}). */
    private static final String DECLARED_MARK = "acceleratorDeclaredHistory";

    private static final String MAPPER = "eu/smartcity/accelerator/workflow/internal/AuditTrailHistory.xml";

    private final Set<String> variableUpdates;
    private final Set<String> withoutVariables;
    private final Set<String> textAboutPeople;

    @Autowired
    AuditTrailHistory(@Value("${accelerator.history.variable-updates:challenge,contract}") List<String> variableUpdates,
            @Value("${accelerator.history.without-variables:application}") List<String> withoutVariables) {
        this(variableUpdates, withoutVariables, TextAboutPeople.declaredInContracts());
    }

    AuditTrailHistory(List<String> variableUpdates, List<String> withoutVariables, Set<String> textAboutPeople) {
        this.variableUpdates = keys(variableUpdates);
        this.withoutVariables = keys(withoutVariables);
        this.textAboutPeople = Set.copyOf(textAboutPeople);
    }

    private static Set<String> keys(List<String> processDefinitionKeys) {
        return Set.copyOf(processDefinitionKeys.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    /** The variables history never stores. */
    Set<String> textAboutPeople() {
        return textAboutPeople;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(new Handler(this));
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new TaskOnlyHistory());
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /**
     * Marks each user task whose model declares {@value #HISTORY_PROPERTY} = {@value #TASK_ONLY} or {@value #NONE};
     * refuses any other value.
     */
    static final class TaskOnlyHistory extends AbstractBpmnParseListener {

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            Map<String, String> properties = BpmnParseUtil.parseCamundaExtensionProperties(userTaskElement);
            String declared = properties == null ? null : properties.get(HISTORY_PROPERTY);
            if (declared == null) {
                return;
            }
            String level = declared.strip();
            if (!TASK_ONLY.equals(level) && !NONE.equals(level)) {
                throw new IllegalArgumentException("User task " + activity.getId() + ": " + HISTORY_PROPERTY + " may only be "
                        + TASK_ONLY + " or " + NONE + ", not " + declared);
            }
            activity.setProperty(DECLARED_MARK, level);
        }
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        addStatements(configuration.getSqlSessionFactory().getConfiguration());
    }

    /** Adds the statements of AuditTrailHistory.xml to the engine's MyBatis configuration (once: it may be shared). */
    static void addStatements(Configuration mybatis) {
        CustomManagers.addStatements(mybatis, MAPPER, END_STATEMENTS.get(HistoricActivityInstanceEventEntity.class)[0]);
    }

    /** Whether a variable change is written as a detail too (its variable's current value always is). */
    boolean keepsDetail(HistoricVariableUpdateEventEntity event) {
        return variableUpdates.contains("*") || variableUpdates.contains(event.getProcessDefinitionKey());
    }

    /** Whether the event is written to the history tables. */
    boolean keeps(HistoryEvent event) {
        if (event instanceof HistoricActivityInstanceEventEntity activity) {
            String type = activity.getActivityType();
            return (type == null || !GATEWAYS.contains(type))
                    && !((type == null || USER_TASK.equals(type)) && declared(activity.getProcessDefinitionId(), activity.getActivityId()) != null);
        }
        if (event instanceof HistoricTaskInstanceEventEntity task) {
            return !NONE.equals(declared(task.getProcessDefinitionId(), task.getTaskDefinitionKey()));
        }
        if (event instanceof HistoricIdentityLinkLogEventEntity link && link.getTaskId() != null) {
            TaskEntity task = cachedTask(link.getTaskId());
            return task == null || declared(task.getProcessDefinitionId(), task.getTaskDefinitionKey()) == null;
        }
        if (event instanceof HistoricVariableUpdateEventEntity variable) {
            return !withoutVariables.contains(variable.getProcessDefinitionKey()) && !textAboutPeople.contains(variable.getVariableName())
                    && !MULTI_INSTANCE_BOOKKEEPING.contains(variable.getVariableName());
        }
        if (event instanceof HistoricFormPropertyEventEntity formField) {
            return !withoutVariables.contains(formField.getProcessDefinitionKey()) && !textAboutPeople.contains(formField.getPropertyId());
        }
        if (event instanceof HistoricJobLogEventEntity job) {
            return job.isSuccessLog() || job.isFailureLog();
        }
        return true;
    }

    /**
     * The history the model declares for the activity ({@value #TASK_ONLY}, {@value #NONE}), or null: none declared,
     * outside a command, an activity of no deployed definition, or a multi-instance body (only the task inside carries
     * the declaration).
     */
    static String declared(String processDefinitionId, String activityId) {
        if (processDefinitionId == null || activityId == null || Context.getCommandContext() == null) {
            return null;
        }
        ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(processDefinitionId);
        ActivityImpl activity = definition == null ? null : definition.findActivity(activityId);
        return activity == null ? null : (String) activity.getProperty(DECLARED_MARK);
    }

    /**
     * The task of an identity-link event, as this command holds it: a link is added or removed by a command that
     * loaded or created its task (the assignee set at creation, a claim, a reassignment); null when it is not held.
     */
    private static TaskEntity cachedTask(String taskId) {
        CommandContext command = Context.getCommandContext();
        return command == null ? null : command.getDbEntityManager().getCachedEntity(TaskEntity.class, taskId);
    }

    /** Camunda's own database handler for everything kept. */
    static final class Handler extends DbHistoryEventHandler {

        private final AuditTrailHistory rules;

        Handler(AuditTrailHistory rules) {
            this.rules = rules;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (rules.keeps(event)) {
                super.handleEvent(event);
            }
        }

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return super.shouldWriteHistoricDetail(event) && rules.keepsDetail(event);
        }

        /**
         * Camunda's insert-or-update, except for a later event (an assignment, an end) of an activity, task or process
         * instance this transaction has not loaded: Camunda selects the row first, to put its start time on the event
         * for the duration; no update writes the start time itself. Here an end is one statement that computes the
         * duration in the database, and an update that is not an end is merged without the select.
         */
        @Override
        protected void insertOrUpdate(HistoryEvent event) {
            String[] statements = END_STATEMENTS.get(event.getClass());
            if (statements == null || isInitialEvent(event) || event.getId() == null) {
                super.insertOrUpdate(event);
                return;
            }
            HistoricScopeInstanceEvent scope = (HistoricScopeInstanceEvent) event;
            DbEntityManager db = getDbEntityManager();
            Class<? extends DbEntity> type = event.getClass();
            HistoryEvent cached = db.getCachedEntity(event.getClass(), event.getId());
            if (cached != null) {
                // the producer changed the cached entity itself, and the flush writes it (as Camunda's handler does);
                // if it was merged here without its start time, its duration follows the engine's update
                if (cached instanceof HistoricScopeInstanceEvent entity && entity.getEndTime() != null && entity.getStartTime() == null
                        && entity.getDurationRaw() == null) {
                    db.update(type, statements[1], entity);
                }
            } else if (scope.getEndTime() == null) {
                db.merge(event);
            } else {
                db.update(type, statements[0], event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            for (HistoryEvent event : events) {
                handleEvent(event);
            }
        }
    }
}
