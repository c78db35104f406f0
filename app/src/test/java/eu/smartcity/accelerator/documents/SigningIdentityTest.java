package eu.smartcity.accelerator.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.documents.internal.DemoCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One signing identity for all nodes (issue 20): the programme's keystore handed to each node as a secret
 * ({@code ACCELERATOR_SIGNING_KEYSTORE_BASE64}); on the postgres profile no node ever makes a key of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class SigningIdentityTest {

    private static final Pattern FINGERPRINT = Pattern.compile("certificate SHA-256 ([0-9A-F]{64})");

    @TempDir Path dir;

    /** Two nodes, each in its own working directory, get the same secret: each verifies what the other signed. */
    @Test
    void nodesGivenTheSameSecretSignAsOneProgramme(CapturedOutput output) throws Exception {
        Path file = dir.resolve("programme.p12");
        DemoCertificate.write(PadesSignaturesTest.VALID, file, "pw".toCharArray(), "accelerator");
        String secret = Base64.getMimeEncoder().encodeToString(Files.readAllBytes(file)); // wrapped, as `base64` prints it
        Files.delete(file);
        try (LocalTimestampAuthority tsa = new LocalTimestampAuthority()) {
            Path tsaCertificate = tsa.writeCertificate(dir.resolve("tsa.pem"));
            Path nodeA = Files.createDirectories(dir.resolve("node-a"));
            Path nodeB = Files.createDirectories(dir.resolve("node-b"));
            try (ConfigurableApplicationContext a = node(nodeA, secret, tsa.url(), tsaCertificate);
                    ConfigurableApplicationContext b = node(nodeB, secret, tsa.url(), tsaCertificate)) {
                byte[] signedOnA = a.getBean(DocumentSigner.class).sign(PadesSignaturesTest.pdf(), "Contract 1 accepted");
                byte[] signedOnB = b.getBean(DocumentSigner.class).sign(PadesSignaturesTest.pdf(), "Contract 2 accepted");
                for (byte[] signed : new byte[][] {signedOnA, signedOnB}) {
                    for (ConfigurableApplicationContext node : java.util.List.of(a, b)) {
                        PadesSignatures.Verification verification = node.getBean(DocumentSigner.class).verify(signed);
                        assertThat(verification.valid()).as(verification.problem()).isTrue();
                        assertThat(verification.signer()).isEqualTo("CN=Test signer");
                    }
                }
            }
            // nothing written to either node's working directory: no key of its own
            try (var written = Files.walk(dir.resolve("node-a"))) {
                assertThat(written.filter(Files::isRegularFile)).isEmpty();
            }
        }
        // each node names the certificate it signs with at start, so operators can compare the nodes' logs
        Matcher logged = FINGERPRINT.matcher(output.getAll());
        assertThat(logged.find()).isTrue();
        String first = logged.group(1);
        assertThat(logged.find()).isTrue();
        assertThat(logged.group(1)).isEqualTo(first);
        assertThat(output.getAll()).contains("Signing as CN=Test signer with the keystore from " + DocumentSigner.SECRET);
    }

    @Test
    void aSecretThatIsNotBase64StopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> node(dir, "not a keystore!", "", null).close())
                .hasStackTraceContaining("ACCELERATOR_SIGNING_KEYSTORE_BASE64 (accelerator.signing.keystore-base64) is not base64");
    }

    @Test
    void aSecretWithoutTheKeyIsRefusedNamingTheSecretNotAFile() throws Exception {
        Path file = dir.resolve("other.p12");
        DemoCertificate.write(PadesSignaturesTest.VALID, file, "pw".toCharArray(), "someone");
        String secret = Base64.getEncoder().encodeToString(Files.readAllBytes(file));
        try (ConfigurableApplicationContext node = node(dir, secret, "", null)) {
            assertThatThrownBy(() -> node.getBean(DocumentSigner.class).sign(PadesSignaturesTest.pdf(), "t"))
                    .isInstanceOf(SigningRefusedException.class)
                    .hasMessageStartingWith("Keystore " + DocumentSigner.SECRET + " has no private key under alias 'accelerator'");
        }
    }

    /** On the postgres profile a configured keystore file that is missing is refused, never made (even on a first start). */
    @Test
    void onThePostgresProfileNoNodeMakesAKeyOfItsOwn() {
        Path missing = dir.resolve("signing/programme.p12");
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(DocumentSigner.class)
                .profiles("postgres").web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .properties("accelerator.database-check.enabled=false", "ACCELERATOR_SIGNING_KEYSTORE=" + missing,
                        "ACCELERATOR_SIGNING_PASSWORD=pw").run()) {
            assertThatThrownBy(() -> node.getBean(DocumentSigner.class).sign(PadesSignaturesTest.pdf(), "t"))
                    .isInstanceOf(SigningRefusedException.class)
                    .hasMessage("No signing keystore at " + missing + "; set accelerator.signing.keystore (ACCELERATOR_SIGNING_KEYSTORE)");
        }
        assertThat(missing).doesNotExist();
        assertThat(missing.resolveSibling("demo-timestamping.p12")).doesNotExist();
    }

    /** A node on the postgres profile (only the signer, no database) started in {@code workingDirectory}, configured as by environment variables. */
    private static ConfigurableApplicationContext node(Path workingDirectory, String secret, String tsaUrl, Path tsaCertificate) {
        return new SpringApplicationBuilder(DocumentSigner.class)
                .profiles("postgres").web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .properties(java.util.Map.of("accelerator.database-check.enabled", "false",
                        "ACCELERATOR_DATA_DIR", workingDirectory.toString(),
                        "ACCELERATOR_SIGNING_KEYSTORE_BASE64", secret,
                        "ACCELERATOR_SIGNING_PASSWORD", "pw",
                        "ACCELERATOR_SIGNING_TSA_URL", tsaUrl,
                        "ACCELERATOR_SIGNING_TSA_CERTIFICATE", tsaCertificate == null ? "" : tsaCertificate.toString()))
                .run();
    }
}
