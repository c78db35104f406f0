package eu.smartcity.accelerator.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.documents.internal.DemoCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.junit.jupiter.api.io.TempDir;

/** The signer as configured: demo certificate at first start, keystore problems and an expired certificate refused clearly. */
class DocumentSignerTest {

    @TempDir Path dir;

    @Test
    void createsTheDemoCertificateOnceAndSignsWithIt() throws Exception {
        Path keystore = dir.resolve("signing/demo.p12");
        DocumentSigner signer = new DocumentSigner(keystore.toString(), "pw", "accelerator", "Test office", true);
        assertThat(keystore).exists();
        byte[] created = Files.readAllBytes(keystore);
        new DocumentSigner(keystore.toString(), "pw", "accelerator", "Test office", true);
        assertThat(Files.readAllBytes(keystore)).isEqualTo(created); // not replaced at the next start
        assertThat(dir.resolve("signing/demo-timestamping.p12")).exists(); // the in-process demo timestamp authority

        byte[] signed = signer.sign(PadesSignaturesTest.pdf(), "test");
        assertThat(signer.verify(signed).valid()).as(signer.verify(signed).problem()).isTrue();
        assertThat(signer.verify(signed).signer()).contains("demo signing certificate");
        // a restart keeps the demo authority, so what was stamped before still validates
        assertThat(new DocumentSigner(keystore.toString(), "pw", "accelerator", "Test office", true).verify(signed).valid()).isTrue();
    }

    /** The configured authority stamps; when it stops answering, signing is refused naming it (and nothing is signed). */
    @Test
    void signsWithTheConfiguredTimestampAuthorityAndRefusesWhenItDoesNotAnswer() throws Exception {
        Path keystore = dir.resolve("office.p12");
        DemoCertificate.write(PadesSignaturesTest.VALID, keystore, "pw".toCharArray(), "accelerator");
        try (LocalTimestampAuthority tsa = new LocalTimestampAuthority()) {
            DocumentSigner signer = new DocumentSigner(keystore.toString(), "pw", "accelerator", "Test office", false, tsa.url(), "", "",
                    tsa.writeCertificate(dir.resolve("tsa.pem")).toString());
            byte[] signed = signer.sign(PadesSignaturesTest.pdf(), "test");
            PadesSignatures.Verification verification = signer.verify(signed);
            assertThat(verification.valid()).as(verification.problem()).isTrue();
            assertThat(verification.signer()).isEqualTo("CN=Test signer");

            tsa.stop();
            assertThatThrownBy(() -> signer.sign(PadesSignaturesTest.pdf(), "test")).isInstanceOf(TimestampUnavailableException.class)
                    .hasMessageStartingWith("The timestamp authority (" + tsa.url() + ") did not answer, so the contract was not signed; "
                            + "signing is retried automatically.");
        }
        // a keystore but no authority outside the demo: refused with the sentence naming the setting
        DocumentSigner without = new DocumentSigner(keystore.toString(), "pw", "accelerator", "Test office", false);
        assertThatThrownBy(() -> without.sign(PadesSignaturesTest.pdf(), "test")).hasMessage(DocumentSigner.NO_TIMESTAMP_AUTHORITY);
    }

    /**
     * The demo authority's key is read once the app is ready (start-up, round 3), on the thread that names the
     * certificate, not in the constructor: after the ready event and the context's stop it is read, and a restart
     * still stamps with the same authority. A key that cannot be read no longer stops the start: it is a warning once
     * ready and every signature is refused naming the authority's keystore.
     */
    @Test
    void theDemoAuthoritysKeyIsReadOnceReadyNotOnTheWayToReady() throws Exception {
        Path keystore = dir.resolve("signing/demo.p12");
        new DocumentSigner(keystore.toString(), "pw", "accelerator", "Test office", true); // first start: both created
        DocumentSigner restarted = new DocumentSigner(keystore.toString(), "pw", "accelerator", "Test office", true);
        assertThat(restarted.demoAuthorityLoaded()).isFalse();
        restarted.logCertificateWhenReady();
        restarted.awaitCertificateLog();
        assertThat(restarted.demoAuthorityLoaded()).isTrue();
        byte[] signed = restarted.sign(PadesSignaturesTest.pdf(), "test");
        assertThat(restarted.verify(signed).valid()).as(restarted.verify(signed).problem()).isTrue();

        Files.write(dir.resolve("signing/demo-timestamping.p12"), new byte[] {1, 2, 3});
        DocumentSigner broken = new DocumentSigner(keystore.toString(), "pw", "accelerator", "Test office", true);
        broken.logCertificateWhenReady(); // a warning on its thread, not an exception that stops the start
        broken.awaitCertificateLog();
        assertThat(broken.demoAuthorityLoaded()).isFalse();
        assertThatThrownBy(() -> broken.sign(PadesSignaturesTest.pdf(), "test")).isInstanceOf(SigningRefusedException.class)
                .hasMessageStartingWith("Cannot read signing keystore " + dir.resolve("signing/demo-timestamping.p12"));
    }

    @Test
    void aMissingKeystoreOrAliasIsNamed() {
        Path keystore = dir.resolve("none.p12");
        DocumentSigner signer = new DocumentSigner(keystore.toString(), "pw", "accelerator", "Test office", false);
        assertThatThrownBy(() -> signer.sign(PadesSignaturesTest.pdf(), "test")).isInstanceOf(SigningRefusedException.class)
                .hasMessage("No signing keystore at " + keystore + "; set accelerator.signing.keystore (ACCELERATOR_SIGNING_KEYSTORE)");

        Path other = dir.resolve("other.p12");
        DemoCertificate.write(PadesSignaturesTest.VALID, other, "pw".toCharArray(), "someone");
        assertThatThrownBy(() -> new DocumentSigner(other.toString(), "pw", "accelerator", "x", false).sign(PadesSignaturesTest.pdf(), "t"))
                .hasMessageStartingWith("Keystore " + other + " has no private key under alias 'accelerator'");
    }

    /**
     * The postgres profile as configured in application-postgres.yml (only the database check is off: this test
     * needs no database): no keystore and no demo certificate, so the signer starts, warns with the sentence that
     * names the setting, and refuses to sign with the same sentence.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void onThePostgresProfileWithoutAKeystoreSigningIsRefusedWithASentenceNamingTheSetting(CapturedOutput output) {
        try (ConfigurableApplicationContext postgres = new SpringApplicationBuilder(DocumentSigner.class)
                .profiles("postgres").web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .properties("accelerator.database-check.enabled=false").run()) {
            DocumentSigner signer = postgres.getBean(DocumentSigner.class);
            assertThatThrownBy(() -> signer.sign(PadesSignaturesTest.pdf(), "Contract 1 accepted"))
                    .isInstanceOf(SigningRefusedException.class)
                    .hasMessage(DocumentSigner.NOT_CONFIGURED)
                    .hasMessageContaining("set ACCELERATOR_SIGNING_KEYSTORE (accelerator.signing.keystore)");
            assertThat(output.getAll()).contains(DocumentSigner.NOT_CONFIGURED);
        }
    }

    @Test
    void anExpiredConfiguredCertificateIsRefused() {
        Path keystore = dir.resolve("expired.p12");
        DemoCertificate.write(DemoCertificate.issue("CN=Expired office", Instant.now().minus(Duration.ofDays(800)),
                Instant.now().minus(Duration.ofDays(1))), keystore, "pw".toCharArray(), "accelerator");
        DocumentSigner signer = new DocumentSigner(keystore.toString(), "pw", "accelerator", "x", true);
        assertThatThrownBy(() -> signer.sign(PadesSignaturesTest.pdf(), "test")).isInstanceOf(SigningRefusedException.class)
                .hasMessageStartingWith("The signing certificate CN=Expired office expired on")
                .hasMessageEndingWith("; configure a valid one (accelerator.signing.keystore)");
    }
}
