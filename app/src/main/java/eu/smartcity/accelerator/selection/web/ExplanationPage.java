package eu.smartcity.accelerator.selection.web;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.scoring.DecisionExplanations;
import eu.smartcity.accelerator.scoring.Decisions;
import eu.smartcity.accelerator.scoring.EligibilityInWords;
import eu.smartcity.accelerator.scoring.Viewer;
import eu.smartcity.accelerator.selection.JuryRecords;
import eu.smartcity.accelerator.workflow.DecisionRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * "How it was assessed", for the company that applied and no one else: every eligibility condition in plain
 * words with the figures the table was given, each rule that applied with its annotation (both from the
 * bundles), and — once the results are final — the jury's weighted score per criterion and the rank. Lives
 * with the selection because the rank is the selection's; the records come from the scoring module.
 */
@Controller
class ExplanationPage {

    /** While an application is submitted or under review its results are not final: nothing of the jury is shown. */
    static final Set<String> NOT_FINAL = Set.of("SUBMITTED", "UNDER_REVIEW");

    private final Applications applications;
    private final Challenges challenges;
    private final Cycles cycles;
    private final DecisionExplanations explanations;
    private final EligibilityInWords eligibility;
    private final JuryRecords jury;

    ExplanationPage(Applications applications, Challenges challenges, Cycles cycles, DecisionExplanations explanations,
            EligibilityInWords eligibility, JuryRecords jury) {
        this.applications = applications;
        this.challenges = challenges;
        this.cycles = cycles;
        this.explanations = explanations;
        this.eligibility = eligibility;
        this.jury = jury;
    }

    /** A rule that applied, in words: which assessment it belongs to and its annotation. */
    record AppliedRule(String decision, String annotation) {}

    @GetMapping("/applications/{id}/explanation")
    String explanation(@PathVariable UUID id, Authentication authentication, Model model, Locale locale) {
        String company = CurrentUser.of(authentication).company()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        // another company's application does not exist for this one
        Applications.ApplicationView application = applications.find(id).filter(a -> a.companyGroup().equals(company))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Challenges.ChallengeView challenge = challenges.find(application.challengeId()).orElseThrow();
        boolean resultsFinal = !NOT_FINAL.contains(application.status());
        model.addAttribute("assessed", application);
        model.addAttribute("challenge", challenge);
        model.addAttribute("resultsFinal", resultsFinal);
        if (!resultsFinal) {
            return "application/explanation";
        }
        List<DecisionRecord> records = explanations.explanationFor(id.toString(), Viewer.applicant(), true);
        eligibility.lastCheck(id).ifPresent(check -> {
            List<EligibilityInWords.Line> lines = eligibility.lines(check, locale);
            model.addAttribute("conditions", lines);
            model.addAttribute("eligible", lines.stream().allMatch(EligibilityInWords.Line::met));
        });
        model.addAttribute("appliedRules", appliedRules(records, locale));
        // the bylaws give the weights as fractions of 1; the page, like the scoring table, in percent
        Map<String, Double> percent = new HashMap<>();
        cycles.bylawsOf(challenge.cycleId()).scoringWeights().forEach((criterion, w) -> percent.put(criterion, 100 * w));
        jury.resultOf(challenge.id(), id, percent).ifPresent(result -> model.addAttribute("result", result));
        return "application/explanation";
    }

    /** Each rule that matched in any of the records, once, in the order evaluated, with its annotation in words. */
    private List<AppliedRule> appliedRules(List<DecisionRecord> records, Locale locale) {
        Set<String> seen = new LinkedHashSet<>();
        List<AppliedRule> applied = new ArrayList<>();
        for (DecisionRecord record : records) {
            if (!record.decisionKey().equals(Decisions.ELIGIBILITY) && !record.decisionKey().equals(Decisions.APPLICANT_SCORING)) {
                continue;
            }
            for (String ruleId : eligibility.matchedRuleIds(record)) {
                if (seen.add(record.decisionKey() + "/" + ruleId)) {
                    applied.add(new AppliedRule(record.decisionKey().equals(Decisions.ELIGIBILITY) ? "eligibility" : "scoring",
                            eligibility.ruleAnnotation(record.decisionKey(), ruleId, locale)));
                }
            }
        }
        return applied;
    }
}
