package eu.smartcity.accelerator.documents;

import eu.europa.esig.dss.alert.LogOnStatusAlert;
import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.slf4j.event.Level;

/**
 * PAdES signatures made and validated by the EU's DSS library. Signing makes a PAdES baseline signature:
 * B-B (detached CAdES, ESS signing-certificate-v2), an RFC 3161 signature timestamp from the timestamp
 * authority (B-T), the validation data in the document security store (B-LT): the certificate chains of
 * signer and timestamp and their revocation data where there is any (the programme's self-issued
 * certificates have no CRL or OCSP service, so for them there is none to embed, and DSS then names the level
 * B-T), and a document timestamp over all of it (DSS's LTA step), so that no byte of the file is left
 * unprotected: the store would otherwise sit in an unsigned revision. Validation runs DSS's
 * default policy against the trust anchors given and reads the result in plain words; the ETSI validation
 * report (EN 319 102-2) comes along as XML.
 */
public final class PadesSignatures {

    public static final String SUB_FILTER = "ETSI.CAdES.detached";

    private PadesSignatures() {}

    /**
     * What a validation found. {@code problem} is a sentence for people when not valid; {@code signedAt} is the
     * time of the signature timestamp (the claimed signing time only when there is no timestamp);
     * {@code intact}: the signed bytes are unchanged; {@code certificateValidAtSigning}: the signing
     * certificate was valid at {@code signedAt}; {@code level} e.g. PAdES-BASELINE-LT; {@code etsiReport} the
     * ETSI validation report (XML), null when the file could not be validated at all.
     */
    public record Verification(boolean valid, String problem, String signer, Instant signedAt, String subFilter,
            boolean coversWholeDocument, boolean intact, boolean certificateValidAtSigning, String level, String etsiReport) {}

    /**
     * Signs {@code pdf} with {@code key} (PAdES B-LT), the signature timestamp from {@code tsa}.
     *
     * @param trusted the trust anchors (programme and timestamp authority) at which the embedded chains end
     * @throws SigningRefusedException when the certificate is expired or not yet valid at {@code at}, is not
     *         meant for signatures, does not belong to the private key, or when the timestamp authority does not answer
     */
    public static byte[] sign(byte[] pdf, SigningKey key, String name, String reason, String location, Instant at, TSPSource tsa,
            Collection<X509Certificate> trusted) {
        return sign(pdf, key, name, reason, location, at, tsa, trusted, SignatureLevel.PAdES_BASELINE_LTA);
    }

    /** At {@code level}: tests make a bare B-T signature, which DSS's augmentation checks would not let through. */
    static byte[] sign(byte[] pdf, SigningKey key, String name, String reason, String location, Instant at, TSPSource tsa,
            Collection<X509Certificate> trusted, SignatureLevel level) {
        X509Certificate certificate = key.certificate();
        checkUsable(certificate, at);
        checkKeyPair(key);
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(level);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(certificate));
        parameters.setCertificateChain(key.chain().stream().map(CertificateToken::new).toList());
        parameters.bLevel().setSigningDate(Date.from(at));
        parameters.setSignerName(name);
        parameters.setReason(reason);
        parameters.setLocation(location);
        parameters.setContentSize(32_768); // the CMS with the timestamp token and its certificates
        PAdESService service = new PAdESService(verifier(trusted, true));
        service.setPdfObjFactory(new PdfBoxNativeObjectFactory());
        service.setTspSource(tsa);
        DSSDocument document = new InMemoryDocument(pdf);
        try {
            ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key.privateKey());
            rsa.update(toBeSigned.getBytes());
            DSSDocument signed = service.signDocument(document, parameters, new SignatureValue(SignatureAlgorithm.RSA_SHA256, rsa.sign()));
            return signed.openStream().readAllBytes();
        } catch (SigningRefusedException e) {
            throw e;
        } catch (java.security.GeneralSecurityException | IOException e) {
            throw new SigningRefusedException("Cannot sign the PDF: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof TimestampUnavailableException silent) {
                    throw silent; // perhaps wrapped by DSS: the authority's failure is the news
                }
            }
            throw new SigningRefusedException("Cannot sign the PDF: " + e.getMessage(), e);
        }
    }

    /**
     * The trust anchors, and no online look-ups: validation data comes from the document or not at all. While
     * signing, missing revocation data is logged, not fatal: B-LT embeds what exists.
     */
    private static CommonCertificateVerifier verifier(Collection<X509Certificate> trusted, boolean signing) {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        if (!signing) {
            // (as trust anchors while signing, DSS 6.4 loses the signing certificate of a self-signed signer)
            CommonTrustedCertificateSource anchors = new CommonTrustedCertificateSource();
            trusted.forEach(c -> anchors.addCertificate(new CertificateToken(c)));
            verifier.setTrustedCertSources(anchors);
        }
        verifier.setAIASource(null);
        verifier.setCrlSource(null);
        verifier.setOcspSource(null);
        if (signing) {
            verifier.setAlertOnMissingRevocationData(new LogOnStatusAlert(Level.INFO));
            verifier.setAlertOnNoRevocationAfterBestSignatureTime(new LogOnStatusAlert(Level.INFO));
            verifier.setAugmentationAlertOnSelfSignedCertificateChains(new LogOnStatusAlert(Level.INFO));
        }
        return verifier;
    }

    private static void checkUsable(X509Certificate certificate, Instant at) {
        try {
            certificate.checkValidity(Date.from(at));
        } catch (CertificateExpiredException e) {
            throw new SigningRefusedException("The signing certificate " + certificate.getSubjectX500Principal().getName()
                    + " expired on " + certificate.getNotAfter().toInstant() + "; configure a valid one (accelerator.signing.keystore)");
        } catch (CertificateNotYetValidException e) {
            throw new SigningRefusedException("The signing certificate " + certificate.getSubjectX500Principal().getName()
                    + " is not valid before " + certificate.getNotBefore().toInstant());
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !usage[0] && !usage[1]) {
            throw new SigningRefusedException("The certificate " + certificate.getSubjectX500Principal().getName()
                    + " is not meant for signatures (key usage lacks digitalSignature and nonRepudiation)");
        }
    }

    private static void checkKeyPair(SigningKey key) {
        try {
            byte[] probe = "key pair check".getBytes();
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key.privateKey());
            signer.update(probe);
            byte[] signed = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key.certificate().getPublicKey());
            verifier.update(probe);
            if (!verifier.verify(signed)) {
                throw new SigningRefusedException("The certificate " + key.certificate().getSubjectX500Principal().getName()
                        + " does not belong to the signing key (wrong certificate in the keystore)");
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new SigningRefusedException("The signing key cannot be used with its certificate: " + e.getMessage(), e);
        }
    }

    /**
     * Validates every signature of {@code pdf} with DSS against {@code trusted}; valid when DSS finds each
     * TOTAL-PASSED and nothing was written after the last revision.
     */
    public static Verification verify(byte[] pdf, Collection<X509Certificate> trusted) {
        String structure = structuralProblem(pdf, trusted);
        if (structure != null) {
            return new Verification(false, structure, null, null, null, false, false, false, null, null);
        }
        Reports reports;
        try {
            SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
            validator.setCertificateVerifier(verifier(trusted, false));
            reports = validator.validateDocument();
        } catch (RuntimeException e) {
            // DSS gives up on a signature it cannot parse: a changed signature value, not a verdict to soften
            return new Verification(false, "The signature cannot be read (" + e.getMessage() + "): it was damaged or changed after signing",
                    null, null, null, false, false, false, null, null);
        }
        SimpleReport simple = reports.getSimpleReport();
        String report = reports.getXmlValidationReport();
        if (simple.getSignaturesCount() == 0) {
            return new Verification(false, "The PDF carries no signature", null, null, null, false, false, false, null, report);
        }
        DiagnosticData diagnostic = reports.getDiagnosticData();
        long revisionsRead = diagnostic.getSignatures().size()
                + diagnostic.getTimestampList().stream().filter(t -> t.getPDFRevision() != null).count();
        if (revisionsRead != signatureDictionaries(pdf)) {
            // DSS skips a signature or document timestamp it cannot parse; an unread one is a changed one
            return new Verification(false, "A signature or timestamp in the file cannot be read: it was damaged or changed after signing",
                    null, null, null, false, false, false, null, report);
        }
        for (TimestampWrapper timestamp : diagnostic.getTimestampList()) {
            if (!(timestamp.isMessageImprintDataIntact() && timestamp.isSignatureIntact() && timestamp.isSignatureValid())) {
                return new Verification(false, "A timestamp in the file does not match what it stamps: the file was changed after signing",
                        null, null, null, false, false, false, null, report);
            }
        }
        Verification last = null;
        for (String id : simple.getSignatureIdList()) {
            last = reading(simple, diagnostic.getSignatureById(id), id, trusted, report);
            if (!last.valid()) {
                return last;
            }
        }
        return last;
    }

    private static Verification reading(SimpleReport simple, SignatureWrapper signature, String id, Collection<X509Certificate> trusted,
            String report) {
        CertificateWrapper certificate = signature.getSigningCertificate();
        String who = certificate == null ? simple.getSignedBy(id) : certificate.getCertificateDN();
        Instant signedAt = signatureTimestamp(signature);
        boolean timestamped = signedAt != null;
        if (!timestamped) {
            signedAt = signature.getClaimedSigningTime() == null ? null : signature.getClaimedSigningTime().toInstant();
        }
        String subFilter = signature.getSubFilter();
        boolean intact = signature.isSignatureIntact() && signature.isSignatureValid();
        boolean validAtSigning = certificate != null && signedAt != null && !certificate.getNotBefore().toInstant().isAfter(signedAt)
                && !certificate.getNotAfter().toInstant().isBefore(signedAt);
        String level = simple.getSignatureFormat(id) == null ? null : simple.getSignatureFormat(id).toString();
        String problem = null;
        if (!intact) {
            problem = "The signature does not match the document: it was changed after signing";
        } else if (!SUB_FILTER.equals(subFilter)) {
            problem = "Not a PAdES signature (SubFilter " + subFilter + ", expected " + SUB_FILTER + ")";
        } else if (certificate == null || !signature.isSigningCertificateIdentified()) {
            problem = "The signature does not carry its signing certificate";
        } else if (!certificate.isTrusted() && certificate.getCertificateChain().stream().noneMatch(CertificateWrapper::isTrusted)) {
            problem = "Signed by " + who + ", which is not a certificate this installation trusts";
        } else if (!timestamped) {
            problem = "The signature carries no valid timestamp: when it was made cannot be proven";
        } else if (!validAtSigning) {
            problem = "The signing certificate " + who + " was not valid at the time of the signature timestamp " + signedAt + " (valid "
                    + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant() + ")";
        } else if (simple.getIndication(id) != Indication.TOTAL_PASSED) {
            problem = "The signature did not pass validation (" + simple.getIndication(id)
                    + (simple.getSubIndication(id) == null ? "" : ", " + simple.getSubIndication(id)) + ")";
        }
        return new Verification(problem == null, problem, who, signedAt, subFilter, true, intact, validAtSigning, level, report);
    }

    /** The earliest valid signature timestamp's time: the proven time of signing. */
    private static Instant signatureTimestamp(SignatureWrapper signature) {
        return signature.getSignatureTimestamps().stream()
                .filter(t -> t.isMessageImprintDataIntact() && t.isSignatureIntact() && t.isSignatureValid())
                .map(TimestampWrapper::getProductionTime).map(Date::toInstant).min(Instant::compareTo).orElse(null);
    }

    /**
     * What DSS does not judge: bytes after the last revision's end of file, a signature field that differs
     * from what was written at signing (hex of one case, the CMS followed by zero padding only), and a changed
     * certificate inside a CMS (the last document timestamp's is covered by nothing else).
     */
    private static String structuralProblem(byte[] pdf, Collection<X509Certificate> trusted) {
        int end = pdf.length;
        while (end > 0 && (pdf[end - 1] == '\n' || pdf[end - 1] == '\r')) {
            end--;
        }
        if (end < 5 || !new String(pdf, end - 5, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%%EOF")) {
            return "The signature does not cover the whole file: content was added after signing";
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDSignature signature : document.getSignatureDictionaries()) {
                int[] range = signature.getByteRange();
                if (range == null || range.length != 4 || range[0] != 0 || range[1] < 0 || range[2] <= range[1]
                        || (long) range[2] + range[3] > pdf.length) {
                    return "The signature's byte range is malformed or points outside the file";
                }
                if (!strictHexGap(pdf, range) || !zeroPadded(signature.getContents(pdf))) {
                    return "The signature field between the signed byte ranges was changed after signing";
                }
                if (!certificatesIntact(signature.getContents(pdf), trusted)) {
                    return "A certificate in the file was changed after signing";
                }
            }
            return null;
        } catch (IOException e) {
            return "The file is not a readable PDF (" + e.getMessage() + "): it was damaged or changed";
        }
    }

    /** The certificates a CMS carries (they are outside what it signs) are each {@link #selfConsistent}. */
    private static boolean certificatesIntact(byte[] contents, Collection<X509Certificate> trusted) {
        try {
            for (Object holder : new CMSSignedData(contents).getCertificates().getMatches(null)) {
                if (!selfConsistent(((X509CertificateHolder) holder).getEncoded(), trusted)) {
                    return false;
                }
            }
            return true;
        } catch (CMSException | IOException | RuntimeException e) {
            return true; // unreadable: DSS says so, with its reasons
        }
    }

    /**
     * DSS matches a certificate to a trust anchor by issuer and serial number and then uses the anchor, so a
     * certificate changed inside the file would go unnoticed: one naming an anchor must be that anchor, byte for
     * byte, and a self-issued one must carry its own valid signature.
     */
    private static boolean selfConsistent(byte[] encoded, Collection<X509Certificate> trusted) {
        try {
            X509Certificate certificate = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(encoded));
            for (X509Certificate anchor : trusted) {
                if (anchor.getSerialNumber().equals(certificate.getSerialNumber())
                        && anchor.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())
                        && !java.util.Arrays.equals(anchor.getEncoded(), encoded)) {
                    return false;
                }
            }
            if (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                certificate.verify(certificate.getPublicKey());
            }
            return true;
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static int signatureDictionaries(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getSignatureDictionaries().size();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The unsigned gap must be exactly {@code <hex digits>}, all of one case, as written at signing. */
    private static boolean strictHexGap(byte[] pdf, int[] range) {
        int start = range[1];
        int end = range[2] - 1;
        if (pdf[start] != '<' || pdf[end] != '>') {
            return false;
        }
        boolean upper = false;
        boolean lower = false;
        for (int i = start + 1; i < end; i++) {
            byte b = pdf[i];
            if (b >= 'A' && b <= 'F') {
                upper = true;
            } else if (b >= 'a' && b <= 'f') {
                lower = true;
            } else if (b < '0' || b > '9') {
                return false;
            }
        }
        return !(upper && lower);
    }

    /** After the DER-encoded CMS (its length read from its header) only zeros: the padding PDF writers reserve. */
    private static boolean zeroPadded(byte[] contents) {
        if (contents.length < 2) {
            return false;
        }
        int header = 2;
        long length = contents[1] & 0xff;
        if ((length & 0x80) != 0) {
            int octets = (int) (length & 0x7f);
            if (octets == 0 || octets > 4 || contents.length < 2 + octets) {
                return false;
            }
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = (length << 8) | (contents[2 + i] & 0xff);
            }
            header += octets;
        }
        if (header + length > contents.length) {
            return false;
        }
        for (long i = header + length; i < contents.length; i++) {
            if (contents[(int) i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** SHA-256 of bytes, lower-case hex: the fingerprint recorded with each acceptance. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
