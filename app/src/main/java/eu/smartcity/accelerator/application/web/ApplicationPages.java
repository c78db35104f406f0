package eu.smartcity.accelerator.application.web;

import eu.smartcity.accelerator.application.ApplicationDrafts;
import eu.smartcity.accelerator.application.ApplicationRefusedException;
import java.time.Instant;
import java.util.Optional;
import eu.smartcity.accelerator.attachments.Attachments;
import eu.smartcity.accelerator.attachments.InspectedPdf;
import eu.smartcity.accelerator.attachments.PdfInspector;
import eu.smartcity.accelerator.attachments.RejectedUploadException;
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
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.scoring.DecisionExplanations;
import eu.smartcity.accelerator.scoring.Viewer;
import eu.smartcity.accelerator.workflow.DecisionRecord;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
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
 * A company applies, follows its applications (status timeline from the application process, every
 * ineligibility reason) and may withdraw before the deadline. A company only ever sees its own.
 */
@Controller
class ApplicationPages {

    /** While an application is submitted or under review its results are not final: no scores are shown. */
    static final java.util.Set<String> NOT_FINAL = java.util.Set.of("SUBMITTED", "UNDER_REVIEW");

    private final Applications applications;
    private final Challenges challenges;
    private final DecisionExplanations explanations;
    private final ObjectMapper json;
    private final PdfInspector pdfs;
    private final Attachments attachments;
    private final TransactionTemplate transaction;
    private final eu.smartcity.accelerator.application.PilotStopReasons pilots;
    private final MessageSource messages;
    private final ApplicationDrafts drafts;

    ApplicationPages(Applications applications, Challenges challenges, DecisionExplanations explanations, ObjectMapper json,
            PdfInspector pdfs, Attachments attachments, TransactionTemplate transaction,
            eu.smartcity.accelerator.application.PilotStopReasons pilots, MessageSource messages, ApplicationDrafts drafts) {
        this.drafts = drafts;
        this.pilots = pilots;
        this.applications = applications;
        this.challenges = challenges;
        this.explanations = explanations;
        this.json = json;
        this.pdfs = pdfs;
        this.attachments = attachments;
        this.transaction = transaction;
        this.messages = messages;
    }

    @GetMapping("/applications")
    String mine(Authentication authentication, Model model) {
        String company = company(authentication);
        Map<Applications.ApplicationView, java.util.List<Applications.TimelineStep>> timelines = new LinkedHashMap<>();
        Map<UUID, List<eu.smartcity.accelerator.attachments.AttachmentView>> files = new LinkedHashMap<>();
        Map<UUID, String> stopReasons = new LinkedHashMap<>();
        applications.ofCompany(company).forEach(a -> {
            timelines.put(a, applications.timelineSteps(a.id()));
            files.put(a.id(), attachments.of(a.id()));
            pilots.stopReasonOf(a.id()).ifPresent(reason -> stopReasons.put(a.id(), reason));
        });
        model.addAttribute("stopReasons", stopReasons);
        model.addAttribute("timelines", timelines);
        model.addAttribute("attachments", files);
        model.addAttribute("titles", titles(timelines.keySet()));
        model.addAttribute("drafts", draftRows(company));
        return "application/mine";
    }

    @GetMapping("/challenges/{id}/apply")
    String applyForm(@PathVariable UUID id, Authentication authentication, Model model) {
        String company = company(authentication);
        Optional<ApplicationDrafts.Draft> draft = drafts.find(id, company);
        model.addAttribute("form", draft.map(ApplyForm::of).orElseGet(ApplyForm::new)); // resumes the draft
        return applyPage(id, company, model);
    }

    /** The apply page around the form: the call, whether it is still open, the company's draft if any. */
    private String applyPage(UUID id, String company, Model model) {
        Challenges.ChallengeView challenge = challenge(id);
        model.addAttribute("challenge", challenge);
        model.addAttribute("open", challenge.acceptsApplications(Instant.now()));
        model.addAttribute("draft", drafts.find(id, company).orElse(null));
        return "application/apply";
    }

    /** Saves what is typed so far, within the input limits only; the files are not kept (the page says so). */
    @PostMapping("/challenges/{id}/draft")
    String saveDraft(@PathVariable UUID id, @ModelAttribute("form") ApplyForm form, BindingResult errors,
            Authentication authentication, Model model, RedirectAttributes redirect) {
        String company = company(authentication);
        challenge(id);
        if (!errors.hasErrors()) { // a number that is no number cannot be kept: said next to its field
            try {
                drafts.save(form.toDraft(id, company), authentication.getName());
                redirect.addFlashAttribute("draftSaved", true);
                return "redirect:/challenges/" + id + "/apply";
            } catch (ApplicationRefusedException refused) {
                errors.reject(refused.key(), refused.args(), refused.getMessage());
            } catch (IllegalArgumentException beyondLimit) {
                String field = beyondLimit.getMessage().substring(0, Math.max(0, beyondLimit.getMessage().indexOf(':')));
                errors.rejectValue(field.isEmpty() ? "solutionTitle" : field, "draft.beyondLimit");
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
    String apply(@PathVariable UUID id, @Valid @ModelAttribute("form") ApplyForm form, BindingResult errors,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
            Authentication authentication, Model model, RedirectAttributes redirect, Locale locale) {
        String company = company(authentication);
        applyPage(id, company, model);
        // Every file is inspected before anything is stored; one bad file refuses the whole submission.
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
            return "application/apply";
        }
        String user = authentication.getName();
        try {
            // The application, its process start and its attachments commit together, or none of them.
            transaction.executeWithoutResult(status -> {
                UUID applicationId = applications.submit(new Applications.Submission(id, company, form.getSolutionTitle(),
                        form.getPitch(), form.getRequestedBudget(), form.getTrl(), form.isLegalEntity(), form.getCountry(),
                        form.getEmployees(), form.isInteroperable(), form.isDeclarationsSigned()));
                attachments.store(applicationId, inspected, user);
                drafts.discard(id, company); // the draft became the application
            });
        } catch (RejectedUploadException rejected) {
            refuseUpload(model, rejected, locale);
            return "application/apply";
        } catch (ApplicationRefusedException refused) {
            errors.reject(refused.key(), refused.args(), refused.getMessage());
            return "application/apply";
        } catch (IllegalArgumentException invalid) {
            // the service's own rules, as "field: problem"
            String message = invalid.getMessage();
            int colon = message.indexOf(':');
            errors.rejectValue(colon > 0 ? message.substring(0, colon) : "solutionTitle", "invalid",
                    colon > 0 ? message.substring(colon + 1).trim() : message);
            return "application/apply";
        }
        redirect.addFlashAttribute("submitted", true);
        return "redirect:/applications";
    }

    /** Why: every decision on the application (eligibility, each jury member's weighted score), once results are final. */
    @GetMapping("/applications/{id}/explanation")
    String explanation(@PathVariable UUID id, Authentication authentication, Model model) throws Exception {
        String company = company(authentication);
        Applications.ApplicationView application = applications.find(id).filter(a -> a.companyGroup().equals(company))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("assessed", application);
        boolean resultsFinal = !NOT_FINAL.contains(application.status());
        model.addAttribute("resultsFinal", resultsFinal);
        if (resultsFinal) {
            java.util.List<Map<String, Object>> shown = new java.util.ArrayList<>();
            for (DecisionRecord r : explanations.explanationFor(id.toString(), Viewer.applicant(), true)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("decision", r.decisionKey() + " v" + r.decisionVersion());
                row.put("by", r.actor());
                row.put("inputs", json.readValue(r.inputsJson(), Map.class));
                row.put("outputs", json.readValue(r.outputsJson(), java.util.List.class));
                row.put("rules", json.readValue(r.matchedRulesJson(), java.util.List.class));
                shown.add(row);
            }
            model.addAttribute("records", shown);
        }
        return "application/explanation";
    }

    @PostMapping("/applications/{id}/withdraw")
    String withdraw(@PathVariable UUID id, @RequestParam(required = false) String confirmed, Authentication authentication,
            RedirectAttributes redirect) {
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
            redirect.addFlashAttribute("errorArgs", refused.args());
        }
        return "redirect:/applications";
    }

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

    private Map<UUID, String> titles(java.util.Set<Applications.ApplicationView> views) {
        Map<UUID, String> titles = new LinkedHashMap<>();
        views.forEach(a -> titles.put(a.challengeId(), challenges.find(a.challengeId()).map(Challenges.ChallengeView::title).orElse("")));
        return titles;
    }

    private static String company(Authentication authentication) {
        return CurrentUser.of(authentication).company()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "Only companies apply"));
    }
}
