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
 * them against its certificate. With {@code accelerator.signing.create-demo-certificate} (default profile)
 * a self-signed demo certificate is created under the data directory at first start.
 */
@Component
public class DocumentSigner {

    private static final Logger log = LoggerFactory.getLogger(DocumentSigner.class);

    private final Path keystore;
    private final char[] password;
    private final String alias;
    private final String location;
    private volatile SigningKey key;

    public DocumentSigner(@Value("${accelerator.signing.keystore}") Path keystore,
            @Value("${accelerator.signing.password}") String password,
            @Value("${accelerator.signing.alias}") String alias,
            @Value("${accelerator.signing.location:Smart City Accelerator}") String location,
            @Value("${accelerator.signing.create-demo-certificate:false}") boolean createDemo) {
        this.keystore = keystore;
        this.password = password.toCharArray();
        this.alias = alias;
        this.location = location;
        if (createDemo && !Files.exists(keystore)) {
            DemoCertificate.write(DemoCertificate.demo(), keystore, this.password, alias);
            log.info("Created a self-signed demo signing certificate in {} (not for real contracts)", keystore);
        }
    }

    private SigningKey key() {
        SigningKey current = key;
        if (current == null) {
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
