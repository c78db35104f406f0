package eu.smartcity.accelerator.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.documents.internal.DemoCertificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PadesSignaturesTest {

    static final DemoCertificate.Issued VALID = DemoCertificate.issue("CN=Test signer", Instant.now().minus(Duration.ofDays(1)),
            Instant.now().plus(Duration.ofDays(30)));

    static SigningKey key(DemoCertificate.Issued issued) {
        return new SigningKey(issued.keys().getPrivate(), List.of(issued.certificate()));
    }

    static byte[] pdf() {
        return Documents.bylaws("test", "# Bylaws\n\n1. **Purpose.** Testing signatures.\n");
    }

    @Test
    void signedPdfVerifiesAsPadesBaselineWithCopyableText() throws Exception {
        byte[] signed = PadesSignatures.sign(pdf(), key(VALID), "Test signer", "test", "Delft", Instant.now());
        PadesSignatures.Verification verification = PadesSignatures.verify(signed, List.of(VALID.certificate()));
        assertThat(verification.valid()).as(verification.problem()).isTrue();
        assertThat(verification.subFilter()).isEqualTo("ETSI.CAdES.detached");
        assertThat(verification.signer()).isEqualTo("CN=Test signer");
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignature signature = document.getLastSignatureDictionary();
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            assertThat(new PDFTextStripper().getText(document)).contains("Testing signatures").contains("page 1 of 1");
            assertThat(document.getPage(0).getResources().getFont(document.getPage(0).getResources().getFontNames().iterator().next())
                    .isEmbedded()).isTrue();
        }
    }

    @Test
    void oneAlteredByteFailsVerification() {
        byte[] signed = PadesSignatures.sign(pdf(), key(VALID), "Test signer", "test", "Delft", Instant.now());
        // spread over the whole file: signed ranges, the signature value, its zero padding, the trailer
        for (int position = 7; position < signed.length; position += signed.length / 120) {
            byte[] altered = signed.clone();
            altered[position] ^= 0x01;
            PadesSignatures.Verification verification = PadesSignatures.verify(altered, List.of(VALID.certificate()));
            assertThat(verification.valid()).as("byte %d changed", position).isFalse();
            assertThat(verification.problem()).isNotBlank();
        }
    }

    @Test
    void appendedContentIsDetected() {
        byte[] signed = PadesSignatures.sign(pdf(), key(VALID), "Test signer", "test", "Delft", Instant.now());
        byte[] longer = java.util.Arrays.copyOf(signed, signed.length + 5);
        System.arraycopy("\n%x\n".getBytes(), 0, longer, signed.length, 4);
        assertThat(PadesSignatures.verify(longer, List.of(VALID.certificate())).problem()).contains("does not cover the whole file");
    }

    @Test
    void expiredCertificateIsRefusedWithAClearMessage() {
        DemoCertificate.Issued expired = DemoCertificate.issue("CN=Old signer", Instant.now().minus(Duration.ofDays(400)),
                Instant.now().minus(Duration.ofDays(35)));
        assertThatThrownBy(() -> PadesSignatures.sign(pdf(), key(expired), "Old", "test", "Delft", Instant.now()))
                .isInstanceOf(SigningRefusedException.class)
                .hasMessageStartingWith("The signing certificate CN=Old signer expired on");
        // a signature made while it was valid is refused if the claimed time lies after expiry
        byte[] backdated = PadesSignatures.sign(pdf(), key(expired), "Old", "test", "Delft", Instant.now().minus(Duration.ofDays(40)));
        assertThat(PadesSignatures.verify(backdated, List.of(expired.certificate())).valid()).isTrue();
    }

    @Test
    void wrongCertificateIsRefusedWithAClearMessage() {
        DemoCertificate.Issued other = DemoCertificate.issue("CN=Someone else", Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)));
        SigningKey mismatched = new SigningKey(VALID.keys().getPrivate(), List.of(other.certificate()));
        assertThatThrownBy(() -> PadesSignatures.sign(pdf(), mismatched, "x", "test", "Delft", Instant.now()))
                .isInstanceOf(SigningRefusedException.class)
                .hasMessageContaining("does not belong to the signing key");
        byte[] signedByOther = PadesSignatures.sign(pdf(), key(other), "Someone else", "test", "Delft", Instant.now());
        PadesSignatures.Verification verification = PadesSignatures.verify(signedByOther, List.of(VALID.certificate()));
        assertThat(verification.valid()).isFalse();
        assertThat(verification.problem()).isEqualTo("Signed by CN=Someone else, which is not a certificate this installation trusts");
        assertThat(PadesSignatures.verify(pdf(), List.of(VALID.certificate())).problem()).isEqualTo("The PDF carries no signature");
    }
}
