package eu.smartcity.accelerator.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.smartcity.accelerator.workflow.DecisionRecord;
import eu.smartcity.accelerator.workflow.DecisionRecords;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The recorded eligibility check of an application in the reader's language: one line per condition of the
 * {@code eligibility} table (the fact with its value and unit, what the condition asks, met or not) and, for
 * each condition that failed, the reason naming the figures. Every word comes from the message bundles
 * ({@code explanation.fact.<input>}, {@code explanation.requirement.*}, {@code eligibility.reason.<reasonCode>});
 * the table's own English outputs and annotations are for auditors, never shown. Read from the decision record,
 * so the page says what the table was given, even if the application or the bylaws change later.
 */
@Service
public class EligibilityInWords {

    /** The table's SME limit ({@code Rule_CompanyTooLarge}: employees {@code >= 250} fails). */
    public static final int SME_EMPLOYEE_LIMIT = 250;

    /**
     * The table's conditions in table order: its rule, the reason code the rule outputs, and the input that is
     * the applicant's fact. The other inputs (the cycle's cap, the minimum TRL, whether a legal entity or open
     * standards are required, whether the country is in the programme area) are said in the requirement.
     */
    public record Condition(String ruleId, String reasonCode, String fact) {}

    public static final List<Condition> CONDITIONS = List.of(
            new Condition("Rule_NotALegalEntity", "NOT_A_LEGAL_ENTITY", "legalEntity"),
            new Condition("Rule_CountryMissing", "COUNTRY_MISSING", "country"),
            new Condition("Rule_OutsideProgrammeArea", "OUTSIDE_PROGRAMME_AREA", "inProgrammeArea"),
            new Condition("Rule_CompanyTooLarge", "COMPANY_TOO_LARGE", "employees"),
            new Condition("Rule_BudgetAboveCap", "BUDGET_ABOVE_CAP", "requestedBudget"),
            new Condition("Rule_TrlBelowMinimum", "TRL_BELOW_MINIMUM", "trl"),
            new Condition("Rule_DeclarationsNotSigned", "DECLARATIONS_NOT_SIGNED", "declarationsSigned"),
            new Condition("Rule_NotInteroperable", "NOT_INTEROPERABLE", "interoperable"));

    /** One condition as the applicant reads it: "Requested budget: € 9.900,00 — at most € 10.000,00". */
    public record Line(String fact, String value, String requirement, boolean met, String reason) {}

    private final DecisionRecords records;
    private final MessageSource messages;
    private final ObjectMapper json;

    EligibilityInWords(DecisionRecords records, MessageSource messages, ObjectMapper json) {
        this.records = records;
        this.messages = messages;
        this.json = json;
    }

    /** The application's last eligibility check, or empty when it was never checked (still open, withdrawn). */
    public Optional<DecisionRecord> lastCheck(UUID applicationId) {
        // the process's check after the deadline; before it, the check made when the application was submitted
        Optional<DecisionRecord> decided = lastEligibility(Decisions.SUBJECT_APPLICATION, applicationId);
        return decided.isPresent() ? decided : lastEligibility(Decisions.SUBJECT_SUBMISSION, applicationId);
    }

    private Optional<DecisionRecord> lastEligibility(String subjectType, UUID applicationId) {
        List<DecisionRecord> checks = records.forSubject(subjectType, applicationId.toString()).stream()
                .filter(r -> r.decisionKey().equals(Decisions.ELIGIBILITY)).toList();
        return checks.isEmpty() ? Optional.empty() : Optional.of(checks.get(checks.size() - 1));
    }

    /** Every condition of the check, met or not. */
    public List<Line> lines(DecisionRecord check, Locale locale) {
        Map<String, Object> in = read(check.inputsJson(), new TypeReference<>() {});
        Set<String> failed = failedRules(check);
        List<Line> lines = new ArrayList<>();
        for (Condition condition : CONDITIONS) {
            boolean met = !failed.contains(condition.ruleId());
            lines.add(new Line(text("explanation.fact." + condition.fact(), locale), value(condition, in, locale),
                    requirement(condition, in, locale), met, met ? null : reason(condition, in, locale)));
        }
        return lines;
    }

    /**
     * The failed conditions of a check just made (at submission, on a draft), worded as the recorded ones: the
     * table's inputs and the reason codes it answered.
     */
    public List<Line> failed(EligibilityFacts facts, List<String> reasonCodes, Locale locale) {
        Map<String, Object> in = facts.toInputs();
        return CONDITIONS.stream().filter(c -> reasonCodes.contains(c.reasonCode()))
                .map(c -> new Line(text("explanation.fact." + c.fact(), locale), value(c, in, locale),
                        requirement(c, in, locale), false, reason(c, in, locale)))
                .toList();
    }

    /** The reasons of the failed conditions only, naming the figures (My applications). */
    public List<String> reasons(DecisionRecord check, Locale locale) {
        return lines(check, locale).stream().filter(l -> !l.met()).map(Line::reason).toList();
    }

    /** The translated annotation of a rule of one of the tables ({@code decision.<key>.rule.<ruleId>}). */
    public String ruleAnnotation(String decisionKey, String ruleId, Locale locale) {
        return text("decision." + decisionKey + ".rule." + ruleId, locale);
    }

    /** The ids of the rules that matched in a recorded evaluation, in table order. */
    public List<String> matchedRuleIds(DecisionRecord record) {
        List<Map<String, Object>> rules = read(record.matchedRulesJson(), new TypeReference<>() {});
        return rules.stream().map(rule -> String.valueOf(rule.get("ruleId"))).toList();
    }

    private Set<String> failedRules(DecisionRecord check) {
        return matchedRuleIds(check).stream().collect(Collectors.toSet());
    }

    private String value(Condition condition, Map<String, Object> in, Locale locale) {
        Object value = in.get(condition.fact());
        return switch (condition.fact()) {
            case "requestedBudget" -> money(value, locale);
            case "employees", "trl" -> number(value, locale);
            case "country" -> country(value, locale);
            default -> text(Boolean.TRUE.equals(value) ? "explanation.value.yes" : "explanation.value.no", locale);
        };
    }

    private String requirement(Condition condition, Map<String, Object> in, Locale locale) {
        return switch (condition.ruleId()) {
            case "Rule_NotALegalEntity" -> text(Boolean.TRUE.equals(in.get("requireLegalEntity"))
                    ? "explanation.requirement.legalEntity" : "explanation.requirement.legalEntityNotRequired", locale);
            case "Rule_CountryMissing" -> text("explanation.requirement.country", locale);
            case "Rule_OutsideProgrammeArea" -> text("explanation.requirement.programmeArea", locale);
            case "Rule_CompanyTooLarge" -> text("explanation.requirement.employees", locale, number(SME_EMPLOYEE_LIMIT, locale));
            case "Rule_BudgetAboveCap" -> text("explanation.requirement.budget", locale, money(in.get("budgetCap"), locale));
            case "Rule_TrlBelowMinimum" -> text("explanation.requirement.trl", locale, number(in.get("minTrl"), locale));
            case "Rule_DeclarationsNotSigned" -> text("explanation.requirement.declarations", locale);
            case "Rule_NotInteroperable" -> text(Boolean.TRUE.equals(in.get("requireInteroperable"))
                    ? "explanation.requirement.interoperable" : "explanation.requirement.interoperableNotRequired", locale);
            default -> throw new IllegalStateException("No wording for eligibility rule " + condition.ruleId());
        };
    }

    /** {0} the applicant's figure, {1} the limit it missed. */
    private String reason(Condition condition, Map<String, Object> in, Locale locale) {
        String key = "eligibility.reason." + condition.reasonCode();
        return switch (condition.ruleId()) {
            case "Rule_CompanyTooLarge" -> text(key, locale, number(in.get("employees"), locale), number(SME_EMPLOYEE_LIMIT, locale));
            case "Rule_BudgetAboveCap" -> text(key, locale, money(in.get("requestedBudget"), locale), money(in.get("budgetCap"), locale));
            case "Rule_TrlBelowMinimum" -> text(key, locale, number(in.get("trl"), locale), number(in.get("minTrl"), locale));
            case "Rule_OutsideProgrammeArea" -> text(key, locale, country(in.get("country"), locale), "");
            default -> text(key, locale, "", "");
        };
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, locale);
    }

    static String money(Object amount, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance("EUR"));
        return format.format(decimal(amount));
    }

    static String number(Object value, Locale locale) {
        return NumberFormat.getNumberInstance(locale).format(decimal(value));
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof Number n ? new BigDecimal(n.toString()) : BigDecimal.ZERO;
    }

    /** The country's name in the reader's language ("BE" → Belgium, België, Belgique); "not given" when empty. */
    private String country(Object code, Locale locale) {
        String iso = code == null ? "" : code.toString();
        if (iso.isBlank()) {
            return text("explanation.value.notGiven", locale);
        }
        String name = new Locale("", iso).getDisplayCountry(locale);
        return name.isBlank() || name.equals(iso) ? iso : name;
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A decision record is not readable JSON: " + e.getOriginalMessage(), e);
        }
    }
}
