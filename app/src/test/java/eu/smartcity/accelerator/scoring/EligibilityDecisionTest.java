package eu.smartcity.accelerator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.scoring.DecisionCases.Case;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.workflow.DecisionAudit;
import eu.smartcity.accelerator.workflow.DecisionInputException;
import eu.smartcity.accelerator.workflow.DecisionRecords;
import eu.smartcity.accelerator.workflow.DecisionResult;
import eu.smartcity.accelerator.workflow.DecisionService;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The {@code eligibility} table through the DecisionService (Flowable) and the EligibilityCheck service. */
@AcceleratorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EligibilityDecisionTest {

    @Autowired DecisionService decisions;
    @Autowired EligibilityCheck eligibilityCheck;
    @Autowired DecisionRecords records;

    final Set<String> matchedRules = new HashSet<>();

    static List<Case> cases() {
        return DecisionCases.eligibility();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givesEveryFailedConditionAndOnlyThose(Case c) {
        DecisionResult result = decisions.evaluate(Decisions.ELIGIBILITY, c.inputs());

        assertThat(result.outputs()).extracting(row -> row.get("reasonCode")).containsExactlyElementsOf(c.expected());
        assertThat(result.outputs()).allSatisfy(row -> assertThat((String) row.get("reason")).isNotBlank().endsWith("."));
        assertThat(result.matchedRules()).extracting(DecisionResult.MatchedRule::ruleId).containsExactlyElementsOf(c.expectedRules());
        assertThat(result.matchedRules()).allSatisfy(rule -> assertThat(rule.annotation()).isNotBlank());
        result.matchedRules().forEach(rule -> matchedRules.add(rule.ruleId()));
    }

    @AfterAll
    void everyRuleMatchedAtLeastOnce() {
        assertThat(matchedRules).containsExactlyInAnyOrderElementsOf(DecisionCases.ruleIds(Decisions.ELIGIBILITY));
    }

    @Test
    void checkTellsAnIneligibleApplicantEveryReasonAndRecordsIt() {
        String applicationId = "app-" + UUID.randomUUID();
        EligibilityFacts facts = new EligibilityFacts(true, "BE", true, 12, new BigDecimal("70000"), new BigDecimal("60000"),
                4, 6, false, true, true, true);

        EligibilityVerdict verdict = eligibilityCheck.check(applicationId, facts, "process-42");

        assertThat(verdict.eligible()).isFalse();
        assertThat(verdict.reasonCodes()).containsExactly("BUDGET_ABOVE_CAP", "TRL_BELOW_MINIMUM", "DECLARATIONS_NOT_SIGNED");
        assertThat(verdict.decisionVersion()).isPositive();
        assertThat(records.forSubject(Decisions.SUBJECT_APPLICATION, applicationId)).singleElement().satisfies(record -> {
            assertThat(record.decisionKey()).isEqualTo("eligibility");
            assertThat(record.decisionVersion()).isEqualTo(verdict.decisionVersion());
            assertThat(record.processInstanceId()).isEqualTo("process-42");
            assertThat(record.inputsJson()).contains("\"requestedBudget\":70000", "\"trl\":4");
            assertThat(record.matchedRulesJson()).contains("Rule_BudgetAboveCap", "Rule_TrlBelowMinimum", "Rule_DeclarationsNotSigned")
                    .doesNotContain("Rule_CompanyTooLarge");
            assertThat(record.matchedRulesJson()).as("rule annotations are recorded")
                    .contains("The requested budget exceeds the cycle cap (exactly the cap is allowed)");
            assertThat(record.outputsJson()).contains("BUDGET_ABOVE_CAP");
            assertThat(record.evaluatedAt()).isNotNull();
        });
    }

    @Test
    void checkFindsAnEligibleApplicantEligible() {
        EligibilityFacts facts = new EligibilityFacts(true, "NL", true, 249, new BigDecimal("60000"), new BigDecimal("60000"),
                6, 6, true, false, true, false);

        EligibilityVerdict verdict = eligibilityCheck.check("app-" + UUID.randomUUID(), facts, null);

        assertThat(verdict.eligible()).isTrue();
        assertThat(verdict.reasons()).isEmpty();
    }

    @ParameterizedTest(name = "missing {0}")
    @ValueSource(strings = {"legalEntity", "country", "inProgrammeArea", "employees", "requestedBudget", "budgetCap", "trl",
            "minTrl", "declarationsSigned", "interoperable", "requireLegalEntity", "requireInteroperable"})
    void aMissingInputIsNamedAndNothingIsRecorded(String input) {
        Map<String, Object> inputs = new LinkedHashMap<>(DecisionCases.eligibleApplication());
        inputs.remove(input);
        long before = records.count();

        assertThatThrownBy(() -> decisions.evaluateAndRecord(Decisions.ELIGIBILITY, inputs, DecisionAudit.of("application", "app-missing")))
                .isInstanceOf(DecisionInputException.class)
                .hasMessageContaining("'" + input + "'").hasMessageContaining("missing")
                .extracting(e -> ((DecisionInputException) e).inputName()).isEqualTo(input);
        assertThat(records.count()).isEqualTo(before);
    }

    @Test
    void aMistypedInputIsNamedAndNothingIsRecorded() {
        long before = records.count();
        EligibilityFacts facts = new EligibilityFacts(true, "BE", true, 12, new BigDecimal("1"), new BigDecimal("2"),
                6, 6, true, true, true, true);
        Map<String, Object> inputs = facts.toInputs();
        inputs.put("trl", "seven");

        assertThatThrownBy(() -> decisions.evaluateAndRecord(Decisions.ELIGIBILITY, inputs, DecisionAudit.of("application", "app-typo")))
                .isInstanceOf(DecisionInputException.class)
                .hasMessage("Decision 'eligibility': input 'trl' must be of type number but was String 'seven'");
        assertThat(records.count()).isEqualTo(before);
    }

    @Test
    void aNullFactIsNamedByTheServiceAndNothingIsRecorded() {
        long before = records.count();
        EligibilityFacts facts = new EligibilityFacts(true, "BE", true, null, new BigDecimal("1"), new BigDecimal("2"),
                6, 6, true, true, true, true);

        assertThatThrownBy(() -> eligibilityCheck.check("app-null", facts, null))
                .isInstanceOf(DecisionInputException.class).hasMessageContaining("'employees' is missing");
        assertThat(records.count()).isEqualTo(before);
    }

    @Test
    void aCountryThatIsNotAnIsoCodeIsRefused() {
        long before = records.count();
        EligibilityFacts facts = new EligibilityFacts(true, "Belgium", true, 12, new BigDecimal("1"), new BigDecimal("2"),
                6, 6, true, true, true, true);

        assertThatThrownBy(() -> eligibilityCheck.check("app-country", facts, null))
                .isInstanceOf(DecisionInputException.class).hasMessageContaining("'country' must be an ISO 3166 alpha-2 code");
        assertThat(records.count()).isEqualTo(before);
    }

    @Test
    void aNotANumberBudgetIsRefused() {
        Map<String, Object> inputs = new LinkedHashMap<>(DecisionCases.eligibleApplication());
        inputs.put("requestedBudget", Double.NaN);

        assertThatThrownBy(() -> decisions.evaluate(Decisions.ELIGIBILITY, inputs))
                .isInstanceOf(DecisionInputException.class).hasMessageContaining("'requestedBudget' must be a finite number");
    }
}
