package eu.smartcity.accelerator.documents;

import eu.smartcity.accelerator.contract.ContractProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.documents.ClauseComparison.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractTemplateTest {

    static final String TEMPLATE = """
            # Pilot contract

            <!-- a comment
                 over lines -->
            ## C1 Parties
            Between {{city}} and
            {{company}}.

            ## C2 Price
            The City pays {{budget}}; see [C1].
            """;

    @Test
    void everyBylawsVersionHasAValidTemplate() {
        ContractTemplates templates = new ContractTemplates();
        for (String version : List.of("scifi-2024", "scifi-2025")) {
            ContractTemplate template = templates.forBylaws(version).orElseThrow();
            assertThat(template.clauses()).extracting(ContractTemplate.Clause::id).startsWith("C1", "C2").hasSize(10);
        }
        assertThat(templates.bylawsText("scifi-2025")).get().asString().contains("Bylaws");
        assertThat(templates.bylawsText("scifi-2025", "nl")).get().isEqualTo(new ContractTemplates.BylawsText(
                templates.bylawsText("scifi-2025", "nl").orElseThrow().markdown(), false));
        assertThat(templates.bylawsText("scifi-2025", "nl").orElseThrow().markdown()).startsWith("# Reglement");
        assertThat(templates.bylawsText("scifi-2024", "fr").orElseThrow().markdown()).startsWith("# Règlement");
        assertThat(templates.bylawsText("scifi-2024", "de").orElseThrow()).as("a language the bylaws are not written in: English, as for en")
                .isEqualTo(new ContractTemplates.BylawsText(templates.bylawsText("scifi-2024").orElseThrow(), false));
        // each version's template in Dutch and French: the same clauses, in the language's words
        for (String version : List.of("scifi-2024", "scifi-2025")) {
            assertThat(templates.forBylaws(version, java.util.Locale.forLanguageTag("nl")).orElseThrow().title()).startsWith("Pilotcontract —");
            ContractTemplate french = templates.forBylaws(version, java.util.Locale.FRENCH).orElseThrow();
            assertThat(french.title()).startsWith("Contrat de pilote —");
            assertThat(french.clause("C9").orElseThrow().title()).isEqualTo("Résiliation");
            assertThat(french.clauses()).extracting(ContractTemplate.Clause::id)
                    .isEqualTo(templates.forBylaws(version).orElseThrow().clauses().stream().map(ContractTemplate.Clause::id).toList());
            // a language without a text of its own falls back to English
            assertThat(templates.forBylaws(version, java.util.Locale.GERMAN).orElseThrow().title()).startsWith("Pilot contract —");
        }
        assertThat(templates.bylawsText("../etc")).isEmpty();
    }

    @Test
    void aTranslationMustHaveTheEnglishClauses() {
        ContractTemplate english = ContractTemplate.parse("t.md", TEMPLATE);
        ContractTemplates.sameClauses("t.fr.md", english, ContractTemplate.parse("t.fr.md", TEMPLATE.replace("Price", "Prix")));
        assertThatThrownBy(() -> ContractTemplates.sameClauses("t.fr.md", english,
                ContractTemplate.parse("t.fr.md", TEMPLATE.replace("## C2 Price\nThe City pays {{budget}}; see [C1].\n", ""))))
                .isInstanceOf(InvalidTemplateException.class).hasMessageContaining("t.fr.md:").hasMessageContaining("[C1]")
                .hasMessageContaining("[C1, C2]");
    }

    @Test
    void parsesClausesWithTheirLines() {
        ContractTemplate template = ContractTemplate.parse("t.md", TEMPLATE);
        assertThat(template.title()).isEqualTo("Pilot contract");
        assertThat(template.clauses()).extracting(ContractTemplate.Clause::id, ContractTemplate.Clause::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("C1", 5), org.assertj.core.groups.Tuple.tuple("C2", 9));
        assertThat(template.clause("C1").orElseThrow().text()).isEqualTo("Between {{city}} and {{company}}.");
    }

    @Test
    void unknownPlaceholderFailsWithFileAndLine() {
        assertThatThrownBy(() -> ContractTemplate.parse("bylaws/x/contract-template.md", TEMPLATE.replace("{{budget}}", "{{budgett}}")))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageStartingWith("bylaws/x/contract-template.md:10: unknown placeholder {{budgett}}");
    }

    @Test
    void unknownClauseIdFailsWithFileAndLine() {
        assertThatThrownBy(() -> ContractTemplate.parse("t.md", TEMPLATE.replace("[C1]", "[C7]")))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageStartingWith("t.md:10: unknown clause id [C7]");
        assertThatThrownBy(() -> ContractTemplate.parse("t.md", TEMPLATE.replace("## C2 Price", "## C1 Price")))
                .hasMessageStartingWith("t.md:9: clause id C1 is used twice (first on line 5)");
        assertThatThrownBy(() -> ContractTemplate.parse("t.md", TEMPLATE.replace("## C2 Price", "## Price")))
                .hasMessageStartingWith("t.md:9: a clause heading must read");
    }

    @Test
    void caseChangesAreComparedClauseByClause() {
        ContractTemplate template = ContractTemplate.parse("t.md", TEMPLATE);
        List<ClauseChange> changes = ClauseChange.parse(ContractProcess.AGREED_CHANGES.name(), """
                C2: The City pays in two instalments.
                Agreed at the meeting of 3 March.
                +C1a Insurance: The Supplier is insured.
                """, template);
        List<ClauseComparison.ClauseView> views = ClauseComparison.compare(template, changes,
                Map.of("city", "Delft", "company", "ParkFlow", "budget", "EUR 9,800"));
        assertThat(views).extracting(ClauseComparison.ClauseView::id, ClauseComparison.ClauseView::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("C1", Status.UNCHANGED),
                org.assertj.core.groups.Tuple.tuple("C1a", Status.ADDED),
                org.assertj.core.groups.Tuple.tuple("C2", Status.REWRITTEN));
        assertThat(views.get(0).caseText()).isEqualTo("Between Delft and ParkFlow.");
        assertThat(views.get(2).templateText()).isEqualTo("The City pays EUR 9,800; see [C1].");

        assertThat(ClauseComparison.compare(template, ClauseChange.parse("f", "C1: removed", template), Map.of()).get(0).status())
                .isEqualTo(Status.REMOVED);
        assertThatThrownBy(() -> ClauseChange.parse(ContractProcess.AGREED_CHANGES.name(), "C9: new text", template))
                .hasMessageStartingWith("agreedChanges: line 1: clause C9 is not in the template");
        assertThatThrownBy(() -> ClauseChange.parse(ContractProcess.AGREED_CHANGES.name(), "+C2 Price: again", template))
                .hasMessageContaining("already in the template");
    }
}
