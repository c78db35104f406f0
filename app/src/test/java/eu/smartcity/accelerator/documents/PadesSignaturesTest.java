package eu.smartcity.accelerator.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.smartcity.accelerator.documents.internal.DemoCertificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signing (PAdES B-LT, timestamped by a local RFC 3161 authority) and validation with DSS; tampering of every kind fails. */
class PadesSignaturesTest {

    static LocalTimestampAuthority tsa;

    @BeforeAll
    static void startAuthority() throws Exception {
        tsa = new LocalTimestampAuthority();
    }

    @AfterAll
    static void stopAuthority() {
        tsa.close();
    }

    static byte[] sign(byte[] pdf, DemoCertificate.Issued issued, Instant at) {
        return PadesSignatures.sign(pdf, key(issued), "Test signer", "test", "Delft", at, new OnlineTSPSource(tsa.url()),
                List.of(issued.certificate(), tsa.certificate()));
    }

    static PadesSignatures.Verification verify(byte[] pdf, DemoCertificate.Issued trusted) {
        return PadesSignatures.verify(pdf, List.of(trusted.certificate(), tsa.certificate()));
    }

    static final DemoCertificate.Issued VALID = DemoCertificate.issue("CN=Test signer", Instant.now().minus(Duration.ofDays(1)),
            Instant.now().plus(Duration.ofDays(30)));

    static SigningKey key(DemoCertificate.Issued issued) {
        return new SigningKey(issued.keys().getPrivate(), List.of(issued.certificate()));
    }

    static byte[] pdf() {
        return Documents.bylaws("test", "# Bylaws\n\n1. **Purpose.** Testing signatures.\n", java.util.Locale.ENGLISH);
    }

    @Test
    void signedPdfVerifiesAsPadesBaselineLtWithCopyableText() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        byte[] signed = sign(pdf(), VALID, Instant.now());
        PadesSignatures.Verification verification = verify(signed, VALID);
        assertThat(verification.valid()).as(verification.problem()).isTrue();
        assertThat(verification.subFilter()).isEqualTo("ETSI.CAdES.detached");
        assertThat(verification.signer()).isEqualTo("CN=Test signer");
        // B-LT and a document timestamp over it: the chains of signer and timestamp authority are in the document
        // security store; these self-issued certificates have no revocation service, so DSS names the level B-T
        // (its LT needs revocation data too)
        assertThat(verification.level()).isIn("PAdES-BASELINE-T", "PAdES-BASELINE-LT");
        assertThat(verification.intact()).isTrue();
        assertThat(verification.certificateValidAtSigning()).isTrue();
        // the time is the timestamp authority's, not the one the signer claims
        assertThat(verification.signedAt()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(verification.etsiReport()).contains("ValidationReport").contains("urn:etsi:019102:mainindication:total-passed");
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignature signature = document.getSignatureDictionaries().get(0); // then the archive (document) timestamp
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            COSDictionary dss = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
            assertThat(dss).as("document security store").isNotNull();
            assertThat(dss.getCOSArray(COSName.getPDFName("Certs")).size()).isEqualTo(2); // signer and timestamp authority
            assertThat(new PDFTextStripper().getText(document)).contains("Testing signatures").contains("page 1 of 1");
            assertThat(document.getPage(0).getResources().getFont(document.getPage(0).getResources().getFontNames().iterator().next())
                    .isEmbedded()).isTrue();
        }
    }

    @Test
    void oneAlteredByteFailsVerification() {
        byte[] signed = sign(pdf(), VALID, Instant.now());
        // spread over the whole file: signed ranges, the signature value, its zero padding, the trailer
        for (int position = 7; position < signed.length; position += signed.length / 120) {
            byte[] altered = signed.clone();
            altered[position] ^= 0x01;
            PadesSignatures.Verification verification = verify(altered, VALID);
            assertThat(verification.valid()).as("byte %d changed", position).isFalse();
            assertThat(verification.problem()).isNotBlank();
        }
    }

    @Test
    void appendedContentIsDetected() {
        byte[] signed = sign(pdf(), VALID, Instant.now());
        byte[] longer = java.util.Arrays.copyOf(signed, signed.length + 5);
        System.arraycopy("\n%x\n".getBytes(), 0, longer, signed.length, 4);
        assertThat(verify(longer, VALID).problem()).contains("does not cover the whole file");
    }

    @Test
    void expiredCertificateIsRefusedWithAClearMessage() {
        DemoCertificate.Issued expired = DemoCertificate.issue("CN=Old signer", Instant.now().minus(Duration.ofDays(400)),
                Instant.now().minus(Duration.ofDays(35)));
        assertThatThrownBy(() -> sign(pdf(), expired, Instant.now()))
                .isInstanceOf(SigningRefusedException.class)
                .hasMessageStartingWith("The signing certificate CN=Old signer expired on");
    }

    /**
     * A signature back-dated into the certificate's validity by a key whose certificate has expired: the claimed
     * time proves nothing, the timestamp says when it was made, and then the certificate was no longer valid.
     */
    @Test
    void aBackDatedSignatureByAnExpiredCertificateIsRefused() {
        DemoCertificate.Issued expired = DemoCertificate.issue("CN=Old signer", Instant.now().minus(Duration.ofDays(400)),
                Instant.now().minus(Duration.ofDays(35)));
        // DSS itself refuses to add validation data to it (no proof of existence while the certificate was valid)
        assertThatThrownBy(() -> PadesSignatures.sign(pdf(), key(expired), "Old", "test", "Delft", Instant.now().minus(Duration.ofDays(40)),
                new OnlineTSPSource(tsa.url()), List.of(expired.certificate(), tsa.certificate())))
                .isInstanceOf(SigningRefusedException.class).hasMessageContaining("The signing certificate has expired");
        // and made at bare B-T, the timestamp shows it was made after expiry
        byte[] backdated = PadesSignatures.sign(pdf(), key(expired), "Old", "test", "Delft", Instant.now().minus(Duration.ofDays(40)),
                new OnlineTSPSource(tsa.url()), List.of(expired.certificate(), tsa.certificate()), SignatureLevel.PAdES_BASELINE_T);
        PadesSignatures.Verification verification = verify(backdated, expired);
        assertThat(verification.valid()).isFalse();
        assertThat(verification.certificateValidAtSigning()).isFalse();
        assertThat(verification.problem()).startsWith("The signing certificate CN=Old signer was not valid at the time of the signature timestamp");
    }

    @Test
    void wrongCertificateIsRefusedWithAClearMessage() {
        DemoCertificate.Issued other = DemoCertificate.issue("CN=Someone else", Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)));
        SigningKey mismatched = new SigningKey(VALID.keys().getPrivate(), List.of(other.certificate()));
        assertThatThrownBy(() -> PadesSignatures.sign(pdf(), mismatched, "x", "test", "Delft", Instant.now(),
                new OnlineTSPSource(tsa.url()), List.of(tsa.certificate())))
                .isInstanceOf(SigningRefusedException.class)
                .hasMessageContaining("does not belong to the signing key");
        byte[] signedByOther = PadesSignatures.sign(pdf(), key(other), "Someone else", "test", "Delft", Instant.now(),
                new OnlineTSPSource(tsa.url()), List.of(other.certificate(), tsa.certificate()));
        PadesSignatures.Verification verification = verify(signedByOther, VALID);
        assertThat(verification.valid()).isFalse();
        assertThat(verification.problem()).isEqualTo("Signed by CN=Someone else, which is not a certificate this installation trusts");
        assertThat(verify(pdf(), VALID).problem()).isEqualTo("The PDF carries no signature");
    }
}
