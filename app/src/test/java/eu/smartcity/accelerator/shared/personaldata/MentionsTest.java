package eu.smartcity.accelerator.shared.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a person is found in free text and replaced by the pseudonym, and the SQL net that finds the rows to look at. */
class MentionsTest {

    static final DataSubject ANNA = new DataSubject("anna.peeters", "Anna.Peeters@Gent.example", List.of("Anna", "Peeters"),
            List.of("city-gent"), "erased-1a2b3c4d");
    final Mentions anna = new Mentions(ANNA);

    @Test
    void theUserIdEmailFullNameAndLastNameAreReplacedAsWholeTokensInAnyCase() {
        assertThat(anna.pseudonymise("Call ANNA peeters (anna.peeters@gent.example) or user Anna.Peeters; Peeters knows."))
                .isEqualTo("Call erased-1a2b3c4d (erased-1a2b3c4d) or user erased-1a2b3c4d; erased-1a2b3c4d knows.");
        assertThat(anna.pseudonymise(null)).isNull();
        assertThat(anna.foundIn("Thanks, peeters!")).isTrue();
    }

    @Test
    void partsOfOtherWordsAndAFirstNameAloneAreNotHer() {
        String text = "Annabel, Anna and the Peetersbrug; anna.peeters-bis is someone else.";
        assertThat(anna.foundIn(text)).isFalse();
        assertThat(anna.pseudonymise(text)).isEqualTo(text);
    }

    @Test
    void aValueThatIsOnlyTheirIdOrNameIsAReferenceNotFreeText() {
        assertThat(anna.isOnly(" Anna.Peeters@gent.example ")).isTrue();
        assertThat(anna.isOnly("Anna Peeters")).isTrue();
        assertThat(anna.isOnly("Ask Anna Peeters")).isFalse();
        assertThat(new Mentions(new DataSubject("x9", null, List.of("Émile"), List.of(), "erased-5e6f")).isOnly("ÉMILE")).isTrue();
    }

    @Test
    void theSqlNetLooksForEveryNeedleInEveryColumnUnlessOneIsNotAscii() {
        List<Object> args = new ArrayList<>();
        assertThat(PersonalColumns.mayMention(List.of("remarks"), anna, args)).startsWith("(lower(remarks) like ? escape '!'");
        assertThat(args).containsExactlyInAnyOrder("%anna.peeters@gent.example%", "%anna peeters%", "%anna.peeters%", "%peeters%");

        List<Object> escaped = new ArrayList<>();
        PersonalColumns.mayMention(List.of("remarks"), new Mentions(new DataSubject("pd_1%", null, List.of(), List.of(), "erased-0")), escaped);
        assertThat(escaped).as("LIKE wildcards in a user id match themselves").containsExactly("%pd!_1!%%");

        Mentions emile = new Mentions(new DataSubject("emile", null, List.of("Émile", "Dupré"), List.of(), "erased-5e6f"));
        assertThat(PersonalColumns.mayMention(List.of("remarks", "reason"), emile, new ArrayList<>()))
                .isEqualTo("(remarks is not null or reason is not null)");
        assertThat(emile.pseudonymise("DUPRÉ signed")).isEqualTo("erased-5e6f signed");
    }
}
