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
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.flowable.common.engine.impl.interceptor.CommandConfig;
import org.flowable.dmn.api.DecisionExecutionAuditContainer;
import org.flowable.dmn.api.DmnDecision;
import org.flowable.dmn.api.DmnRepositoryService;
import org.flowable.dmn.api.ExecuteDecisionContext;
import org.flowable.dmn.engine.DmnEngine;
import org.flowable.dmn.engine.DmnEngineConfiguration;
import org.flowable.dmn.api.RuleExecutionAuditContainer;
import org.flowable.dmn.model.Decision;
import org.flowable.dmn.model.DecisionRule;
import org.flowable.dmn.model.DecisionTable;
import org.flowable.dmn.model.InputClause;
import javax.xml.stream.XMLStreamException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link DecisionService} on Flowable DMN; inputs are checked against the table before evaluation. The latest
 * version of each decision is kept parsed in memory and evaluated by Flowable's rule engine directly, so an
 * evaluation does no repository look-up and takes no database connection (issue 19).
 */
@Service
class FlowableDecisionService implements DecisionService {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** How long a node trusts its cached latest version before asking the database again (another node may deploy). */
    static final Duration RECHECK = Duration.ofSeconds(10);

    private final DmnRepositoryService dmnRepositoryService;
    private final DmnEngineConfiguration engine;
    private final DecisionDeployments deployments;
    private final DecisionEvaluationRecorder recorder;
    /** The latest deployed version of each decision, parsed, by key: evaluating needs no repository look-up. */
    private final Map<String, Deployed> latest = new ConcurrentHashMap<>();
    private volatile long generation;
    private final LongAdder lookUps = new LongAdder();

    FlowableDecisionService(DmnEngine dmnEngine, DecisionDeployments deployments, DecisionEvaluationRecorder recorder) {
        this.engine = dmnEngine.getDmnEngineConfiguration();
        this.dmnRepositoryService = dmnEngine.getDmnRepositoryService();
        this.deployments = deployments;
        this.recorder = recorder;
        this.generation = deployments.generation();
    }

    /** A deployed decision version with everything an evaluation needs, read once. */
    record Deployed(DmnDecision definition, Decision decision, DecisionTable table, Map<String, String> annotations,
            long checkedAt) {

        Deployed checked(long now) {
            return new Deployed(definition, decision, table, annotations, now);
        }
    }

    @Override
    public DecisionResult evaluate(String decisionKey, Map<String, Object> inputs) {
        Deployed deployed = deployed(decisionKey);
        checkInputs(decisionKey, deployed.table(), inputs);

        ExecuteDecisionContext context = new ExecuteDecisionContext();
        context.setDecisionKey(decisionKey);
        context.setDecisionId(deployed.definition().getId());
        context.setDecisionVersion(deployed.definition().getVersion());
        context.setDeploymentId(deployed.definition().getDeploymentId());
        context.setVariables(new LinkedHashMap<>(inputs));
        context.setDmnElement(deployed.decision());
        // The rule engine on the parsed table, inside a command (the hit policies read the engine's configuration
        // from it) that opens no transaction and so takes no connection from Flowable's pool.
        DecisionExecutionAuditContainer audit = engine.getCommandExecutor().execute(new CommandConfig(false).transactionNotSupported(),
                commandContext -> engine.getRuleEngineExecutor().execute(deployed.decision(), context));
        if (Boolean.TRUE.equals(audit.isFailed())) {
            String why = audit.getExceptionMessage() != null ? audit.getExceptionMessage() : audit.getValidationMessage();
            throw new DecisionEvaluationException("Decision '" + decisionKey + "' v" + deployed.definition().getVersion()
                    + " could not be evaluated: " + why);
        }
        return new DecisionResult(decisionKey, deployed.definition().getVersion(), audit.getDecisionResult(),
                matchedRules(deployed.table(), deployed.annotations(), audit));
    }

    @Override
    @Transactional
    public DecisionResult evaluateAndRecord(String decisionKey, Map<String, Object> inputs, DecisionAudit audit) {
        Date evaluatedAt = new Date();
        DecisionResult result = evaluate(decisionKey, inputs);
        recorder.record(result, inputs, audit, evaluatedAt.toInstant());
        return result;
    }

    /** How often the repository was asked for a decision's latest version (tests: not once per evaluation). */
    long lookUps() {
        return lookUps.sum();
    }

    /**
     * The cached latest version; a deployment in this JVM (start-up, a test) empties the cache at once
     * ({@link DecisionDeployments}), and every {@link #RECHECK} the database is asked whether another node
     * deployed a newer version (one indexed look-up per decision key, not per evaluation).
     */
    private Deployed deployed(String decisionKey) {
        long current = deployments.generation();
        if (current != generation) {
            latest.clear();
            generation = current;
        }
        long now = System.nanoTime();
        Deployed known = latest.get(decisionKey);
        if (known != null && now - known.checkedAt() < RECHECK.toNanos()) {
            return known;
        }
        DmnDecision definition = latestDefinition(decisionKey);
        Deployed deployed = known != null && known.definition().getId().equals(definition.getId())
                ? known.checked(now)
                : load(definition, now);
        latest.put(decisionKey, deployed);
        return deployed;
    }

    private DmnDecision latestDefinition(String decisionKey) {
        lookUps.increment();
        DmnDecision decision = dmnRepositoryService.createDecisionQuery()
                .decisionKey(decisionKey).latestVersion().singleResult();
        if (decision == null) {
            throw new DecisionEvaluationException("No decision with key '" + decisionKey + "' is deployed");
        }
        return decision;
    }

    /** Parses one at a time in this JVM: Flowable's DMN converters share their rule counter (see {@link #matchedRules}). */
    private static final Object PARSING = new Object();

    private Deployed load(DmnDecision definition, long now) {
        synchronized (PARSING) {
            return parse(definition, now);
        }
    }

    private Deployed parse(DmnDecision definition, long now) {
        Decision decision = dmnRepositoryService.getDmnDefinition(definition.getId()).getDecisions().stream()
                .filter(d -> d.getId().equals(definition.getKey()))
                .findFirst()
                .orElseThrow(() -> new DecisionEvaluationException("Decision '" + definition.getKey() + "' not found in its definition"));
        if (!(decision.getExpression() instanceof DecisionTable table)) {
            throw new DecisionEvaluationException("Decision '" + definition.getKey() + "' is not a decision table");
        }
        return new Deployed(definition, decision, table, annotations(definition), now);
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
        try (InputStream xml = dmnRepositoryService.getDmnResource(definition.getId())) {
            return RuleAnnotations.read(xml);
        } catch (IOException | XMLStreamException e) {
            throw new DecisionEvaluationException("Cannot read the rule annotations of '" + definition.getKey() + "': " + e.getMessage());
        }
    }

    /**
     * The matched rules, each found by the number Flowable gave it while parsing and named by its position in the table.
     * Flowable 7.2 numbers rules with a counter its XML converters share across threads (a static map of converter
     * instances): two tables parsed at once number each other's rules, so rule 9 of 11 may carry number 20 (a cluster
     * starting together, ClusterIT). The number still names one rule of the executed table; its position is the truth.
     */
    static List<MatchedRule> matchedRules(DecisionTable table, Map<String, String> annotations,
            DecisionExecutionAuditContainer audit) {
        List<DecisionRule> rules = table.getRules();
        List<MatchedRule> matched = new ArrayList<>();
        for (RuleExecutionAuditContainer execution : audit.getRuleExecutions().values()) {
            if (Boolean.TRUE.equals(execution.isValid())) {
                int position = positionOf(rules, execution.getRuleNumber());
                DecisionRule rule = rules.get(position);
                matched.add(new MatchedRule(rule.getId(), position + 1, annotations.getOrDefault(rule.getId(), rule.getDescription())));
            }
        }
        return matched;
    }

    /** The first rule with that number, by a look along the table (a dozen rules: no map built per evaluation). */
    private static int positionOf(List<DecisionRule> rules, int ruleNumber) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).getRuleNumber() == ruleNumber) {
                return i;
            }
        }
        throw new DecisionEvaluationException("Decision audit names rule number " + ruleNumber
                + ", which its table of " + rules.size() + " rules does not have");
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
