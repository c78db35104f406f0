package eu.smartcity.accelerator.documents;

import eu.smartcity.accelerator.documents.internal.DemoCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs PDFs with the programme's key (PKCS#12 keystore from {@code accelerator.signing.*}) and verifies
 * them against its certificate. With {@code accelerator.signing.create-demo-certificate} (the default demo
 * profile only) a self-signed demo certificate is created under the data directory at first start. Without a
 * keystore (the postgres profile until one is configured) the app still starts, logs {@link #NOT_CONFIGURED}
 * and refuses every signature with that sentence.
 */
@Component
public class DocumentSigner {

    /** The start-up warning and the refusal when no keystore is configured: it names the setting to set. */
    public static final String NOT_CONFIGURED = "Contract signing is not configured: set ACCELERATOR_SIGNING_KEYSTORE "
            + "(accelerator.signing.keystore) to the programme's PKCS#12 keystore, with ACCELERATOR_SIGNING_PASSWORD and "
            + "ACCELERATOR_SIGNING_ALIAS; until then signed contracts cannot be archived.";

    private static final Logger log = LoggerFactory.getLogger(DocumentSigner.class);

    private final Path keystore;
    private final char[] password;
    private final String alias;
    private final String location;
    private volatile SigningKey key;

    public DocumentSigner(@Value("${accelerator.signing.keystore:}") String keystore,
            @Value("${accelerator.signing.password:}") String password,
            @Value("${accelerator.signing.alias:accelerator}") String alias,
            @Value("${accelerator.signing.location:Smart City Accelerator}") String location,
            @Value("${accelerator.signing.create-demo-certificate:false}") boolean createDemo) {
        this.keystore = keystore == null || keystore.isBlank() ? null : Path.of(keystore.strip());
        this.password = password.toCharArray();
        this.alias = alias;
        this.location = location;
        if (this.keystore == null) {
            log.warn(NOT_CONFIGURED);
        } else if (createDemo && !Files.exists(this.keystore)) {
            DemoCertificate.write(DemoCertificate.demo(), this.keystore, this.password, alias);
            log.info("Created a self-signed demo signing certificate in {} (not for real contracts)", this.keystore);
        }
    }

    private SigningKey key() {
        SigningKey current = key;
        if (current == null) {
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

    /** Signs as the programme, for the reason given (e.g. "Countersigned contract 1234"). */
    public byte[] sign(byte[] pdf, String reason) {
        SigningKey signingKey = key();
        return PadesSignatures.sign(pdf, signingKey, signingKey.certificate().getSubjectX500Principal().getName(), reason,
                location, Instant.now());
    }

    /** Verifies against the programme's certificate: changed bytes, another or expired certificate all fail. */
    public PadesSignatures.Verification verify(byte[] pdf) {
        return PadesSignatures.verify(pdf, List.of(key().certificate()));
    }
}
