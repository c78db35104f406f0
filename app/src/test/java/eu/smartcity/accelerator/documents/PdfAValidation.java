package eu.smartcity.accelerator.documents;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * PDF/A-3b checked by an independent validator, veraPDF (its Greenfield parser, in-process): the rules that failed,
 * each with veraPDF's clause, test number, count and message. Compliant means no rule failed.
 */
final class PdfAValidation {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    record Result(boolean compliant, int failedChecks, Map<String, String> failedRules) {

        /** A few lines for a samples folder or an assertion message. */
        String summary() {
            StringBuilder out = new StringBuilder("veraPDF " + PDFAFlavour.PDFA_3_B.getId() + ": "
                    + (compliant ? "compliant, no rule failed" : failedChecks + " failed checks") + "\n");
            failedRules.forEach((rule, message) -> out.append("  ").append(rule).append(": ").append(message).append('\n'));
            return out.toString();
        }
    }

    private PdfAValidation() {}

    static Result validate(byte[] pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false);
            ValidationResult result = validator.validate(parser);
            Map<String, String> failed = new TreeMap<>();
            List<TestAssertion> assertions = result.getTestAssertions();
            for (TestAssertion a : assertions) {
                if (a.getStatus() == TestAssertion.Status.FAILED) {
                    failed.putIfAbsent(a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber(), a.getMessage());
                }
            }
            int count = result.getFailedChecks().values().stream().mapToInt(Integer::intValue).sum();
            return new Result(result.isCompliant() && failed.isEmpty(), count, failed);
        } catch (Exception e) {
            throw new IllegalStateException("veraPDF could not validate the PDF: " + e, e);
        }
    }
}
