package eu.smartcity.accelerator.documents.web;

import eu.smartcity.accelerator.documents.Documents;
import eu.smartcity.accelerator.documents.Reports;
import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.identity.Roles;
import eu.smartcity.accelerator.shared.PdfDownload;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reports as PDF downloads in the reader's language (the request's locale): an evaluation report (its city and coordinators; anyone logged in once it is
 * published), a cycle report (logged-in users: procurement outcomes are public in OCDS anyway), and the
 * bylaws of a version (public, for publication).
 */
@Controller
class ReportDownloads {

    private final Reports reports;

    ReportDownloads(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/reports/evaluations/{id}.pdf")
    ResponseEntity<byte[]> evaluation(@PathVariable UUID id, Authentication authentication, Locale locale) {
        CurrentUser user = CurrentUser.of(authentication);
        Reports.EvaluationAccess access = reports.evaluationAccess(id).filter(a -> a.published() || user.has(Roles.COORDINATORS)
                || user.city().filter(a.cityGroup()::equals).isPresent()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return pdf("evaluation-report-" + id + ".pdf", Documents.evaluationReport(reports.evaluation(id, locale).orElseThrow(), locale));
    }

    /** Coordinators only: a running cycle's report shows every applicant's stage, which is not public before it is final. */
    @GetMapping("/reports/cycles/{id}.pdf")
    ResponseEntity<byte[]> cycle(@PathVariable UUID id, Authentication authentication, Locale locale) {
        if (!CurrentUser.of(authentication).has(Roles.COORDINATORS)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return pdf("cycle-report-" + id + ".pdf", Documents.cycleReport(reports.cycle(id, locale)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)), locale));
    }

    @GetMapping("/bylaws/{version}.pdf")
    ResponseEntity<byte[]> bylaws(@PathVariable String version, Locale locale) {
        return pdf("bylaws-" + version + ".pdf", reports.bylaws(version, locale).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private static ResponseEntity<byte[]> pdf(String name, byte[] body) {
        return PdfDownload.of(name, CacheControl.empty(), body);
    }
}
