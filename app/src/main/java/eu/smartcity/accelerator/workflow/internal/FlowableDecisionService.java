package eu.smartcity.accelerator.workflow.internal;

import eu.smartcity.accelerator.workflow.DecisionAudit;
import eu.smartcity.accelerator.workflow.DecisionEvaluationException;
import eu.smartcity.accelerator.workflow.DecisionInputException;
import eu.smartcity.accelerator.workflow.DecisionResult;
import eu.smartcity.accelerator.workflow.DecisionResult.MatchedRule;
import eu.smartcity.accelerator.workflow.DecisionService;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.flowable.dmn.api.DecisionExecutionAuditContainer;
import org.flowable.dmn.api.DmnDecision;
import org.flowable.dmn.api.DmnDecisionService;
import org.flowable.dmn.api.DmnRepositoryService;
import org.flowable.dmn.api.RuleExecutionAuditContainer;
import org.flowable.dmn.model.Decision;
import org.flowable.dmn.model.DecisionRule;
import org.flowable.dmn.model.DecisionTable;
import org.flowable.dmn.model.InputClause;
import javax.xml.stream.XMLStreamException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link DecisionService} on Flowable DMN; inputs are checked against the table before evaluation. */
@Service
class FlowableDecisionService implements DecisionService {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final DmnDecisionService dmnDecisionService;
    private final DmnRepositoryService dmnRepositoryService;
    private final DecisionEvaluationRecorder recorder;
    /** Parsed tables by decision definition id (immutable once deployed). */
    private final Map<String, DecisionTable> tables = new ConcurrentHashMap<>();
    /** Rule annotations (rule id → {@code <description>}) by decision definition id. */
    private final Map<String, Map<String, String>> annotations = new ConcurrentHashMap<>();

    FlowableDecisionService(DmnDecisionService dmnDecisionService, DmnRepositoryService dmnRepositoryService,
            DecisionEvaluationRecorder recorder) {
        this.dmnDecisionService = dmnDecisionService;
        this.dmnRepositoryService = dmnRepositoryService;
        this.recorder = recorder;
    }

    @Override
    public DecisionResult evaluate(String decisionKey, Map<String, Object> inputs) {
        DmnDecision definition = latest(decisionKey);
        DecisionTable table = table(definition);
        checkInputs(decisionKey, table, inputs);

        DecisionExecutionAuditContainer audit = dmnDecisionService.createExecuteDecisionBuilder()
                .decisionKey(decisionKey)
                .variables(new LinkedHashMap<>(inputs))
                .executeWithAuditTrail();
        if (Boolean.TRUE.equals(audit.isFailed())) {
            String why = audit.getExceptionMessage() != null ? audit.getExceptionMessage() : audit.getValidationMessage();
            throw new DecisionEvaluationException("Decision '" + decisionKey + "' v" + audit.getDecisionVersion()
                    + " could not be evaluated: " + why);
        }
        return new DecisionResult(decisionKey, audit.getDecisionVersion(), audit.getDecisionResult(),
                matchedRules(table, annotations(definition), audit));
    }

    @Override
    @Transactional
    public DecisionResult evaluateAndRecord(String decisionKey, Map<String, Object> inputs, DecisionAudit audit) {
        Date evaluatedAt = new Date();
        DecisionResult result = evaluate(decisionKey, inputs);
        recorder.record(result, inputs, audit, evaluatedAt.toInstant());
        return result;
    }

    private DmnDecision latest(String decisionKey) {
        DmnDecision decision = dmnRepositoryService.createDecisionQuery()
                .decisionKey(decisionKey).latestVersion().singleResult();
        if (decision == null) {
            throw new DecisionEvaluationException("No decision with key '" + decisionKey + "' is deployed");
        }
        return decision;
    }

    private DecisionTable table(DmnDecision definition) {
        return tables.computeIfAbsent(definition.getId(), id -> {
            Decision decision = dmnRepositoryService.getDmnDefinition(id).getDecisions().stream()
                    .filter(d -> d.getId().equals(definition.getKey()))
                    .findFirst()
                    .orElseThrow(() -> new DecisionEvaluationException("Decision '" + definition.getKey() + "' not found in its definition"));
            if (!(decision.getExpression() instanceof DecisionTable table)) {
                throw new DecisionEvaluationException("Decision '" + definition.getKey() + "' is not a decision table");
            }
            return table;
        });
    }

    /** A missing or mistyped input is the caller's error: say which, instead of letting a rule silently not match. */
    static void checkInputs(String decisionKey, DecisionTable table, Map<String, Object> inputs) {
        for (InputClause clause : table.getInputs()) {
            String name = clause.getInputExpression().getText().trim();
            if (!PLAIN_NAME.matcher(name).matches()) {
                continue; // computed expression: the engine reports its own errors
            }
            if (!inputs.containsKey(name) || inputs.get(name) == null) {
                throw new DecisionInputException(decisionKey, name, "is missing");
            }
            Object value = inputs.get(name);
            String typeRef = clause.getInputExpression().getTypeRef();
            if (typeRef != null && !accepts(typeRef, value)) {
                throw new DecisionInputException(decisionKey, name,
                        "must be of type " + typeRef + " but was " + value.getClass().getSimpleName() + " '" + value + "'");
            }
            if ((value instanceof Double d && !Double.isFinite(d)) || (value instanceof Float f && !Float.isFinite(f))) {
                throw new DecisionInputException(decisionKey, name, "must be a finite number but was " + value);
            }
        }
    }

    /**
     * Flowable 7.2's XML converter drops a rule's {@code <description>} (it lands on the table), so the
     * annotations are read from the deployed DMN itself, once per deployed version.
     */
    private Map<String, String> annotations(DmnDecision definition) {
        return annotations.computeIfAbsent(definition.getId(), id -> {
            try (InputStream xml = dmnRepositoryService.getDmnResource(id)) {
                return RuleAnnotations.read(xml);
            } catch (IOException | XMLStreamException e) {
                throw new DecisionEvaluationException("Cannot read the rule annotations of '" + definition.getKey() + "': " + e.getMessage());
            }
        });
    }

    private static List<MatchedRule> matchedRules(DecisionTable table, Map<String, String> annotations,
            DecisionExecutionAuditContainer audit) {
        List<MatchedRule> matched = new ArrayList<>();
        for (RuleExecutionAuditContainer execution : audit.getRuleExecutions().values()) {
            if (Boolean.TRUE.equals(execution.isValid())) {
                DecisionRule rule = table.getRules().get(execution.getRuleNumber() - 1);
                matched.add(new MatchedRule(rule.getId(), execution.getRuleNumber(),
                        annotations.getOrDefault(rule.getId(), rule.getDescription())));
            }
        }
        return matched;
    }

    /** The DMN typeRefs our tables use, and the Java values each accepts. */
    static boolean accepts(String typeRef, Object value) {
        return switch (typeRef.toLowerCase()) {
            case "string" -> value instanceof CharSequence;
            case "number", "integer", "long", "double" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            case "date" -> value instanceof Date || value instanceof java.time.temporal.Temporal;
            default -> true;
        };
    }
}
