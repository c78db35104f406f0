package eu.smartcity.accelerator.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table-driven cases of every decision, shared by the per-decision tests (through the
 * DecisionService on Flowable) and {@link DecisionPortabilityTest} (Flowable and Camunda side by side).
 * Each case names the rules it must match; together they match every rule, and they sit on every boundary.
 */
final class DecisionCases {

    record Case(String name, Map<String, Object> inputs, List<String> expectedRules, List<Object> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private DecisionCases() {}

    // ---------------------------------------------------------------- eligibility

    static Map<String, Object> eligibleApplication() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("requireLegalEntity", true);
        in.put("legalEntity", true);
        in.put("country", "BE");
        in.put("inProgrammeArea", true);
        in.put("employees", 12);
        in.put("requestedBudget", new BigDecimal("50000"));
        in.put("budgetCap", new BigDecimal("60000"));
        in.put("trl", 7);
        in.put("minTrl", 6);
        in.put("declarationsSigned", true);
        in.put("interoperable", true);
        in.put("requireInteroperable", true);
        return in;
    }

    private static Case eligibility(String name, Map<String, Object> changes, String... reasonCodes) {
        Map<String, Object> in = eligibleApplication();
        in.putAll(changes);
        List<String> rules = new ArrayList<>();
        for (String code : reasonCodes) {
            rules.add(ELIGIBILITY_RULES.get(code));
        }
        return new Case(name, in, rules, List.of((Object[]) reasonCodes));
    }

    static final Map<String, String> ELIGIBILITY_RULES = Map.of(
            "NOT_A_LEGAL_ENTITY", "Rule_NotALegalEntity",
            "COUNTRY_MISSING", "Rule_CountryMissing",
            "OUTSIDE_PROGRAMME_AREA", "Rule_OutsideProgrammeArea",
            "COMPANY_TOO_LARGE", "Rule_CompanyTooLarge",
            "BUDGET_ABOVE_CAP", "Rule_BudgetAboveCap",
            "TRL_BELOW_MINIMUM", "Rule_TrlBelowMinimum",
            "DECLARATIONS_NOT_SIGNED", "Rule_DeclarationsNotSigned",
            "NOT_INTEROPERABLE", "Rule_NotInteroperable");

    /** expected = the reason codes, in table order. */
    static List<Case> eligibility() {
        return List.of(
                eligibility("eligible", Map.of()),
                eligibility("every limit exactly met: 249 employees, budget = cap, TRL = minimum",
                        Map.of("employees", 249, "requestedBudget", new BigDecimal("60000"), "trl", 6)),
                eligibility("budget one cent above the cap", Map.of("requestedBudget", new BigDecimal("60000.01")), "BUDGET_ABOVE_CAP"),
                eligibility("budget as Long above a Double cap", Map.of("requestedBudget", 70_000L, "budgetCap", 60_000.0), "BUDGET_ABOVE_CAP"),
                eligibility("TRL one below the minimum", Map.of("trl", 5), "TRL_BELOW_MINIMUM"),
                eligibility("250 employees is not an SME", Map.of("employees", 250), "COMPANY_TOO_LARGE"),
                eligibility("not a legal entity where one is required", Map.of("legalEntity", false), "NOT_A_LEGAL_ENTITY"),
                eligibility("not a legal entity where none is required", Map.of("legalEntity", false, "requireLegalEntity", false)),
                eligibility("no country given", Map.of("country", ""), "COUNTRY_MISSING"),
                eligibility("outside the programme area", Map.of("country", "US", "inProgrammeArea", false), "OUTSIDE_PROGRAMME_AREA"),
                eligibility("declarations not signed", Map.of("declarationsSigned", false), "DECLARATIONS_NOT_SIGNED"),
                eligibility("not interoperable where required", Map.of("interoperable", false), "NOT_INTEROPERABLE"),
                eligibility("not interoperable where not required", Map.of("interoperable", false, "requireInteroperable", false)),
                eligibility("every condition fails at once", Map.of("legalEntity", false, "country", "", "inProgrammeArea", false,
                        "employees", 5000, "requestedBudget", new BigDecimal("1000000"), "trl", 2, "declarationsSigned", false,
                        "interoperable", false),
                        "NOT_A_LEGAL_ENTITY", "COUNTRY_MISSING", "OUTSIDE_PROGRAMME_AREA", "COMPANY_TOO_LARGE",
                        "BUDGET_ABOVE_CAP", "TRL_BELOW_MINIMUM", "DECLARATIONS_NOT_SIGNED", "NOT_INTEROPERABLE"));
    }

    // ---------------------------------------------------------------- applicant-scoring

    /** Cycle 2026-spring: fit weighs most. */
    static final ScoringWeights SPRING = new ScoringWeights("2026-spring", 30, 20, 15, 15, 10, 10);
    /** Cycle 2026-autumn: price and replicability weigh more. */
    static final ScoringWeights AUTUMN = new ScoringWeights("2026-autumn", 10, 15, 15, 30, 15, 15);

    private static Case scoring(String name, CriterionScores scores, ScoringWeights weights, double expected) {
        Map<String, Object> in = new LinkedHashMap<>(scores.toInputs());
        in.putAll(weights.toInputs());
        return new Case(name, in, SCORING_RULES, List.of(expected));
    }

    /** One rule per criterion, each always applies: its points are the mark times the weight; the table sums them. */
    static final List<String> SCORING_RULES = List.of("Rule_Fit", "Rule_Innovation", "Rule_Team", "Rule_Price",
            "Rule_Replicability", "Rule_OpenDataUse");

    /** expected = the weightedScore (the sum of the criteria's points). */
    static List<Case> applicantScoring() {
        CriterionScores mixed = CriterionScores.of(9, 7, 6, 4, 8, 5);
        return List.of(
                scoring("all zero (lower boundary)", CriterionScores.of(0, 0, 0, 0, 0, 0), SPRING, 0.0),
                // points 3, 2, 1.5, 1.5, 1, 1: equal points of two criteria both count (no distinct-results aggregation)
                scoring("all ten (upper boundary)", CriterionScores.of(10, 10, 10, 10, 10, 10), SPRING, 10.0),
                scoring("mixed scores, spring weights", mixed, SPRING, 6.9),
                scoring("same scores, autumn weights", mixed, AUTUMN, 6.0),
                scoring("half points", CriterionScores.of(7.5, 7, 7, 7, 7, 7), SPRING, 7.15),
                // points 4, 0, 1.5, 1.5, 1.5, 1.5: whole and fractional points are summed alike on both engines
                scoring("a criterion weighted zero does not count",
                        CriterionScores.of(10, 0, 10, 10, 10, 10), new ScoringWeights("no-innovation", 40, 0, 15, 15, 15, 15), 10.0),
                new Case("integer inputs", integers(), SCORING_RULES, List.of(6.9)));
    }

    private static Map<String, Object> integers() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.putAll(Map.of("fit", 9, "innovation", 7, "team", 6, "price", 4L, "replicability", 8L, "openDataUse", 5));
        in.putAll(Map.of("weightFit", 30, "weightInnovation", 20, "weightTeam", 15L, "weightPrice", 15,
                "weightReplicability", 10, "weightOpenDataUse", new BigDecimal("10")));
        return in;
    }

    // ---------------------------------------------------------------- solution-matching

    static CityNeed mobilityNeed(boolean dataAvailable) {
        return new CityNeed("need-mobility", "mobility", new BigDecimal("100000"), 80_000L, dataAvailable, "pre-commercial");
    }

    private static Case matching(String name, CityNeed need, CatalogueSolution solution, double score, String... rules) {
        return new Case(name, SolutionMatching.inputs(need, solution), List.of(rules), List.of(score));
    }

    /** expected = the summed matchScore. */
    static List<Case> solutionMatching() {
        return List.of(
                matching("perfect match on every boundary (price = budget, min population = population)", mobilityNeed(true),
                        new CatalogueSolution("s-perfect", "urbansense", "mobility", new BigDecimal("100000"), 80_000L, true, "pre-commercial"),
                        100, "Rule_SameDomain", "Rule_WithinBudget", "Rule_CitySizeProven", "Rule_CityDataReady", "Rule_SameRoute"),
                matching("other domain, just over budget, city one inhabitant too small", mobilityNeed(true),
                        new CatalogueSolution("s-energy", "greengrid", "energy", new BigDecimal("100000.01"), 80_001L, false, "any"),
                        20, "Rule_OverBudget", "Rule_CityTooSmall", "Rule_NeedsNoCityData", "Rule_AnyRoute"),
                matching("needs data the city lacks, other route", mobilityNeed(false),
                        new CatalogueSolution("s-parking", "parkflow", "mobility", new BigDecimal("40000"), 10_000L, true, "framework"),
                        80, "Rule_SameDomain", "Rule_WithinBudget", "Rule_CitySizeProven", "Rule_CityDataMissing"),
                // issue #17: a city taking any route and a solution offered through any route scored 110 (two route rows)
                matching("city takes any route, solution offered through any route: one route row, at most 100", anyRouteNeed(),
                        new CatalogueSolution("s-any", "urbansense", "mobility", new BigDecimal("100000"), 80_000L, true, "any"),
                        100, "Rule_SameDomain", "Rule_WithinBudget", "Rule_CitySizeProven", "Rule_CityDataReady", "Rule_AnyRoute"),
                matching("city takes any route, solution through a framework", anyRouteNeed(),
                        new CatalogueSolution("s-framework", "parkflow", "mobility", new BigDecimal("100000"), 80_000L, false, "framework"),
                        100, "Rule_SameDomain", "Rule_WithinBudget", "Rule_CitySizeProven", "Rule_NeedsNoCityData", "Rule_CityTakesAnyRoute"));
    }

    static CityNeed anyRouteNeed() {
        return new CityNeed("need-any-route", "mobility", new BigDecimal("100000"), 80_000L, true, "any");
    }

    // ---------------------------------------------------------------- the tables themselves

    private static final Pattern RULE_ID = Pattern.compile("<rule id=\"([^\"]+)\"");

    /** Every rule id of a table in processes/, in table order. */
    static List<String> ruleIds(String decisionKey) {
        List<String> ids = new ArrayList<>();
        Matcher m = RULE_ID.matcher(dmn(decisionKey));
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    static String dmn(String decisionKey) {
        try (InputStream in = DecisionCases.class.getResourceAsStream("/processes/" + decisionKey + ".dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("processes/" + decisionKey + ".dmn not on the classpath", e);
        }
    }
}
