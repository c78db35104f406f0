package eu.smartcity.accelerator.cycle.web;

import eu.smartcity.accelerator.cycle.BylawsFields;
import eu.smartcity.accelerator.cycle.BylawsVersions;
import eu.smartcity.accelerator.cycle.BylawsVersions.InvalidDraftException;
import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.identity.Roles;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The programme office keeps its bylaws versions: lists them, drafts a new one from the latest published one
 * (every field of rules.yaml as a form, the readable text and the contract template beside it, each also in Dutch
 * and French), sees what
 * changed, publishes (irreversible) and downloads a published version in the {@code bylaws/} folder's format.
 * Coordinators only (the security configuration guards {@code /coordinator/**}; checked here too).
 */
@Controller
class BylawsAdminPages {

    private final BylawsVersions versions;

    BylawsAdminPages(BylawsVersions versions) {
        this.versions = versions;
    }

    @GetMapping("/coordinator/bylaws")
    String list(Authentication authentication, Model model) {
        coordinator(authentication);
        model.addAttribute("versions", versions.all());
        model.addAttribute("latest", versions.latestPublished().orElse(null));
        return "cycle/bylaws-admin";
    }

    @PostMapping("/coordinator/bylaws")
    String draft(@RequestParam(defaultValue = "") String basedOn, @RequestParam(defaultValue = "") String version,
            Authentication authentication, Model model) {
        String coordinator = coordinator(authentication);
        try {
            versions.draftFrom(basedOn, version.trim(), coordinator);
        } catch (InvalidDraftException e) {
            model.addAttribute("newVersion", version);
            model.addAttribute("newVersionProblem", e instanceof BylawsVersions.VersionTakenException
                    ? "bylawsAdmin.error.versionTaken" : "bylawsAdmin.error.version");
            return list(authentication, model);
        }
        return "redirect:/coordinator/bylaws/" + version.trim();
    }

    @GetMapping("/coordinator/bylaws/{version}")
    String show(@PathVariable String version, Authentication authentication, Model model) {
        coordinator(authentication);
        BylawsVersions.VersionView view = find(version);
        BylawsVersions.Texts texts = versions.texts(version);
        return page(view, versions.fields(version), texts, Map.of(), model);
    }

    @PostMapping("/coordinator/bylaws/{version}")
    String save(@PathVariable String version, @RequestParam MultiValueMap<String, String> params,
            Authentication authentication, Model model, RedirectAttributes redirect) {
        coordinator(authentication);
        BylawsVersions.VersionView view = find(version);
        if (view.published()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT); // published: immutable
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (BylawsFields.Field field : BylawsFields.ALL) {
            String value = params.getFirst(field.id());
            fields.put(field.key(), value == null ? "" : value);
        }
        String bylawsMd = params.getFirst("bylawsMd");
        String contractTemplateMd = params.getFirst("contractTemplateMd");
        String contractTemplateMdNl = params.getFirst("contractTemplateMdNl");
        String contractTemplateMdFr = params.getFirst("contractTemplateMdFr");
        // the readable text's translations: a form without them (an older page) keeps them; posted empty: none
        BylawsVersions.Texts stored = versions.texts(version);
        BylawsVersions.Texts texts = new BylawsVersions.Texts(null, bylawsMd, contractTemplateMd, contractTemplateMdNl,
                contractTemplateMdFr, params.containsKey("bylawsMdNl") ? params.getFirst("bylawsMdNl") : stored.bylawsMdNl(),
                params.containsKey("bylawsMdFr") ? params.getFirst("bylawsMdFr") : stored.bylawsMdFr());
        try {
            versions.saveDraft(version, fields, texts);
        } catch (InvalidDraftException e) {
            model.addAttribute("invalid", true);
            return page(view, fields, texts, Map.of(fieldOf(e.field()), problem(e)), model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/coordinator/bylaws/" + version + "#differences";
    }

    @PostMapping("/coordinator/bylaws/{version}/publish")
    String publish(@PathVariable String version, @RequestParam(required = false) String confirmed,
            Authentication authentication, RedirectAttributes redirect) {
        String coordinator = coordinator(authentication);
        if (find(version).published()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        if (!"true".equals(confirmed)) {
            // publishing cannot be undone: the first click only asks
            redirect.addFlashAttribute("confirmPublish", true);
            return "redirect:/coordinator/bylaws/" + version + "#publish";
        }
        versions.publish(version, coordinator);
        redirect.addFlashAttribute("published", true);
        return "redirect:/coordinator/bylaws/" + version;
    }

    /** rules.yaml of a published version, as BylawsLoader reads it back. */
    @GetMapping("/coordinator/bylaws/{version}/rules.yaml")
    ResponseEntity<byte[]> rules(@PathVariable String version, Authentication authentication) {
        coordinator(authentication);
        return download(publishedOnly(version), "rules.yaml", "application/yaml", versions.texts(version).rulesYaml());
    }

    @GetMapping("/coordinator/bylaws/{version}/bylaws.md")
    ResponseEntity<byte[]> text(@PathVariable String version, Authentication authentication) {
        coordinator(authentication);
        return download(publishedOnly(version), "bylaws.md", "text/markdown", versions.texts(version).bylawsMd());
    }

    /** The readable text's Dutch or French translation ({@code bylaws.nl.md}, {@code bylaws.fr.md}); 404 when there is none. */
    @GetMapping("/coordinator/bylaws/{version}/bylaws.{language:nl|fr}.md")
    ResponseEntity<byte[]> translation(@PathVariable String version, @PathVariable String language, Authentication authentication) {
        coordinator(authentication);
        BylawsVersions.VersionView view = publishedOnly(version);
        String text = versions.texts(version).bylawsMd(language);
        if (text == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return download(view, "bylaws." + language + ".md", "text/markdown", text);
    }

    private String page(BylawsVersions.VersionView view, Map<String, String> fields, BylawsVersions.Texts texts,
            Map<String, Problem> problems, Model model) {
        model.addAttribute("v", view);
        model.addAttribute("sections", BylawsFields.SECTIONS);
        Map<String, java.util.List<BylawsFields.Field>> fieldsOf = new LinkedHashMap<>();
        BylawsFields.SECTIONS.forEach(s -> fieldsOf.put(s, BylawsFields.of(s)));
        model.addAttribute("fieldsOf", fieldsOf);
        model.addAttribute("atSubmission", BylawsFields.AT_SUBMISSION);
        model.addAttribute("fields", fields);
        model.addAttribute("bylawsMd", texts.bylawsMd());
        model.addAttribute("bylawsMdNl", texts.bylawsMdNl());
        model.addAttribute("bylawsMdFr", texts.bylawsMdFr());
        model.addAttribute("contractTemplateMd", texts.contractTemplateMd());
        model.addAttribute("contractTemplateMdNl", texts.contractTemplateMdNl());
        model.addAttribute("contractTemplateMdFr", texts.contractTemplateMdFr());
        model.addAttribute("problems", problems);
        model.addAttribute("diff", versions.diff(view.version()));
        return "cycle/bylaws-version";
    }

    /** A problem the page shows next to its field: a message key and its figure (a line number), if any. */
    record Problem(String key, Object argument) {}

    /** The loader names a rules.yaml key; the form shows the problem at that key's field (its HTML id). */
    private static String fieldOf(String key) {
        if (key.startsWith("scoringWeights") && !key.contains(".")) {
            return "scoringWeights"; // the weights as a whole: they must sum to 1
        }
        return BylawsFields.ALL.stream().filter(f -> f.key().equals(key)).map(BylawsFields.Field::id).findFirst()
                .orElse(key.replace('.', '_'));
    }

    private static Problem problem(InvalidDraftException e) {
        if ("contractTemplateMdNl".equals(e.field()) || "contractTemplateMdFr".equals(e.field())) {
            return new Problem("bylawsAdmin.error.contractTemplateTranslation", Math.max(e.line(), 1));
        }
        if ("contractTemplateMd".equals(e.field())) {
            return e.line() > 0 ? new Problem("bylawsAdmin.error.contractTemplate", e.line())
                    : new Problem("bylawsAdmin.error.contractTemplateEmpty", null);
        }
        if ("bylawsMd".equals(e.field()) || "scoringWeights".equals(e.field()) || "quotas.quorum".equals(e.field())) {
            return new Problem("bylawsAdmin.error." + e.field(), null);
        }
        return BylawsFields.ALL.stream().filter(f -> f.key().equals(e.field())).findFirst()
                .map(f -> new Problem("bylawsAdmin.error." + f.kind().name().toLowerCase(java.util.Locale.ROOT), null))
                .orElse(new Problem("bylawsAdmin.error.file", null));
    }

    private BylawsVersions.VersionView find(String version) {
        return versions.find(version).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private BylawsVersions.VersionView publishedOnly(String version) {
        return versions.find(version).filter(BylawsVersions.VersionView::published)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static ResponseEntity<byte[]> download(BylawsVersions.VersionView v, String file, String type, String text) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(v.version() + "-" + file).build().toString())
                .contentType(MediaType.parseMediaType(type + ";charset=UTF-8"))
                .body(text.getBytes(StandardCharsets.UTF_8));
    }

    static String coordinator(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!user.has(Roles.COORDINATORS)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return user.userId();
    }
}
