package eu.smartcity.accelerator.application.web;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import eu.smartcity.accelerator.application.ApplicationDrafts;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * What a company types when it applies; kept as typed when the form comes back with errors. Each constraint's
 * message is a bundle key (apply.error.<field>), resolved by Spring Boot's validator through the MessageSource
 * in the user's language: a sentence about the field, never the constraint's own wording.
 */
public class ApplyForm {

    @NotBlank(message = "{apply.error.solutionTitle}") @Size(max = 200, message = "{apply.error.solutionTitle}")
    private String solutionTitle;
    @NotBlank(message = "{apply.error.pitch}") @Size(max = 4000, message = "{apply.error.pitch}") private String pitch;
    @NotNull(message = "{apply.error.requestedBudget}") @DecimalMin(value = "1", message = "{apply.error.requestedBudget}")
    private BigDecimal requestedBudget;
    @NotNull(message = "{apply.error.trl}") @Min(value = 1, message = "{apply.error.trl}") @Max(value = 9, message = "{apply.error.trl}")
    private Integer trl;
    private boolean legalEntity;
    @NotBlank(message = "{apply.error.country}") @Pattern(regexp = "[A-Z]{2}", message = "{apply.error.country}")
    private String country;
    @NotNull(message = "{apply.error.employees}") @Min(value = 1, message = "{apply.error.employees}")
    @Max(value = 10_000_000, message = "{apply.error.employees}") private Integer employees;
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
    eu.smartcity.accelerator.application.Applications.Submission toSubmission(UUID challengeId, String companyGroup) {
        return new eu.smartcity.accelerator.application.Applications.Submission(challengeId, companyGroup, solutionTitle, pitch,
                requestedBudget, trl, legalEntity, country, employees, interoperable, declarationsSigned);
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
