package eu.smartcity.accelerator.privacy.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.privacy.internal.PersonalDataExport;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.support.AcceleratorTest;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sections people and coordinators see are the holders' real {@code section()} values: each has a label in
 * every language, no label waits for a section that does not exist, and the coordinator's "kept under a pseudonym"
 * names only real sections.
 */
@AcceleratorTest
class SectionLabelsTest {

    @Autowired List<PersonalDataHolder> holders;

    @Test
    void everySectionHasALabelInEveryLanguageAndEveryLabelASection() throws Exception {
        Set<String> sections = Stream.concat(holders.stream().map(PersonalDataHolder::section),
                Stream.of(PersonalDataExport.ACCOUNT_SECTION)).collect(Collectors.toSet());
        for (String bundle : List.of("messages", "messages_nl", "messages_fr")) {
            Properties messages = new Properties();
            try (var in = getClass().getResourceAsStream("/i18n/" + bundle + ".properties")) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            Set<String> labelled = messages.stringPropertyNames().stream().filter(k -> k.startsWith("privacy.section."))
                    .map(k -> k.substring("privacy.section.".length())).collect(Collectors.toSet());
            assertThat(labelled).as("section labels in " + bundle).containsExactlyInAnyOrderElementsOf(sections);
        }
    }

    @Test
    void keptUnderAPseudonymNamesRealSections() {
        assertThat(holders.stream().map(PersonalDataHolder::section)).containsAll(ErasureRequestsPage.KEPT_PSEUDONYMISED);
    }
}
