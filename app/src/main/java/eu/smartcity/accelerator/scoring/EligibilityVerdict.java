package eu.smartcity.accelerator.scoring;

import java.util.List;

/** Eligible when no condition failed; otherwise every failed condition, in table order, in plain words. */
public record EligibilityVerdict(String applicationId, boolean eligible, List<Reason> reasons, int decisionVersion) {

    public record Reason(String code, String text) {}

    public EligibilityVerdict {
        reasons = List.copyOf(reasons);
    }

    public List<String> reasonCodes() {
        return reasons.stream().map(Reason::code).toList();
    }
}
