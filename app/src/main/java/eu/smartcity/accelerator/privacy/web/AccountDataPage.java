package eu.smartcity.accelerator.privacy.web;

import eu.smartcity.accelerator.privacy.internal.ErasureRequests;
import eu.smartcity.accelerator.privacy.internal.PersonalDataExport;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A logged-in person's own data (always theirs: no id in the path): what we hold per section, the download of all of
 * it, and a request to be erased (with a confirmation step).
 */
@Controller
class AccountDataPage {

    private final PersonalDataExport export;
    private final ErasureRequests requests;

    AccountDataPage(PersonalDataExport export, ErasureRequests requests) {
        this.export = export;
        this.requests = requests;
    }

    @GetMapping("/account/data")
    String show(@RequestParam(name = "tooLarge", required = false) String tooLarge, Authentication authentication, Model model) {
        String userId = authentication.getName();
        model.addAttribute("tooLarge", tooLarge != null);
        model.addAttribute("summary", export.summary(userId));
        model.addAttribute("pending", requests.openFor(userId).orElse(null));
        model.addAttribute("maxMegabytes", export.maxSize().toMegabytes());
        return "privacy/data";
    }

    @GetMapping("/account/data/export")
    ResponseEntity<StreamingResponseBody> download(Authentication authentication) {
        String userId = authentication.getName();
        Optional<Long> size = export.sizeWithinLimit(userId);
        if (size.isEmpty()) {
            // the page says why, in the person's language; nothing was streamed
            return ResponseEntity.status(303).header(HttpHeaders.LOCATION, "/account/data?tooLarge").<StreamingResponseBody>build();
        }
        StreamingResponseBody body = out -> export.writeZip(userId, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("my-data.zip").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    @GetMapping("/account/data/erasure")
    String confirm(Authentication authentication, Model model) {
        model.addAttribute("pending", requests.openFor(authentication.getName()).orElse(null));
        model.addAttribute("maxLength", ErasureRequests.MAX_TEXT);
        return "privacy/erasure";
    }

    @PostMapping("/account/data/erasure")
    String request(@RequestParam(name = "reason", required = false) String reason, Authentication authentication,
            RedirectAttributes redirect, Model model) {
        Optional<String> refused = requests.request(authentication.getName(), reason);
        if (refused.isPresent()) {
            model.addAttribute("error", refused.get());
            model.addAttribute("reason", reason);
            model.addAttribute("pending", requests.openFor(authentication.getName()).orElse(null));
            model.addAttribute("maxLength", ErasureRequests.MAX_TEXT);
            return "privacy/erasure";
        }
        redirect.addFlashAttribute("requested", true);
        return "redirect:/account/data";
    }
}
