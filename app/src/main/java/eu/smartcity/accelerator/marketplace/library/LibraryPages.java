package eu.smartcity.accelerator.marketplace.library;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.marketplace.MarketplaceVocabulary;
import eu.smartcity.accelerator.marketplace.frameworks.Framework;
import eu.smartcity.accelerator.marketplace.frameworks.FrameworkContracts;
import eu.smartcity.accelerator.marketplace.internal.NotFoundException;
import eu.smartcity.accelerator.marketplace.web.Chosen.Vocabulary;
import eu.smartcity.accelerator.marketplace.web.MarketplaceForms;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The contract document library: searching and reading it, and a city sharing a document. */
@Controller
class LibraryPages {

    private final Library library;
    private final Challenges challenges;
    private final FrameworkContracts frameworks;

    LibraryPages(Library library, Challenges challenges, FrameworkContracts frameworks) {
        this.library = library;
        this.challenges = challenges;
        this.frameworks = frameworks;
    }

    @GetMapping("/marketplace/documents")
    String documents(@RequestParam(required = false) String q, @RequestParam(required = false) String kind, Model model) {
        String k = Vocabulary.DOCUMENT_KINDS.has(kind) ? kind : null;
        model.addAttribute("documents", library.search(q, k));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("kind", k);
        model.addAttribute("kinds", MarketplaceVocabulary.DOCUMENT_KINDS);
        return "marketplace/documents";
    }

    @GetMapping("/marketplace/documents/{id}")
    String document(@PathVariable UUID id, Model model) {
        ContractDocument document = library.find(id).orElseThrow(() -> new NotFoundException("document " + id));
        model.addAttribute("document", document);
        model.addAttribute("challenge", document.challengeId() == null ? null : challenges.find(document.challengeId()).orElse(null));
        model.addAttribute("framework", document.frameworkId() == null ? null
                : frameworks.view(document.frameworkId()).map(FrameworkContracts.FrameworkView::framework).orElse(null));
        return "marketplace/document";
    }

    @GetMapping("/marketplace/city/documents/new")
    String newDocument(Authentication authentication, Model model) {
        return documentForm(model, MarketplaceForms.city(authentication), Map.of(), Map.of());
    }

    private String documentForm(Model model, String city, Map<String, String> raw, Map<String, String> problems) {
        model.addAttribute("raw", raw);
        model.addAttribute("problems", problems);
        model.addAttribute("domains", MarketplaceVocabulary.DOMAINS);
        model.addAttribute("kinds", MarketplaceVocabulary.DOCUMENT_KINDS);
        model.addAttribute("challenges", city == null ? List.of() : challenges.ofCity(city));
        model.addAttribute("frameworks", frameworksOf(city));
        return "marketplace/document-form";
    }

    private List<Framework> frameworksOf(String city) {
        return frameworks.find(new FrameworkContracts.Filter(null, null, null, null)).stream()
                .filter(f -> f.authorityGroup().equals(city)).toList();
    }

    @PostMapping("/marketplace/city/documents/new")
    String shareDocument(@Valid @ModelAttribute("documentForm") DocumentForm form, BindingResult errors,
            @RequestParam Map<String, String> raw, Authentication authentication, Model model) {
        String city = MarketplaceForms.ownCity(CurrentUser.of(authentication));
        Map<String, String> problems = MarketplaceForms.problems(form, errors, raw);
        UUID challengeId = own(form.challengeId(), challenges.ofCity(city).stream().map(Challenges.ChallengeView::id).toList());
        UUID frameworkId = own(form.frameworkId(), frameworksOf(city).stream().map(Framework::id).toList());
        if (DocumentForm.PAST_CONTRACT.equals(form.kind()) && challengeId == null && frameworkId == null) {
            problems.put(ChallengeProcess.CHALLENGE_ID.name(), "market.document.originProblem");
        }
        if (!problems.isEmpty()) {
            return documentForm(model, city, raw, problems);
        }
        if (!Boolean.TRUE.equals(form.confirmed())) {
            // published to every visitor and not withdrawable: the valid form comes back once, kept, with the question
            model.addAttribute("confirming", true);
            return documentForm(model, city, raw, problems);
        }
        ContractDocument document = library.share(form.title(), form.kind(), form.domain(), city, challengeId, frameworkId, form.body());
        return "redirect:/marketplace/documents/" + document.id();
    }

    private static UUID own(String text, List<UUID> own) {
        if (text == null) {
            return null;
        }
        try {
            UUID id = UUID.fromString(text);
            return own.contains(id) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
