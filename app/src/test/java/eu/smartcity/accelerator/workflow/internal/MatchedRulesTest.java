package eu.smartcity.accelerator.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.workflow.DecisionEvaluationException;
import eu.smartcity.accelerator.workflow.DecisionResult.MatchedRule;
import java.util.List;
import java.util.Map;
import org.flowable.dmn.api.DecisionExecutionAuditContainer;
import org.flowable.dmn.model.DecisionRule;
import org.flowable.dmn.model.DecisionTable;
import org.junit.jupiter.api.Test;

/**
 * Which rules matched, as the audit of Flowable's rule engine names them by number. Flowable 7.2 numbers rules while
 * parsing with a counter its XML converters share across threads, so a table parsed beside another can carry numbers
 * past its size (seen in ClusterIT: "Index 20 out of bounds for length 11" failed every solution matching on a node).
 */
class MatchedRulesTest {

    @Test
    void aRuleIsFoundByItsNumberAndNamedByItsPositionEvenWhenTheParserNumberedItPastTheTable() {
        DecisionTable table = table(12, 11); // eleven rules numbered 12..22, as after an interleaved parse
        DecisionExecutionAuditContainer audit = audit(table, 20, 13);

        List<MatchedRule> matched = FlowableDecisionService.matchedRules(table, Map.of("rule-9", "the ninth"), audit);

        assertThat(matched).extracting(MatchedRule::ruleId).containsExactlyInAnyOrder("rule-9", "rule-2");
        assertThat(matched).filteredOn(m -> m.ruleId().equals("rule-9")).singleElement()
                .satisfies(m -> assertThat(m.ruleNumber()).isEqualTo(9))
                .satisfies(m -> assertThat(m.annotation()).isEqualTo("the ninth"));
        assertThat(matched).filteredOn(m -> m.ruleId().equals("rule-2")).singleElement()
                .satisfies(m -> assertThat(m.ruleNumber()).isEqualTo(2));
    }

    @Test
    void aTableNumberedAsWrittenKeepsItsNumbers() {
        DecisionTable table = table(1, 6);
        assertThat(FlowableDecisionService.matchedRules(table, Map.of(), audit(table, 4)))
                .containsExactly(new MatchedRule("rule-4", 4, "description 4"));
    }

    @Test
    void anAuditNamingARuleTheTableDoesNotHaveIsRefusedInWords() {
        DecisionTable table = table(1, 6);
        DecisionRule stranger = rule(99, 99);
        DecisionExecutionAuditContainer audit = new DecisionExecutionAuditContainer();
        audit.addRuleEntry(stranger);
        audit.markRuleValid(99);
        assertThatThrownBy(() -> FlowableDecisionService.matchedRules(table, Map.of(), audit))
                .isInstanceOf(DecisionEvaluationException.class).hasMessageContaining("rule number 99");
    }

    /** {@code count} rules "rule-1".."rule-count" numbered from {@code firstNumber} on. */
    private static DecisionTable table(int firstNumber, int count) {
        DecisionTable table = new DecisionTable();
        for (int i = 1; i <= count; i++) {
            table.addRule(rule(i, firstNumber + i - 1));
        }
        return table;
    }

    private static DecisionRule rule(int position, int number) {
        DecisionRule rule = new DecisionRule();
        rule.setId("rule-" + position);
        rule.setDescription("description " + position);
        rule.setRuleNumber(number);
        return rule;
    }

    /** Every rule of the table entered, those with the given numbers matched. */
    private static DecisionExecutionAuditContainer audit(DecisionTable table, int... matchedNumbers) {
        DecisionExecutionAuditContainer audit = new DecisionExecutionAuditContainer();
        table.getRules().forEach(audit::addRuleEntry);
        for (int number : matchedNumbers) {
            audit.markRuleValid(number);
        }
        return audit;
    }
}
