package eu.smartcity.accelerator.cluster;

import eu.smartcity.accelerator.documents.LocalTimestampAuthority;
import eu.smartcity.accelerator.documents.PadesSignatures;
import eu.smartcity.accelerator.documents.internal.DemoCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The programme's one signing identity for a test cluster: a keystore made at test time (never a committed key),
 * handed to every node as the secret {@code ACCELERATOR_SIGNING_KEYSTORE_BASE64} (no node has it as a file, none
 * makes one), and one RFC 3161 timestamp authority on localhost. {@link #verify} checks a signed PDF against that
 * one certificate, whichever node signed it.
 */
final class ClusterSigning implements AutoCloseable {

    private static final String PASSWORD = "cluster-test";

    private final DemoCertificate.Issued programme = DemoCertificate.issue("CN=Cluster test programme office",
            Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
    private final LocalTimestampAuthority tsa;
    private final String keystoreBase64;
    private final Path tsaCertificate;

    ClusterSigning(Path directory) {
        try {
            Files.createDirectories(directory);
            Path keystore = directory.resolve("programme.p12");
            DemoCertificate.write(programme, keystore, PASSWORD.toCharArray(), "accelerator");
            keystoreBase64 = Base64.getEncoder().encodeToString(Files.readAllBytes(keystore));
            Files.delete(keystore); // the nodes get the bytes, not a file
            tsa = new LocalTimestampAuthority();
            tsaCertificate = tsa.writeCertificate(directory.resolve("tsa.pem"));
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare the cluster's signing identity", e);
        }
    }

    /** The environment every node gets: the same secret, password and timestamp authority. */
    Map<String, String> environment() {
        return Map.of("ACCELERATOR_SIGNING_KEYSTORE_BASE64", keystoreBase64,
                "ACCELERATOR_SIGNING_PASSWORD", PASSWORD,
                "ACCELERATOR_SIGNING_TSA_URL", tsa.url(),
                "ACCELERATOR_SIGNING_TSA_CERTIFICATE", tsaCertificate.toString());
    }

    X509Certificate certificate() {
        return programme.certificate();
    }

    /** DSS validation against the programme's certificate and the authority's, and nothing else. */
    PadesSignatures.Verification verify(byte[] signedPdf) {
        return PadesSignatures.verify(signedPdf, List.of(programme.certificate(), tsa.certificate()));
    }

    @Override
    public void close() {
        tsa.close();
    }
}
