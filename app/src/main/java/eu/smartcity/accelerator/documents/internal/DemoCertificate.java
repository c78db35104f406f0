package eu.smartcity.accelerator.documents.internal;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed certificates: the demo signing certificate and demo timestamp authority of the default profile, and certificates for tests. */
public final class DemoCertificate {

    private DemoCertificate() {}

    public record Issued(KeyPair keys, X509Certificate certificate) {}

    /** A self-signed RSA certificate valid from {@code notBefore} to {@code notAfter}, usable for signatures. */
    public static Issued issue(String subject, Instant notBefore, Instant notAfter) {
        return issue(subject, notBefore, notAfter, false);
    }

    /** A self-signed certificate of a timestamp authority (extended key usage timeStamping, critical, as RFC 3161 asks). */
    public static Issued issueTimestamping(String subject, Instant notBefore, Instant notAfter) {
        return issue(subject, notBefore, notAfter, true);
    }

    private static Issued issue(String subject, Instant notBefore, Instant notAfter, boolean timestamping) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name(subject);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter),
                    name, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            if (timestamping) {
                builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            }
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
            return new Issued(keys, certificate);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create a self-signed certificate for " + subject, e);
        }
    }

    /** Writes a PKCS#12 keystore holding the key and certificate under {@code alias}. */
    public static void write(Issued issued, Path file, char[] password, String alias) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, issued.keys().getPrivate(), password, new java.security.cert.Certificate[] {issued.certificate()});
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "keystore", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                store.store(out, password);
            }
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot write keystore " + file, e);
        }
    }

    /** The demo timestamp authority's certificate (in-process, demo profile only): ten years too. */
    public static Issued demoTimestamping() {
        Instant now = Instant.now();
        return issueTimestamping("CN=Smart City Accelerator demo timestamp authority,O=Smart City Accelerator (DEMO - not for real contracts)",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
    }

    /** The demo certificate: ten years, so a demo installation never meets an expired one. */
    public static Issued demo() {
        Instant now = Instant.now();
        return issue("CN=Smart City Accelerator demo signing certificate,O=Smart City Accelerator (DEMO - not for real contracts)",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
    }
}
