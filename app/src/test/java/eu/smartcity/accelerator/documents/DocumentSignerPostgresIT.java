package eu.smartcity.accelerator.documents;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.support.PostgresTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The *IT tests sign on the postgres profile with a keystore made at test time under target/, never a committed one. */
@PostgresTest
class DocumentSignerPostgresIT {

    @Autowired DocumentSigner signer;
    @Value("${accelerator.signing.keystore}") Path keystore;

    @Test
    void signsWithTheKeystoreMadeForTheTests() {
        assertThat(keystore.toAbsolutePath().normalize().toString()).contains("/target/");
        assertThat(keystore).exists();
        byte[] signed = signer.sign(PadesSignaturesTest.pdf(), "Contract test accepted");
        assertThat(signer.verify(signed).valid()).isTrue();
        assertThat(signer.verify(signed).signer()).contains("demo signing certificate");
    }
}
