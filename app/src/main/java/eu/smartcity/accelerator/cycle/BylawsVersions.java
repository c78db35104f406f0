package eu.smartcity.accelerator.cycle;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bylaws versions the programme office keeps in the portal. The {@code bylaws/} folder seeds them at
 * start-up (a version already stored is never overwritten) and is their export format. A coordinator drafts
 * a new version from a published one, edits it, and publishes it; a published version never changes again.
 * Cycles open only under a published version and keep the copy they opened with (see {@link Cycles#bylawsOf}).
 */
public interface BylawsVersions {

    enum Status { DRAFT, PUBLISHED }

    /** {@code createdBy} is null for a version seeded from the {@code bylaws/} folder. */
    record VersionView(String version, String title, String basedOn, Status status, Instant createdAt, String createdBy,
            Instant publishedAt, String publishedBy) {

        public boolean published() {
            return status == Status.PUBLISHED;
        }
    }

    /**
     * The files of a version as the {@code bylaws/} folder holds them; the contract template may be absent, and so may
     * its translations ({@code contract-template.nl.md}, {@code .fr.md}) and those of the readable text
     * ({@code bylaws.nl.md}, {@code .fr.md}).
     */
    record Texts(String rulesYaml, String bylawsMd, String contractTemplateMd, String contractTemplateMdNl, String contractTemplateMdFr,
            String bylawsMdNl, String bylawsMdFr) {

        public Texts(String rulesYaml, String bylawsMd, String contractTemplateMd) {
            this(rulesYaml, bylawsMd, contractTemplateMd, null, null);
        }

        public Texts(String rulesYaml, String bylawsMd, String contractTemplateMd, String contractTemplateMdNl, String contractTemplateMdFr) {
            this(rulesYaml, bylawsMd, contractTemplateMd, contractTemplateMdNl, contractTemplateMdFr, null, null);
        }

        /** These texts with the readable text's Dutch and French translations. */
        public Texts withBylawsTranslations(String nl, String fr) {
            return new Texts(rulesYaml, bylawsMd, contractTemplateMd, contractTemplateMdNl, contractTemplateMdFr, nl, fr);
        }

        /** The contract template in a language ("en", "nl", "fr"); null when there is none in that language. */
        public String contractTemplateMd(String language) {
            return switch (language) {
                case "nl" -> contractTemplateMdNl;
                case "fr" -> contractTemplateMdFr;
                default -> contractTemplateMd;
            };
        }

        /** The readable text in a language ("en", "nl", "fr"); null when there is none in that language. */
        public String bylawsMd(String language) {
            return switch (language) {
                case "nl" -> bylawsMdNl;
                case "fr" -> bylawsMdFr;
                default -> bylawsMd;
            };
        }
    }

    /** What changed from the version a draft is based on: rules field by field, readable text line by line. */
    record Diff(String basedOn, List<Change> rules, List<TextChange> bylawsText, List<TextChange> contractTemplate) {

        public boolean empty() {
            return rules.isEmpty() && bylawsText.isEmpty() && contractTemplate.isEmpty();
        }
    }

    /** A rules.yaml key (dotted, e.g. {@code quotas.pilotsPerCity}); a missing side is null. */
    record Change(String key, String before, String after) {}

    /** A line removed ({@code added == false}) or added, with its line number in the old or the new text. */
    record TextChange(boolean added, int line, String text) {}

    /** Newest first: drafts, then published versions by publication. */
    List<VersionView> all();

    Optional<VersionView> find(String version);

    /** The version a new draft starts from: the one published last. */
    Optional<VersionView> latestPublished();

    /** The rules of a published version, validated; a draft or an unknown version is refused. */
    Bylaws published(String version);

    Texts texts(String version);

    /** The version's rules as form values, by dotted rules.yaml key ({@link BylawsFields}). */
    Map<String, String> fields(String version);

    /** Copies a published version into a new draft named {@code newVersion}. */
    VersionView draftFrom(String basedOn, String newVersion, String coordinator);

    /**
     * Replaces a draft's rules (form values by dotted key) and texts. The rules go through the same validation as
     * the {@code bylaws/} files; a problem is refused with {@link InvalidDraftException} naming the field.
     * A published version is refused with {@link IllegalStateException}: it is immutable.
     */
    void saveDraft(String version, Map<String, String> fields, String bylawsMd, String contractTemplateMd);

    /**
     * As above, with the contract template's Dutch and French texts (blank: none, the English one is used); the call
     * above keeps the draft's translations as they are, this one those of the readable text.
     */
    void saveDraft(String version, Map<String, String> fields, String bylawsMd, String contractTemplateMd,
            String contractTemplateMdNl, String contractTemplateMdFr);

    /**
     * As above with every text: the readable text and the contract template, each with its Dutch and French texts
     * (blank: none, readers and contracts in that language get the English one). {@code texts.rulesYaml()} is ignored:
     * the rules come from {@code fields}.
     */
    void saveDraft(String version, Map<String, String> fields, Texts texts);

    /** Publishes a draft: irreversible. Publishing an already published version is refused. */
    VersionView publish(String version, String coordinator);

    /** Differences from the version it is based on (empty when it is based on none). */
    Diff diff(String version);

    /** A draft refused: the field (dotted rules.yaml key, or {@code version}) and the loader's problem. */
    class InvalidDraftException extends RuntimeException {

        private final String field;
        private final int line;

        public InvalidDraftException(String field, String problem) {
            this(field, problem, 0);
        }

        /** @param line the line of a text field at fault, 0 when none */
        public InvalidDraftException(String field, String problem, int line) {
            super(problem);
            this.field = field;
            this.line = line;
        }

        public String field() {
            return field;
        }

        public int line() {
            return line;
        }
    }

    /** The version id asked for a new draft is taken already (a page says so in its own words). */
    class VersionTakenException extends InvalidDraftException {

        public VersionTakenException(String version) {
            super("version", "exists already: " + version);
        }
    }
}
