package eu.smartcity.accelerator.cycle.web;

import eu.smartcity.accelerator.cycle.BylawsCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Public: the readable bylaws of every version ({@code bylaws/<version>/bylaws.md}), so an applicant
 * reads the rules of the cycle a challenge runs under. Only versions the catalogue knows are served
 * (the path never comes from the request as such).
 */
@Controller
class BylawsPages {

    private final BylawsCatalog catalog;
    // our own files, but still escaped: the page's CSP forbids inline HTML tricks anyway
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    BylawsPages(BylawsCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/bylaws")
    String versions(Model model) {
        model.addAttribute("versions", catalog.all().keySet().stream().sorted().toList());
        return "cycle/bylaws-list";
    }

    @GetMapping("/bylaws/{version}")
    String bylaws(@PathVariable String version, Model model) {
        if (catalog.find(version).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("version", version);
        model.addAttribute("html", renderer.render(parser.parse(readableText(version))));
        return "cycle/bylaws";
    }

    private static String readableText(String version) {
        ClassPathResource text = new ClassPathResource("bylaws/" + version + "/bylaws.md");
        if (!text.exists()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try (InputStream in = text.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
