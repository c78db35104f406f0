package eu.smartcity.accelerator.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Store;

/**
 * PAdES baseline B-B signatures with PDFBox's signing support: an incremental update with a signature
 * dictionary (SubFilter {@code ETSI.CAdES.detached}, signing time in {@code M}) whose contents are a
 * detached CMS signature (SHA-256 with RSA) carrying the ESS signing-certificate-v2 attribute and no
 * signing-time attribute, as EN 319 142-1 asks. Verification recomputes the digest over the byte range,
 * checks the CMS signature, the signing-certificate binding, the certificate's validity at signing time
 * and, when given, that the certificate is one we trust.
 */
public final class PadesSignatures {

    public static final String SUB_FILTER = "ETSI.CAdES.detached";

    private PadesSignatures() {}

    /** What a verification found; {@code problem} is a sentence for people when not valid. */
    public record Verification(boolean valid, String problem, String signer, Instant signedAt, String subFilter,
            boolean coversWholeDocument) {}

    /**
     * Signs {@code pdf} with {@code key}.
     *
     * @throws SigningRefusedException when the certificate is expired or not yet valid at {@code at}, is not
     *         meant for signatures, or does not belong to the private key
     */
    public static byte[] sign(byte[] pdf, SigningKey key, String name, String reason, String location, Instant at) {
        X509Certificate certificate = key.certificate();
        checkUsable(certificate, at);
        checkKeyPair(key);
        try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(COSName.getPDFName(SUB_FILTER));
            signature.setName(name);
            signature.setReason(reason);
            signature.setLocation(location);
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(at.toEpochMilli());
            signature.setSignDate(when);
            options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE * 2);
            document.addSignature(signature, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            external.setSignature(cms(external.getContent(), key));
            return out.toByteArray();
        } catch (IOException e) {
            throw new SigningRefusedException("Cannot sign the PDF: " + e.getMessage(), e);
        }
    }

    private static byte[] cms(InputStream content, SigningKey key) throws IOException {
        try {
            X509Certificate certificate = key.certificate();
            byte[] certHash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            ESSCertIDv2 certId = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), certHash,
                    new IssuerSerial(new GeneralNames(new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
                            certificate.getSerialNumber()));
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId}))));
            DefaultSignedAttributeTableGenerator withoutSigningTime = new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)) {
                @Override
                @SuppressWarnings({"rawtypes", "unchecked"})
                protected java.util.Hashtable createStandardAttributeTable(java.util.Map parameters) {
                    java.util.Hashtable table = super.createStandardAttributeTable(parameters);
                    table.remove(CMSAttributes.signingTime);
                    return table;
                }
            };
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(withoutSigningTime)
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.privateKey()), certificate));
            generator.addCertificates(new JcaCertStore(key.chain()));
            return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new SigningRefusedException("Cannot build the CMS signature: " + e.getMessage(), e);
        }
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

    /** Verifies every signature of {@code pdf} (the last one must cover the whole file). */
    public static Verification verify(byte[] pdf, Collection<X509Certificate> trusted) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return invalid("The PDF carries no signature", null, null, null, false);
            }
            Verification last = null;
            for (PDSignature signature : signatures) {
                last = verifyOne(pdf, signature, trusted);
                if (!last.valid()) {
                    return last;
                }
            }
            return last;
        } catch (IOException e) {
            return invalid("The file is not a readable PDF (" + e.getMessage() + "): it was damaged or changed", null, null, null, false);
        }
    }

    private static Verification verifyOne(byte[] pdf, PDSignature signature, Collection<X509Certificate> trusted) throws IOException {
        Instant signedAt = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
        String subFilter = signature.getSubFilter();
        int[] range = signature.getByteRange();
        if (range == null || range.length != 4 || range[0] != 0 || range[1] < 0 || range[2] <= range[1]
                || (long) range[2] + range[3] > pdf.length) {
            return invalid("The signature's byte range is malformed or points outside the file", null, signedAt, subFilter, false);
        }
        boolean whole = (long) range[2] + range[3] == pdf.length;
        byte[] contents = signature.getContents(pdf);
        byte[] signedContent = signature.getSignedContent(pdf);
        if (!strictHexGap(pdf, range)) {
            return invalid("The signature field between the signed byte ranges was changed after signing", null, signedAt, subFilter, whole);
        }
        CMSSignedData cms;
        try {
            cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), contents);
            byte[] encoded = cms.getEncoded();
            for (int i = encoded.length; i < contents.length; i++) {
                if (contents[i] != 0) {
                    return invalid("The signature field holds bytes after the signature: it was changed after signing",
                            null, signedAt, subFilter, whole);
                }
            }
        } catch (CMSException | IOException e) {
            return invalid("The signature value is not a readable CMS structure: the signature was damaged or changed",
                    null, signedAt, subFilter, whole);
        }
        @SuppressWarnings("unchecked")
        Store<X509CertificateHolder> certificates = cms.getCertificates();
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            return invalid("Expected exactly one signer, found " + signers.size(), null, signedAt, subFilter, whole);
        }
        SignerInformation signer = signers.iterator().next();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = certificates.getMatches(signer.getSID());
        if (matches.isEmpty()) {
            return invalid("The signature does not carry its signing certificate", null, signedAt, subFilter, whole);
        }
        X509Certificate certificate;
        try {
            certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (java.security.cert.CertificateException e) {
            return invalid("The signing certificate cannot be read", null, signedAt, subFilter, whole);
        }
        String who = certificate.getSubjectX500Principal().getName();
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
                return invalid("The signature does not match the document: it was changed after signing", who, signedAt, subFilter, whole);
            }
        } catch (Exception e) {
            return invalid("The document was changed after signing (digest or signature mismatch: " + e.getMessage() + ")",
                    who, signedAt, subFilter, whole);
        }
        if (!SUB_FILTER.equals(subFilter)) {
            return invalid("Not a PAdES signature (SubFilter " + subFilter + ", expected " + SUB_FILTER + ")", who, signedAt, subFilter, whole);
        }
        String binding = checkSigningCertificateV2(signer, certificate);
        if (binding != null) {
            return invalid(binding, who, signedAt, subFilter, whole);
        }
        try {
            certificate.checkValidity(Date.from(signedAt == null ? Instant.now() : signedAt));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return invalid("The signing certificate " + who + " was not valid at the signing time " + signedAt + " (valid "
                    + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant() + ")",
                    who, signedAt, subFilter, whole);
        }
        if (trusted != null && !trusted.contains(certificate)) {
            return invalid("Signed by " + who + ", which is not a certificate this installation trusts", who, signedAt, subFilter, whole);
        }
        if (!whole) {
            return invalid("The signature does not cover the whole file: content was added after signing", who, signedAt, subFilter, false);
        }
        return new Verification(true, null, who, signedAt, subFilter, true);
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

    private static String checkSigningCertificateV2(SignerInformation signer, X509Certificate certificate) {
        AttributeTable attributes = signer.getSignedAttributes();
        Attribute attribute = attributes == null ? null : attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            return "The signature lacks the signing-certificate-v2 attribute PAdES requires";
        }
        try {
            SigningCertificateV2 value = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0));
            byte[] expected = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            byte[] stated = value.getCerts()[0].getCertHash();
            if (!MessageDigest.isEqual(expected, stated)) {
                return "The signing-certificate-v2 attribute names another certificate (" + HexFormat.of().formatHex(stated) + ")";
            }
            return null;
        } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException | RuntimeException e) {
            return "The signing-certificate-v2 attribute cannot be read: " + e.getMessage();
        }
    }

    private static Verification invalid(String problem, String signer, Instant at, String subFilter, boolean whole) {
        return new Verification(false, problem, signer, at, subFilter, whole);
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
