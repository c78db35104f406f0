package eu.smartcity.accelerator.contract.web;

import eu.smartcity.accelerator.contract.ContractDocuments;
import eu.smartcity.accelerator.documents.PadesSignatures;
import eu.smartcity.accelerator.documents.SigningRefusedException;
import eu.smartcity.accelerator.identity.CurrentUser;
import eu.smartcity.accelerator.identity.Roles;
import eu.smartcity.accelerator.shared.PdfDownload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A contract's page: clause by clause what differs from the template, each party's decision with the
 * fingerprint of the PDF it accepted, the PDF (signed once countersigned) as a download, and once signed the
 * signature's validation by DSS in plain words with the ETSI validation report as a download. Only the
 * company party, the city party and coordinators may see it; anyone else gets 404.
 */
@Controller
class ContractPages {

    private final ContractDocuments documents;

    ContractPages(ContractDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/contracts/{id}")
    String show(@PathVariable UUID id, Authentication authentication, Model model) {
        allowed(id, authentication);
        ContractDocuments.ContractPage page = documents.page(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("contract", page);
        if (page.signed()) {
            model.addAttribute("signature", validation(id));
        }
        return "contract/contract";
    }

    /** The DSS validation of the signed contract; null when it cannot be run here (no signing keystore configured). */
    private PadesSignatures.Verification validation(UUID id) {
        try {
            return documents.verify(id);
        } catch (SigningRefusedException e) {
            return null;
        }
    }

    /** The ETSI validation report (EN 319 102-2, XML, made by DSS) of the signed contract: the same readers as its page. */
    @GetMapping("/contracts/{id}/validation-report.xml")
    ResponseEntity<byte[]> validationReport(@PathVariable UUID id, Authentication authentication) {
        allowed(id, authentication);
        if (documents.signedPdf(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        PadesSignatures.Verification verification = validation(id);
        if (verification == null || verification.etsiReport() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("contract-" + id + "-validation-report.xml").build().toString())
                .cacheControl(CacheControl.noStore().cachePrivate())
                .contentType(MediaType.APPLICATION_XML)
                .body(verification.etsiReport().getBytes(StandardCharsets.UTF_8));
    }

    /** From My applications (which knows the application, not the contract): the same readers as the contract page. */
    @GetMapping("/contracts/of-application/{applicationId}")
    String ofApplication(@PathVariable UUID applicationId, Authentication authentication) {
        UUID id = documents.contractOfApplication(applicationId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        allowed(id, authentication);
        return "redirect:/contracts/" + id;
    }

    @GetMapping("/contracts/{id}/contract.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, Authentication authentication) {
        allowed(id, authentication);
        boolean signed = documents.signedPdf(id).isPresent();
        String name = "contract-" + id + (signed ? "-signed" : "-unsigned") + ".pdf";
        return PdfDownload.of(name, CacheControl.noStore().cachePrivate(), documents.pdf(id));
    }

    /**
     * Public: the signed contract, once both parties signed and the programme sealed it, is published with
     * the OCDS contract release (open contracting). It names organisations only, never natural persons;
     * before signing (drafts, negotiation) it is not public: 404.
     */
    @GetMapping("/contracts/{id}/signed.pdf")
    ResponseEntity<byte[]> signedPdf(@PathVariable UUID id) {
        byte[] signed = documents.signedPdf(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return PdfDownload.of("contract-" + id + "-signed.pdf", CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic(), signed);
    }

    private void allowed(UUID id, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        List<String> parties = documents.parties(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean party = user.city().filter(parties::contains).isPresent() || user.company().filter(parties::contains).isPresent();
        if (!party && !user.has(Roles.COORDINATORS)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
