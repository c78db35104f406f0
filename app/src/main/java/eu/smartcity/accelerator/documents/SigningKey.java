package eu.smartcity.accelerator.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

/** A private key and its certificate chain (signer first), as read from a PKCS#12 keystore. */
public record SigningKey(PrivateKey privateKey, List<X509Certificate> chain) {

    public SigningKey {
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * @throws SigningRefusedException naming the file and alias when the keystore cannot be read or has no key
     */
    public static SigningKey load(Path keystore, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(keystore)) {
            return read(in, "Keystore " + keystore, password, alias);
        } catch (IOException e) {
            throw new SigningRefusedException("Cannot read signing keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    /**
     * The keystore handed over as bytes (a secret in an environment variable), named {@code source} in refusals.
     *
     * @throws SigningRefusedException naming the source and alias when the bytes are no keystore or have no key
     */
    public static SigningKey load(byte[] keystore, String source, char[] password, String alias) {
        try (InputStream in = new java.io.ByteArrayInputStream(keystore)) {
            return read(in, "Keystore " + source, password, alias);
        } catch (IOException e) {
            throw new SigningRefusedException("Cannot read signing keystore " + source + ": " + e.getMessage(), e);
        }
    }

    private static SigningKey read(InputStream in, String named, char[] password, String alias) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (!store.isKeyEntry(alias)) {
                throw new SigningRefusedException(named + " has no private key under alias '" + alias
                        + "' (it has " + java.util.Collections.list(store.aliases()) + ")");
            }
            PrivateKey key = (PrivateKey) store.getKey(alias, password);
            Certificate[] chain = store.getCertificateChain(alias);
            return new SigningKey(key, Arrays.stream(chain).map(X509Certificate.class::cast).toList());
        } catch (GeneralSecurityException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
