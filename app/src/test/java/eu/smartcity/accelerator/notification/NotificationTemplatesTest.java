package eu.smartcity.accelerator.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The mail templates exist for every kind in every language, with the same keys and correct quoting. */
class NotificationTemplatesTest {

    static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    static Properties bundle(String suffix) throws Exception {
        Properties p = new Properties();
        try (InputStream in = NotificationTemplatesTest.class.getResourceAsStream("/i18n/notifications" + suffix + ".properties")) {
            assertThat(in).as("bundle notifications%s", suffix).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static List<String> templateKeys(NotificationKind kind) {
        List<String> variants = switch (kind) {
            case ELIGIBILITY_RESULT -> List.of(".eligible", ".ineligible");
            case SELECTION_RESULT -> List.of(".selected", ".not-selected");
            case CHALLENGE_ENDED -> List.of(".withdrawn", ".cycle-closed");
            default -> List.of("");
        };
        List<String> keys = new ArrayList<>();
        for (String variant : variants) {
            keys.add("notification." + kind.key() + variant + ".subject");
            keys.add("notification." + kind.key() + variant + ".body");
        }
        keys.add("notifications.kind." + kind.key());
        return keys;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_nl", "_fr"})
    void everyKindHasItsTemplatesAndEveryLanguageTheSameKeys(String suffix) throws Exception {
        Properties english = bundle("");
        Properties language = bundle(suffix);
        for (NotificationKind kind : NotificationKind.values()) {
            assertThat(language.stringPropertyNames()).as("templates of %s in notifications%s", kind, suffix)
                    .containsAll(templateKeys(kind));
        }
        assertThat(language.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_nl", "_fr"})
    void messagesWithArgumentsDoubleTheirApostrophesAndOthersDoNot(String suffix) throws Exception {
        Properties language = bundle(suffix);
        for (String key : language.stringPropertyNames()) {
            String value = language.getProperty(key);
            if (value.contains("{0}")) {
                assertThat(LONE_APOSTROPHE.matcher(value).find()).as("%s (with arguments) needs '' for an apostrophe", key).isFalse();
            } else {
                assertThat(value).as("%s (no arguments) needs a single '", key).doesNotContain("''");
            }
        }
    }

    @Test
    void mandatoryKindsCarryADecisionOrADuty() {
        assertThat(NotificationKind.CONTRACT_READY_TO_SIGN.optional()).isFalse();
        assertThat(NotificationKind.ELIGIBILITY_RESULT.optional()).isFalse();
        assertThat(NotificationKind.MILESTONE_REMINDER.optional()).isTrue();
    }
}
