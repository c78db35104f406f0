package eu.smartcity.accelerator.application.web;

import eu.smartcity.accelerator.application.ApplicationDrafts;
import eu.smartcity.accelerator.application.Applications.Submission;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.validation.Errors;

/**
 * What a company types when it applies; kept as typed when the form comes back with errors. Its rules are the
 * constraints of {@link Submission} ({@link #check}), not a copy: each broken one is said next to its field with
 * the constraint's bundle key (apply.error.<field>), in the user's language.
 */
public class ApplyForm {

    private String solutionTitle;
    private String pitch;
    private BigDecimal requestedBudget;
    private Integer trl;
    private boolean legalEntity;
    private String country;
    private Integer employees;
    private boolean interoperable;
    private boolean declarationsSigned;

    /** The form as the company left it in its draft. */
    static ApplyForm of(ApplicationDrafts.Draft d) {
        ApplyForm form = new ApplyForm();
        form.solutionTitle = d.solutionTitle();
        form.pitch = d.pitch();
        // 24500, not 24500.00 (the column's scale), in the number field
        form.requestedBudget = d.requestedBudget() == null || d.requestedBudget().stripTrailingZeros().scale() > 0
                ? d.requestedBudget() : d.requestedBudget().setScale(0);
        form.trl = d.trl();
        form.legalEntity = d.legalEntity();
        form.country = d.country();
        form.employees = d.employees();
        form.interoperable = d.interoperable();
        form.declarationsSigned = d.declarationsSigned();
        return form;
    }

    /** What is typed so far, blanks as nothing. */
    ApplicationDrafts.Draft toDraft(UUID challengeId, String companyGroup) {
        return new ApplicationDrafts.Draft(challengeId, companyGroup, blankAsNull(solutionTitle), blankAsNull(pitch), requestedBudget,
                trl, legalEntity, blankAsNull(country), employees, interoperable, declarationsSigned, null);
    }

    /** What the company submits. */
    Submission toSubmission(UUID challengeId, String companyGroup) {
        return new Submission(challengeId, companyGroup, solutionTitle, pitch,
                requestedBudget, trl, legalEntity, country, employees, interoperable, declarationsSigned);
    }

    /**
     * Each typed field against the submission's constraint for it; a field whose text could not even be read (no
     * number) already has its problem from binding.
     */
    void check(Validator validator, Errors errors) {
        check(validator, errors, "solutionTitle", solutionTitle);
        check(validator, errors, "pitch", pitch);
        check(validator, errors, "requestedBudget", requestedBudget);
        check(validator, errors, "trl", trl);
        check(validator, errors, "country", country);
        check(validator, errors, "employees", employees);
    }

    private static void check(Validator validator, Errors errors, String field, Object value) {
        if (errors.hasFieldErrors(field)) {
            return;
        }
        validator.validateValue(Submission.class, field, value).stream().findFirst().ifPresent(broken -> errors.rejectValue(field,
                broken.getMessageTemplate().replaceAll("^\\{|\\}$", ""), broken.getMessage()));
    }

    /** Every fact the eligibility table needs is there and well-formed (a draft may be checked). */
    boolean complete() {
        return requestedBudget != null && trl != null && employees != null && country != null && country.matches("[A-Z]{2}")
                && !blank(solutionTitle) && !blank(pitch);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    public String getSolutionTitle() { return solutionTitle; }
    public void setSolutionTitle(String v) { solutionTitle = v; }
    public String getPitch() { return pitch; }
    public void setPitch(String v) { pitch = v; }
    public BigDecimal getRequestedBudget() { return requestedBudget; }
    public void setRequestedBudget(BigDecimal v) { requestedBudget = v; }
    public Integer getTrl() { return trl; }
    public void setTrl(Integer v) { trl = v; }
    public boolean isLegalEntity() { return legalEntity; }
    public void setLegalEntity(boolean v) { legalEntity = v; }
    public String getCountry() { return country; }
    public void setCountry(String v) { country = v; }
    public Integer getEmployees() { return employees; }
    public void setEmployees(Integer v) { employees = v; }
    public boolean isInteroperable() { return interoperable; }
    public void setInteroperable(boolean v) { interoperable = v; }
    public boolean isDeclarationsSigned() { return declarationsSigned; }
    public void setDeclarationsSigned(boolean v) { declarationsSigned = v; }
}
