package eu.smartcity.accelerator.marketplace.frameworks;

import eu.smartcity.accelerator.marketplace.web.Chosen;
import eu.smartcity.accelerator.marketplace.web.Chosen.Vocabulary;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A framework contract a city registers: lots one a line; suppliers, solutions and eligible authorities as ids
 * separated by spaces, commas or semicolons.
 */
record FrameworkForm(
        @NotBlank(message = "market.error.required") @Size(max = 200, message = "market.error.tooLong") String title,
        @Chosen(Vocabulary.DOMAINS) String domain,
        @Size(max = 4000, message = "market.error.tooLong") String description,
        @NotNull(message = "market.error.date") LocalDate validFrom,
        @NotNull(message = "market.error.date") LocalDate validUntil,
        @NotBlank(message = "market.framework.lotsProblem") String lots,
        @NotBlank(message = "market.framework.suppliersProblem")
        @Pattern(regexp = IDS_START + "company-[a-z0-9-]+" + IDS_END, message = "market.framework.suppliersProblem") String suppliers,
        String solutionIds,
        Boolean openToAll,
        String eligibleAuthorities,
        @Size(max = 200, message = "market.error.tooLong") String documentTitle,
        @Size(max = 20000, message = "market.error.tooLong") String documentBody) {

    private static final String IDS_START = "[\\s,;]*(";
    private static final String IDS_END = "[\\s,;]*)+";

    /** The rules between fields: the end not before the start, eligible authorities unless open to all, a title for a document. */
    void crossCheck(Map<String, String> problems) {
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            problems.putIfAbsent("validUntil", "market.framework.untilBeforeFrom");
        }
        if (!isOpenToAll() && (eligibleAuthorities == null || !eligibleAuthorities.matches(IDS_START + "city-[a-z0-9-]+" + IDS_END))) {
            problems.putIfAbsent("eligibleAuthorities", "market.framework.authoritiesProblem");
        }
        if (documentBody != null && documentTitle == null) {
            problems.putIfAbsent("documentTitle", "market.error.required");
        }
    }

    boolean isOpenToAll() {
        return Boolean.TRUE.equals(openToAll);
    }

    List<String> lotList() {
        List<String> list = new ArrayList<>();
        for (String line : lots.split("\\R")) {
            if (!line.isBlank()) {
                list.add(line.trim().length() > 400 ? line.trim().substring(0, 400) : line.trim());
            }
        }
        return list;
    }

    static List<String> words(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
    }

    Framework.Terms terms(Set<java.util.UUID> solutions) {
        return new Framework.Terms(title, domain, description, validFrom, validUntil, lotList(), new LinkedHashSet<>(words(suppliers)),
                solutions, isOpenToAll(), new LinkedHashSet<>(words(eligibleAuthorities)));
    }

    List<FrameworkContracts.DocumentDraft> documents() {
        return documentBody == null ? List.of() : List.of(new FrameworkContracts.DocumentDraft(documentTitle, documentBody));
    }
}
