package eu.smartcity.accelerator.shared.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a person is found and removed in free text, and the SQL net that finds the rows to look at. */
class FreeTextTest {

    static final DataSubject ANNA = new DataSubject("anna.peeters", "Anna.Peeters@Gent.example", List.of("Anna", "Peeters", "Li"),
            List.of("city-gent"), "erased-1a2b3c4d");

    @Test
    void removesTheEmailUserIdAndNamePartsAsWholeWordsInAnyCase() {
        assertThat(FreeText.redact("Call ANNA peeters (anna.peeters@gent.example) or user anna.peeters.", ANNA))
                .isEqualTo("Call [erased] [erased] ([erased]) or user [erased].");
        assertThat(FreeText.redact("Annabel and the Peetersbrug stay; so does Li's short name.", ANNA))
                .as("parts of other words, and name parts under three letters").isEqualTo("Annabel and the Peetersbrug stay; so does Li's short name.");
        assertThat(FreeText.mentions("Nothing about her", ANNA)).isFalse();
        assertThat(FreeText.mentions("Thanks, Anna!", ANNA)).isTrue();
        assertThat(FreeText.redact(null, ANNA)).isNull();
    }

    @Test
    void theSqlNetLooksForEveryTermInEveryColumnUnlessANameIsNotAscii() {
        List<Object> args = new ArrayList<>();
        assertThat(PersonalColumns.mayMention(List.of("remarks"), ANNA, args)).startsWith("(lower(remarks) like ?");
        assertThat(args).contains("%anna.peeters@gent.example%", "%anna%", "%peeters%").doesNotContain("%li%");

        DataSubject emile = new DataSubject("emile", null, List.of("Émile"), List.of(), "erased-5e6f");
        assertThat(PersonalColumns.mayMention(List.of("remarks", "reason"), emile, new ArrayList<>()))
                .isEqualTo("(remarks is not null or reason is not null)");
        assertThat(FreeText.redact("ÉMILE signed", emile)).isEqualTo("[erased] signed");
    }
}
