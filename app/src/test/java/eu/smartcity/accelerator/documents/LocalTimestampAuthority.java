package eu.smartcity.accelerator.documents;

import com.sun.net.httpserver.HttpServer;
import eu.smartcity.accelerator.documents.internal.DemoCertificate;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 timestamp authority on localhost for tests: BouncyCastle's generator behind a tiny HTTP server,
 * with its own certificate made at start (no key is ever committed). {@link #stop()} makes it not answer.
 */
public final class LocalTimestampAuthority implements AutoCloseable {

    private static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1");

    private final DemoCertificate.Issued issued = DemoCertificate.issueTimestamping("CN=Test timestamp authority",
            Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
    private final AtomicLong serial = new AtomicLong();
    private final HttpServer server;

    public LocalTimestampAuthority() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", exchange -> {
            try {
                TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
                byte[] response = respond(request);
                exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, response.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response);
                }
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    private byte[] respond(TimeStampRequest request) throws Exception {
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().build()).build(
                new JcaContentSignerBuilder("SHA256withRSA").build(issued.keys().getPrivate()), issued.certificate()),
                new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)), POLICY);
        tokens.addCertificates(new JcaCertStore(java.util.List.of(issued.certificate())));
        TimeStampResponse response = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED)
                .generate(request, BigInteger.valueOf(serial.incrementAndGet()), new Date());
        return response.getEncoded();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa";
    }

    public X509Certificate certificate() {
        return issued.certificate();
    }

    /** Writes the authority's certificate (PEM) for {@code accelerator.signing.tsa.certificate}. */
    public Path writeCertificate(Path file) throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(issued.certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        Files.writeString(file, pem);
        return file;
    }

    /** From now on nothing answers at {@link #url()}. */
    public void stop() {
        server.stop(0);
    }

    @Override
    public void close() {
        stop();
    }
}
