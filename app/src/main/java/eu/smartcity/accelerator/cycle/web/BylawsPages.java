package eu.smartcity.accelerator.cycle.web;

import eu.smartcity.accelerator.cycle.BylawsVersions;
import java.util.Locale;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Public: the readable bylaws ({@code bylaws.md}, or {@code bylaws.nl.md}/{@code .fr.md} for a Dutch or French reader) of every published version, so an applicant reads the rules
 * of the cycle a challenge runs under. Drafts are the programme office's own (see {@link BylawsAdminPages}).
 */
@Controller
class BylawsPages {

    private final BylawsVersions versions;
    // our own files, but still escaped: the page's CSP forbids inline HTML tricks anyway
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    BylawsPages(BylawsVersions versions) {
        this.versions = versions;
    }

    @GetMapping("/bylaws")
    String versions(Model model) {
        model.addAttribute("versions", versions.all().stream().filter(BylawsVersions.VersionView::published)
                .map(BylawsVersions.VersionView::version).sorted().toList());
        return "cycle/bylaws-list";
    }

    @GetMapping("/bylaws/{version}")
    String bylaws(@PathVariable String version, Locale locale, Model model) {
        if (versions.find(version).filter(BylawsVersions.VersionView::published).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        BylawsVersions.Texts texts = versions.texts(version);
        String language = locale == null ? "en" : locale.getLanguage();
        String translated = "nl".equals(language) || "fr".equals(language) ? texts.bylawsMd(language) : texts.bylawsMd();
        // no text in the reader's language: the English one, and the page says so
        boolean fallback = translated == null;
        model.addAttribute("version", version);
        model.addAttribute("fallback", fallback);
        model.addAttribute("html", renderer.render(parser.parse(fallback ? texts.bylawsMd() : translated)));
        return "cycle/bylaws";
    }
}
