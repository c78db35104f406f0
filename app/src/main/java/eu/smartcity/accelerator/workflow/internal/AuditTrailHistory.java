package eu.smartcity.accelerator.workflow.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
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
 * procurement record — who decided what in the selection and the contract). The current value of every variable
 * stays ({@code ACT_HI_VARINST}), as do task, process and incident history, identity links, the job log and the
 * user operation log (who completed, reassigned, changed a due date);</li>
 * <li>the <b>activity instances of gateways</b> ({@code ACT_HI_ACTINST}): a gateway is a routing step whose outcome is
 * the next activity, which is kept;</li>
 * <li><b>free text about people</b> (issue 24; the variables the contracts declare with
 * {@link eu.smartcity.accelerator.workflow.Variable#textAboutPeople}, listed in docs/personal-data.md): never written
 * to {@code ACT_HI_VARINST} nor {@code ACT_HI_DETAIL} (variable updates and Tasklist's form submissions), since
 * history is kept for ten years; the running process still reads them from its runtime variables, and their module
 * keeps the text in its own table where it needs it later (jury seat, contract, pilot report), within reach of erasure
 * and retention.</li>
 * </ul>
 * {@code accelerator.history.variable-updates=*} keeps every detail (FULL as Camunda writes it).
 */
@Component
class AuditTrailHistory extends AbstractProcessEnginePlugin {

    static final Set<String> GATEWAYS = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway",
            "complexGateway");

    private final Set<String> variableUpdates;
    private final Set<String> textAboutPeople;

    @Autowired
    AuditTrailHistory(@Value("${accelerator.history.variable-updates:challenge,contract}") List<String> variableUpdates) {
        this(variableUpdates, TextAboutPeople.declaredInContracts());
    }

    AuditTrailHistory(List<String> variableUpdates, Set<String> textAboutPeople) {
        this.variableUpdates = Set.copyOf(variableUpdates.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
        this.textAboutPeople = Set.copyOf(textAboutPeople);
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
    }

    /** Whether a variable change is written as a detail too (its variable's current value always is). */
    boolean keepsDetail(HistoricVariableUpdateEventEntity event) {
        return variableUpdates.contains("*") || variableUpdates.contains(event.getProcessDefinitionKey());
    }

    /** Whether the event is written to the history tables. */
    boolean keeps(HistoryEvent event) {
        if (event instanceof HistoricActivityInstanceEventEntity activity) {
            return activity.getActivityType() == null || !GATEWAYS.contains(activity.getActivityType());
        }
        if (event instanceof HistoricVariableUpdateEventEntity variable) {
            return !textAboutPeople.contains(variable.getVariableName());
        }
        if (event instanceof HistoricFormPropertyEventEntity formField) {
            return !textAboutPeople.contains(formField.getPropertyId());
        }
        return true;
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

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            for (HistoryEvent event : events) {
                handleEvent(event);
            }
        }
    }
}
