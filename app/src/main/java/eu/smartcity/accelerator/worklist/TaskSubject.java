package eu.smartcity.accelerator.worklist;

import java.util.Map;
import java.util.UUID;

/**
 * What a task is about, as its page shows it above the form: a view (a fragment of
 * {@code templates/worklist/subject.html}), the short context every task names (challenge, city,
 * company) and the view's facts, all read from the app's records when the page is rendered.
 */
record TaskSubject(String view, Context context, Map<String, Object> facts) {

    /** The few words that place a task: which challenge (or cycle, or framework), which city, which company. */
    record Context(UUID challengeId, String title, String city, String company, String link) {

        static final Context NONE = new Context(null, null, null, null, null);
    }
}
