package eu.smartcity.accelerator.documents;

import eu.europa.esig.dss.service.http.commons.TimestampDataLoader;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.x509.tsp.KeyEntityTSPSource;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import eu.smartcity.accelerator.documents.internal.DemoCertificate;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Signs PDFs with the programme's key (PKCS#12 keystore from {@code accelerator.signing.*}), timestamped by the
 * timestamp authority of {@code accelerator.signing.tsa.*}, and validates them against the programme's
 * certificate and the authority's. With {@code accelerator.signing.create-demo-certificate} (the default demo
 * profile only) a self-signed demo certificate is created under the data directory at first start, and
 * without a TSA URL a demo timestamp authority runs in-process (its key beside the demo keystore), so the demo
 * signs with zero set-up. Without a keystore (the postgres profile until one is configured) the app still
 * starts, logs {@link #NOT_CONFIGURED} and refuses every signature with that sentence; with a keystore but no
 * TSA it refuses with {@link #NO_TIMESTAMP_AUTHORITY}.
 *
 * <p>On several nodes every node must sign with the same key: either the same file on each node, or the
 * keystore's bytes as a secret, {@code accelerator.signing.keystore-base64} ({@code ACCELERATOR_SIGNING_KEYSTORE_BASE64}),
 * which then wins over the file and is never replaced by a demo certificate. Once ready, each node logs the
 * certificate it signs with (subject and SHA-256 fingerprint), so the nodes' logs can be compared.
 */
@Component
public class DocumentSigner {

    /** The start-up warning and the refusal when no keystore is configured: it names the setting to set. */
    public static final String NOT_CONFIGURED = "Contract signing is not configured: set ACCELERATOR_SIGNING_KEYSTORE "
            + "(accelerator.signing.keystore) to the programme's PKCS#12 keystore (or ACCELERATOR_SIGNING_KEYSTORE_BASE64 to its "
            + "bytes in base64), the same on every node, with ACCELERATOR_SIGNING_PASSWORD and "
            + "ACCELERATOR_SIGNING_ALIAS; until then signed contracts cannot be archived.";

    /** The refusal when no timestamp authority is configured outside the demo. */
    public static final String NO_TIMESTAMP_AUTHORITY = "No timestamp authority is configured: set ACCELERATOR_SIGNING_TSA_URL "
            + "(accelerator.signing.tsa.url) and ACCELERATOR_SIGNING_TSA_CERTIFICATE (its certificate); signatures need a timestamp.";

    /** The policy the demo authority names in its timestamps (an example arc: it promises nothing). */
    private static final String DEMO_TSA_POLICY = "1.3.6.1.4.1.99999.1";

    private static final Logger log = LoggerFactory.getLogger(DocumentSigner.class);

    /** Where the secret form comes from, in refusals and the log. */
    static final String SECRET = "ACCELERATOR_SIGNING_KEYSTORE_BASE64 (accelerator.signing.keystore-base64)";

    private final Path keystore;
    private final byte[] keystoreBytes;
    private final char[] password;
    private final String alias;
    private final String location;
    private final TSPSource tsa;
    private final List<X509Certificate> tsaAnchors = new ArrayList<>();
    /** The in-process demo timestamp authority (demo profile without a TSA URL), its key read on first need; else null. */
    private final DemoAuthority demoAuthority;
    private volatile SigningKey key;
    /** Where the keystore named at start comes from; null when there is none to name (not configured, or just created). */
    private final String certificateSource;
    private Thread certificateLog;

    /** The demo or keystore-only signer (tests): the demo timestamp authority when {@code createDemo}. */
    public DocumentSigner(String keystore, String password, String alias, String location, boolean createDemo) {
        this(keystore, password, alias, location, createDemo, "", "", "", "");
    }

    /** The signer with a file keystore (tests): as the configured one without the secret form. */
    public DocumentSigner(String keystore, String password, String alias, String location, boolean createDemo,
            String tsaUrl, String tsaUsername, String tsaPassword, String tsaCertificate) {
        this("", keystore, password, alias, location, createDemo, tsaUrl, tsaUsername, tsaPassword, tsaCertificate);
    }

    @Autowired
    public DocumentSigner(@Value("${accelerator.signing.keystore-base64:}") String keystoreBase64,
            @Value("${accelerator.signing.keystore:}") String keystore,
            @Value("${accelerator.signing.password:}") String password,
            @Value("${accelerator.signing.alias:accelerator}") String alias,
            @Value("${accelerator.signing.location:Smart City Accelerator}") String location,
            @Value("${accelerator.signing.create-demo-certificate:false}") boolean createDemo,
            @Value("${accelerator.signing.tsa.url:}") String tsaUrl,
            @Value("${accelerator.signing.tsa.username:}") String tsaUsername,
            @Value("${accelerator.signing.tsa.password:}") String tsaPassword,
            @Value("${accelerator.signing.tsa.certificate:}") String tsaCertificate) {
        this.keystore = keystore == null || keystore.isBlank() ? null : Path.of(keystore.strip());
        this.keystoreBytes = decode(keystoreBase64);
        this.password = password.toCharArray();
        this.alias = alias;
        this.location = location;
        String source = null;
        if (keystoreBytes != null) {
            source = SECRET;
        } else if (this.keystore == null) {
            log.warn(NOT_CONFIGURED);
        } else if (createDemo && !Files.exists(this.keystore)) {
            DemoCertificate.write(DemoCertificate.demo(), this.keystore, this.password, alias);
            log.info("Created a self-signed demo signing certificate in {} (not for real contracts)", this.keystore);
        } else if (Files.exists(this.keystore)) {
            source = this.keystore.toString();
        }
        this.certificateSource = source;
        if (tsaUrl != null && !tsaUrl.isBlank()) {
            this.tsa = refusingWhenSilent(online(tsaUrl.strip(), tsaUsername, tsaPassword), tsaUrl.strip());
            this.demoAuthority = null;
            if (tsaCertificate != null && !tsaCertificate.isBlank()) {
                tsaAnchors.add(readCertificate(Path.of(tsaCertificate.strip())));
            } else {
                log.warn("No certificate for the timestamp authority {} (accelerator.signing.tsa.certificate): its timestamps "
                        + "cannot be validated", tsaUrl.strip());
            }
        } else if (createDemo && this.keystore != null) {
            Path file = this.keystore.resolveSibling("demo-timestamping.p12");
            if (!Files.exists(file)) {
                DemoCertificate.write(DemoCertificate.demoTimestamping(), file, this.password, "tsa");
                log.info("Created a self-signed demo timestamp authority in {} (not for real contracts)", file);
            }
            DemoAuthority demo = new DemoAuthority(file, this.password);
            this.tsa = refusingWhenSilent((digestAlgorithm, digest) -> demo.source().getTimeStampResponse(digestAlgorithm, digest),
                    "the in-process demo timestamp authority");
            this.demoAuthority = demo;
        } else {
            this.tsa = null;
            this.demoAuthority = null;
        }
    }

    /** The secret's bytes (line breaks allowed, as {@code base64} wraps them); null when not set. */
    private static byte[] decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        try {
            return java.util.Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(SECRET + " is not base64 (the PKCS#12 file's bytes, e.g. `base64 -w0 programme.p12`): "
                    + e.getMessage(), e);
        }
    }

    /**
     * Names the certificate once the app is ready, on a thread of its own: opening a PKCS#12 keystore derives its keys
     * with 10,000 hash rounds per entry, about 2 % of the start's CPU, and nothing on the way to ready needs the key
     * (the first signature loads it if this has not yet). A keystore that cannot be used is still logged as a warning,
     * as before, and refuses every signature with the reason. The same thread then reads the demo timestamp authority's
     * key, when there is one ({@link DemoAuthority}).
     */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void logCertificateWhenReady() {
        if ((certificateSource != null || demoAuthority != null) && certificateLog == null) {
            certificateLog = new Thread(() -> {
                if (certificateSource != null) {
                    logCertificate(certificateSource);
                }
                if (demoAuthority != null) {
                    demoAuthority.loadWhenReady();
                }
            }, "signing-certificate");
            certificateLog.setDaemon(true);
            certificateLog.start();
        }
    }

    /** Lets the certificate's log line out before the app stops (a start that stops at once still names it). */
    @PreDestroy
    public void awaitCertificateLog() throws InterruptedException {
        Thread running;
        synchronized (this) {
            running = certificateLog;
        }
        if (running != null) {
            running.join(30_000);
        }
    }

    /** Which certificate this node signs with: the same on every node, or the nodes do not sign as one programme. */
    private void logCertificate(String source) {
        try {
            X509Certificate certificate = key().certificate();
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            log.info("Signing as {} with the keystore from {} (certificate SHA-256 {})", certificate.getSubjectX500Principal().getName(),
                    source, java.util.HexFormat.of().withUpperCase().formatHex(digest));
        } catch (SigningRefusedException e) {
            log.warn("The signing keystore from {} cannot be used: {}", source, e.getMessage());
        } catch (java.security.GeneralSecurityException e) {
            log.warn("Cannot fingerprint the signing certificate: {}", e.getMessage());
        }
    }

    /** Any failure of the authority becomes a {@link TimestampUnavailableException} naming it. */
    private static TSPSource refusingWhenSilent(TSPSource source, String name) {
        return (digestAlgorithm, digest) -> {
            try {
                return source.getTimeStampResponse(digestAlgorithm, digest);
            } catch (RuntimeException e) {
                throw new TimestampUnavailableException(name, e);
            }
        };
    }

    private static TSPSource online(String url, String username, String password) {
        TimestampDataLoader loader = new TimestampDataLoader();
        // an authority that does not answer fails the signing quickly; the engine's job retries it later
        loader.setTimeoutConnection(10_000);
        loader.setTimeoutResponse(20_000);
        if (username != null && !username.isBlank()) {
            URI uri = URI.create(url);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            loader.addAuthentication(uri.getHost(), port, uri.getScheme(), username, password.toCharArray());
            loader.setPreemptiveAuthentication(true);
        }
        return new OnlineTSPSource(url, loader);
    }

    /** Whether the demo authority's key has been read (tests: it is read once ready, not on the way to ready). */
    boolean demoAuthorityLoaded() {
        return demoAuthority != null && demoAuthority.loaded();
    }

    /**
     * The demo authority, created once beside the demo keystore (alias "tsa", same password). Its key is read once the
     * app is ready, on the thread that names the certificate (or by the first timestamp, if that comes first), not in
     * the constructor: like the signing keystore, a PKCS#12 key derivation and the first use of Bouncy Castle (whose
     * signed jar the JDK verifies) that nothing on the way to ready needs (docs/performance.md, "Start-up, round 3").
     * A key that cannot be read is a warning once ready and refuses every signature naming its file.
     */
    private static final class DemoAuthority {

        private final Path file;
        private final char[] password;
        private volatile KeyEntityTSPSource source;
        private X509Certificate certificate;

        DemoAuthority(Path file, char[] password) {
            this.file = file;
            this.password = password;
        }

        synchronized KeyEntityTSPSource source() {
            if (source == null) {
                SigningKey loaded = SigningKey.load(file, password, "tsa");
                KeyEntityTSPSource inProcess = new KeyEntityTSPSource(loaded.privateKey(), loaded.certificate(),
                        List.of(loaded.certificate()));
                inProcess.setTsaPolicy(DEMO_TSA_POLICY);
                certificate = loaded.certificate();
                source = inProcess;
            }
            return source;
        }

        synchronized X509Certificate certificate() {
            source();
            return certificate;
        }

        boolean loaded() {
            return source != null;
        }

        void loadWhenReady() {
            try {
                source();
            } catch (RuntimeException e) {
                log.warn("The demo timestamp authority's key in {} cannot be used: {}", file, e.getMessage());
            }
        }
    }

    private static X509Certificate readCertificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the timestamp authority's certificate " + file
                    + " (accelerator.signing.tsa.certificate, PEM or DER): " + e.getMessage(), e);
        }
    }

    private synchronized SigningKey key() {
        SigningKey current = key;
        if (current == null && keystoreBytes != null) {
            current = SigningKey.load(keystoreBytes, SECRET, password, alias);
            key = current;
        } else if (current == null) {
            if (keystore == null) {
                throw new SigningRefusedException(NOT_CONFIGURED);
            }
            if (!Files.exists(keystore)) {
                throw new SigningRefusedException("No signing keystore at " + keystore
                        + "; set accelerator.signing.keystore (ACCELERATOR_SIGNING_KEYSTORE)");
            }
            current = SigningKey.load(keystore, password, alias);
            key = current;
        }
        return current;
    }

    /**
     * Signs as the programme (PAdES B-LT), for the reason given (e.g. "Countersigned contract 1234").
     *
     * @throws SigningRefusedException also when the timestamp authority does not answer: nothing is signed then
     */
    public byte[] sign(byte[] pdf, String reason) {
        SigningKey signingKey = key();
        if (tsa == null) {
            throw new SigningRefusedException(NO_TIMESTAMP_AUTHORITY);
        }
        return PadesSignatures.sign(pdf, signingKey, signingKey.certificate().getSubjectX500Principal().getName(), reason,
                location, Instant.now(), tsa, trusted());
    }

    /** Validates with DSS against the programme's certificate and the timestamp authority's. */
    public PadesSignatures.Verification verify(byte[] pdf) {
        return PadesSignatures.verify(pdf, trusted());
    }

    private List<X509Certificate> trusted() {
        List<X509Certificate> trusted = new ArrayList<>(key().chain());
        trusted.addAll(tsaAnchors);
        if (demoAuthority != null) {
            trusted.add(demoAuthority.certificate());
        }
        return trusted;
    }
}
