package eu.smartcity.accelerator.application.web;

import eu.smartcity.accelerator.application.ApplicationDrafts;
import eu.smartcity.accelerator.application.ApplicationRefusedException;
import eu.smartcity.accelerator.application.ApplicationStatus;
import eu.smartcity.accelerator.application.NextSteps;
import eu.smartcity.accelerator.application.SubmissionEligibility;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.scoring.EligibilityVerdict;
import eu.smartcity.accelerator.challenge.ChallengeStage;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.identity.Organisations;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import eu.smartcity.accelerator.attachments.Attachments;
import eu.smartcity.accelerator.attachments.InspectedPdf;
import eu.smartcity.accelerator.attachments.PdfInspector;
import eu.smartcity.accelerator.attachments.RejectedUploadException;
import eu.smartcity.accelerator.shared.RuleViolationException;
import eu.smartcity.accelerator.shared.UserMessages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.scoring.EligibilityInWords;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * A company applies, follows its applications (status, next step, dated timeline, every ineligibility
 * reason) and may withdraw before the deadline. A company only ever sees its own. How an application was
 * assessed is the selection's page ({@code /applications/{id}/explanation}).
 */
@Controller
class ApplicationPages {

    private final Applications applications;
    private final Challenges challenges;
    private final EligibilityInWords eligibility;
    private final PdfInspector pdfs;
    private final Attachments attachments;
    private final TransactionTemplate transaction;
    private final eu.smartcity.accelerator.application.PilotStopReasons pilots;
    private final MessageSource messages;
    private final NextSteps nextSteps;
    private final Organisations organisations;
    private final Cycles cycles;
    private final ApplicationDrafts drafts;
    private final SubmissionEligibility submissionEligibility;

    private final Validator validator;
    private final Clock clock = Clock.systemUTC();

    ApplicationPages(Applications applications, Challenges challenges, EligibilityInWords eligibility,
            PdfInspector pdfs, Attachments attachments, TransactionTemplate transaction,
            eu.smartcity.accelerator.application.PilotStopReasons pilots, MessageSource messages, NextSteps nextSteps,
            Organisations organisations, Cycles cycles, ApplicationDrafts drafts,
            SubmissionEligibility submissionEligibility, Validator validator) {
        this.validator = validator;
        this.submissionEligibility = submissionEligibility;
        this.nextSteps = nextSteps;
        this.organisations = organisations;
        this.cycles = cycles;
        this.drafts = drafts;
        this.pilots = pilots;
        this.applications = applications;
        this.challenges = challenges;
        this.eligibility = eligibility;
        this.pdfs = pdfs;
        this.attachments = attachments;
        this.transaction = transaction;
        this.messages = messages;
    }

    /**
     * One card per application: headed by the challenge it belongs to (city, cycle), its status and what happens
     * next in words, and its timeline with dates.
     */
    record Card(Applications.ApplicationView application, Challenges.ChallengeView challenge, String cityName,
            String cycleName, NextSteps.NextStep next, String nextText, List<TimelineEntry> timeline,
            List<eu.smartcity.accelerator.attachments.AttachmentView> attachments, String stopReason) {

        /** Selected: the contract page exists. */
        public boolean selected() {
            return ApplicationStatus.SELECTED.contains(application.applicationStatus());
        }
    }

    /** A line of the timeline: its words (message {@code history.<event>}) and when (null: not recorded). */
    record TimelineEntry(String event, java.time.Instant at) {}

    @GetMapping("/applications")
    String mine(Authentication authentication, Model model, Locale locale) {
        String company = company(authentication);
        List<Card> cards = new ArrayList<>();
        // why an application is not eligible, worded from the recorded check with its figures
        Map<UUID, List<String>> ineligibleBecause = new LinkedHashMap<>();
        Map<UUID, List<String>> warnedBecause = new LinkedHashMap<>();
        for (Applications.ApplicationView a : applications.ofCompany(company)) {
            if ("INELIGIBLE".equals(a.status())) {
                eligibility.lastCheck(a.id()).ifPresent(check -> ineligibleBecause.put(a.id(), eligibility.reasons(check, locale)));
            } else if (a.applicationStatus() == ApplicationStatus.SUBMITTED) {
                // taken with a warning (the bylaws decide after the deadline): what the check at submission found
                eligibility.lastCheck(a.id()).map(check -> eligibility.reasons(check, locale)).filter(r -> !r.isEmpty())
                        .ifPresent(reasons -> warnedBecause.put(a.id(), reasons));
            }
            Challenges.ChallengeView challenge = challenges.find(a.challengeId()).orElseThrow();
            NextSteps.NextStep next = nextSteps.of(a, challenge);
            cards.add(new Card(a, challenge, organisations.displayName(challenge.cityGroup()), cycles.get(challenge.cycleId()).name(),
                    next, nextSteps.inWords(next, locale), timeline(a, challenge), attachments.of(a.id()),
                    pilots.stopReasonOf(a.id()).orElse(null)));
        }
        model.addAttribute("cards", cards);
        model.addAttribute("ineligibleBecause", ineligibleBecause);
        model.addAttribute("warnedBecause", warnedBecause);
        model.addAttribute("drafts", draftRows(company));
        return "application/mine";
    }

    /** The status changes, with the call's closing between submission and the eligibility check. */
    private List<TimelineEntry> timeline(Applications.ApplicationView application, Challenges.ChallengeView challenge) {
        List<TimelineEntry> entries = new ArrayList<>();
        applications.history(application.id()).forEach(change -> entries.add(new TimelineEntry(change.status().name(), change.at())));
        boolean callClosed = challenge.stage().published() && challenge.stage() != ChallengeStage.PUBLISHED;
        if (callClosed && application.applicationStatus() != ApplicationStatus.WITHDRAWN && !entries.isEmpty()) {
            entries.add(1, new TimelineEntry("CALL_CLOSED", challenge.callClosesAt()));
        }
        return entries;
    }

    @GetMapping("/challenges/{id}/apply")
    String applyForm(@PathVariable UUID id, Authentication authentication, Model model) {
        String company = company(authentication);
        Optional<ApplicationDrafts.Draft> draft = drafts.find(id, company);
        ApplyForm form = draft.map(ApplyForm::of).orElseGet(ApplyForm::new); // resumes the draft
        model.addAttribute("form", form); // with the registered legal-entity status (applyPage)
        return applyPage(id, company, model);
    }

    /**
     * The apply page around the form: the call, whether it is still open, the company's draft if any, and the form
     * with the legal-entity status of the company's registration when it gave one.
     */
    private String applyPage(UUID id, String company, Model model) {
        Challenges.ChallengeView challenge = challenge(id);
        model.addAttribute("challenge", challenge);
        model.addAttribute("open", challenge.acceptsApplications(Instant.now()));
        model.addAttribute("draft", drafts.find(id, company).orElse(null));
        Optional<Boolean> registered = organisations.legalEntity(company);
        if (model.getAttribute("form") instanceof ApplyForm form) {
            registered.ifPresent(form::setLegalEntity);
        }
        model.addAttribute("legalEntityRegistered", registered.orElse(null));
        return "application/apply";
    }

    /** Legal-entity status is part of the company's registration: when it gave one, that counts, not the form. */
    private void takeRegisteredLegalEntity(ApplyForm form, String company) {
        organisations.legalEntity(company).ifPresent(form::setLegalEntity);
    }

    /** Saves what is typed so far, within the input limits only; the files are not kept (the page says so). */
    @PostMapping("/challenges/{id}/draft")
    String saveDraft(@PathVariable UUID id, @ModelAttribute("form") ApplyForm form, BindingResult errors,
            Authentication authentication, Model model, RedirectAttributes redirect, Locale locale) {
        String company = company(authentication);
        challenge(id);
        takeRegisteredLegalEntity(form, company);
        if (!errors.hasErrors()) { // a number that is no number cannot be kept: said next to its field
            try {
                drafts.save(form.toDraft(id, company), authentication.getName());
                redirect.addFlashAttribute("draftSaved", true);
                if (form.complete()) { // the same check as at submission, as a warning: a draft may still change
                    Applications.Submission entered = form.toSubmission(id, company);
                    EligibilityVerdict verdict = submissionEligibility.check(entered, null);
                    if (!verdict.eligible()) {
                        redirect.addFlashAttribute("draftWarnings", eligibility.failed(submissionEligibility.factsOf(entered),
                                verdict.reasonCodes(), locale).stream().map(EligibilityInWords.Line::reason).toList());
                    }
                }
                return "redirect:/challenges/" + id + "/apply";
            } catch (ApplicationRefusedException refused) {
                errors.reject(refused.key(), refused.args(), refused.getMessage());
            } catch (RuleViolationException beyondLimit) {
                // a draft's own limits (ApplicationDrafts): said next to the field, or the first one if the form has none
                errors.rejectValue(errors.getFieldType(beyondLimit.field()) != null ? beyondLimit.field() : "solutionTitle",
                        beyondLimit.messageKey(), beyondLimit.args(), beyondLimit.getMessage());
            }
        }
        return applyPage(id, company, model);
    }

    /** Deleting a draft cannot be undone: the first click only asks, on the page it came from. */
    @PostMapping("/challenges/{id}/draft/discard")
    String discardDraft(@PathVariable UUID id, @RequestParam(required = false) String confirmed,
            @RequestParam(required = false) String back, Authentication authentication, RedirectAttributes redirect) {
        String company = company(authentication);
        if (drafts.find(id, company).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND); // none, or another company's: the same answer
        }
        if (!"true".equals(confirmed)) {
            redirect.addFlashAttribute("confirmDiscard", id);
            return "applications".equals(back) ? "redirect:/applications" : "redirect:/challenges/" + id + "/apply";
        }
        drafts.discard(id, company);
        redirect.addFlashAttribute("draftDiscarded", true);
        return "redirect:/applications";
    }

    /** One row of the drafts list on My applications. */
    public record DraftRow(ApplicationDrafts.Draft draft, String challengeTitle, Instant deadline, boolean open) {}

    private List<DraftRow> draftRows(String company) {
        Instant now = Instant.now();
        return drafts.ofCompany(company).stream().map(d -> challenges.find(d.challengeId())
                .map(c -> new DraftRow(d, c.title(), c.callClosesAt(), c.acceptsApplications(now)))
                .orElseGet(() -> new DraftRow(d, "", null, false))).toList();
    }

    @PostMapping("/challenges/{id}/apply")
    String apply(@PathVariable UUID id, @ModelAttribute("form") ApplyForm form, BindingResult errors,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
            Authentication authentication, Model model, RedirectAttributes redirect, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        String company = company(authentication);
        if (SubmissionAdmission.turnedAway(request)) {
            // waited too long for its turn (the deadline rush): nothing stored, the input kept, "send it again"
            errors.reject("apply.busy");
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            return applyPage(id, company, model);
        }
        Instant arrived = SubmissionAdmission.arrivedAt(request, clock);
        form.check(validator, errors);
        // Every file is inspected before anything is stored; one bad file refuses the whole submission.
        // (No transaction is open here: the inspection holds no database connection.)
        List<InspectedPdf> inspected = new ArrayList<>();
        try {
            for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
                if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                    continue; // the browser's part for "no file chosen"; a chosen 0-byte file is refused by the inspector
                }
                inspected.add(pdfs.inspect(file.getOriginalFilename(), file.getBytes()));
            }
            if (inspected.size() > Attachments.MAX_PER_OWNER) {
                throw new RejectedUploadException("upload.tooMany", "", Attachments.MAX_PER_OWNER);
            }
        } catch (RejectedUploadException rejected) {
            refuseUpload(model, rejected, locale);
        } catch (IOException unreadable) {
            refuseUpload(model, new RejectedUploadException("upload.malformed", ""), locale);
        }
        if (errors.hasErrors() || model.containsAttribute("uploadProblem")) {
            return applyPage(id, company, model);
        }
        String user = authentication.getName();
        List<Applications.Submission> submitted = new ArrayList<>(1);
        List<String> warnings = new ArrayList<>();
        List<EligibilityVerdict> refusal = new ArrayList<>();
        try {
            // One transaction and so one connection for everything a submission reads and writes (issue 19, the deadline
            // rush: each read outside it took a connection of its own from the pool, queueing behind 50 clients each time);
            // the challenge and its cycle are read once, later look-ups come from the persistence context. Nothing in it
            // waits for anything but the database (the files were inspected above, the decision is evaluated in memory).
            // The application, its process start and its attachments commit together, or none of them.
            transaction.executeWithoutResult(status -> {
                takeRegisteredLegalEntity(form, company); // in here: no connection of its own (issue 19, the deadline rush)
                Applications.Submission submission = form.toSubmission(id, company);
                submitted.add(submission);
                Challenges.ChallengeView call = challenge(id);
                Bylaws bylaws = submissionEligibility.bylawsOf(call);
                boolean open = call.acceptsApplications(arrived);
                boolean refuseIneligible = bylaws.checkAtSubmission() == Bylaws.AtSubmission.REFUSE;
                if (refuseIneligible && open) {
                    // the bylaws refuse a failing application at once: only the check's record is stored
                    EligibilityVerdict verdict = submissionEligibility.check(submission, null, call, bylaws);
                    if (!verdict.eligible()) {
                        refusal.add(verdict);
                        return;
                    }
                }
                UUID applicationId = applications.submit(submission, arrived);
                if (!inspected.isEmpty()) { // a new application has no attachments yet: nothing to count
                    attachments.store(applicationId, inspected, user);
                }
                drafts.discard(id, company); // the draft became the application
                if (!refuseIneligible) { // taken, decided after the deadline: the company is told now what the table says
                    EligibilityVerdict verdict = submissionEligibility.check(submission, applicationId, call, bylaws);
                    if (!verdict.eligible()) {
                        warnings.add("ineligible");
                    }
                }
            });
        } catch (RejectedUploadException rejected) {
            refuseUpload(model, rejected, locale);
            return applyPage(id, company, model);
        } catch (ApplicationRefusedException refused) {
            errors.reject(refused.key(), UserMessages.arguments(refused.args(), locale), null);
            return applyPage(id, company, model);
        } catch (RuleViolationException invalid) {
            // the service's own rules, next to their field, in the user's language
            Object[] args = UserMessages.arguments(invalid.args(), locale);
            if (new org.springframework.beans.BeanWrapperImpl(form).isReadableProperty(invalid.field())) {
                errors.rejectValue(invalid.field(), invalid.messageKey(), args, null);
            } else {
                errors.reject(invalid.messageKey(), args, null);
            }
            return applyPage(id, company, model);
        }
        if (!refusal.isEmpty()) {
            // every problem next to its field; nothing stored but the check
            rejectIneligible(errors, submitted.get(0), refusal.get(0), locale);
            return applyPage(id, company, model);
        }
        // said by the address, not by a flash attribute: a flash attribute is a session write here and another one on
        // the page that shows it (issue 19, the deadline rush); the page reads ?submitted=yes|warning
        return "redirect:/applications?submitted=" + (warnings.isEmpty() ? "yes" : "warning");
    }

    @PostMapping("/applications/{id}/withdraw")
    String withdraw(@PathVariable UUID id, @RequestParam(required = false) String confirmed, Authentication authentication,
            RedirectAttributes redirect, Locale locale) {
        if (!"true".equals(confirmed)) {
            // irreversible once the call closes: the first click only asks, on the application's own card
            applications.find(id).filter(a -> a.companyGroup().equals(company(authentication)))
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            redirect.addFlashAttribute("confirmWithdraw", id);
            return "redirect:/applications";
        }
        try {
            applications.withdraw(id, company(authentication));
            redirect.addFlashAttribute("withdrawn", true);
        } catch (NoSuchElementException notYours) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (ApplicationRefusedException refused) {
            redirect.addFlashAttribute("errorKey", refused.key());
            redirect.addFlashAttribute("errorArgs", UserMessages.arguments(refused.args(), locale));
        }
        return "redirect:/applications";
    }

    /** Each failed condition of the eligibility table next to the field it is about, with the figures; one line above the form. */
    private void rejectIneligible(BindingResult errors, Applications.Submission submission, EligibilityVerdict verdict, Locale locale) {
        errors.reject("apply.eligibility.refused");
        List<EligibilityInWords.Line> failed = eligibility.failed(submissionEligibility.factsOf(submission), verdict.reasonCodes(), locale);
        for (int i = 0; i < failed.size(); i++) {
            String field = FIELD_OF_FACT.getOrDefault(failedFacts(verdict).get(i), "solutionTitle");
            errors.rejectValue(field, "apply.eligibility.field", new Object[] {failed.get(i).reason()}, failed.get(i).reason());
        }
    }

    /** The table's facts of the failed conditions, in table order (as {@link EligibilityInWords#failed}). */
    private static List<String> failedFacts(EligibilityVerdict verdict) {
        return EligibilityInWords.CONDITIONS.stream().filter(c -> verdict.reasonCodes().contains(c.reasonCode()))
                .map(EligibilityInWords.Condition::fact).toList();
    }

    /** The form field where the company changes each fact of the table. */
    private static final Map<String, String> FIELD_OF_FACT = Map.of("legalEntity", "legalEntity", "country", "country",
            "inProgrammeArea", "country", "employees", "employees", "requestedBudget", "requestedBudget", "trl", "trl",
            "declarationsSigned", "declarationsSigned", "interoperable", "interoperable");

    /** The refusal in the applicant's language, with the limit it names; the form comes back with the input kept. */
    private void refuseUpload(Model model, RejectedUploadException rejected, Locale locale) {
        model.addAttribute("uploadProblem", rejected);
        model.addAttribute("uploadProblemText", messages.getMessage(rejected.code(), rejected.args(), locale) + " "
                + messages.getMessage("upload.chooseAgain", null, locale));
    }

    private Challenges.ChallengeView challenge(UUID id) {
        return challenges.find(id).filter(c -> c.callClosesAt() != null)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String company(Authentication authentication) {
        return CurrentUser.of(authentication).company()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "Only companies apply"));
    }
}
