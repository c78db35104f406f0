package eu.smartcity.accelerator.documents;

import eu.smartcity.accelerator.cycle.BylawsTextCheck;
import eu.smartcity.accelerator.cycle.BylawsVersions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every {@code bylaws/<version>/contract-template.md} (English) and its translations
 * {@code contract-template.nl.md} and {@code contract-template.fr.md} on the classpath, parsed at start-up: a template
 * with an unknown clause id or placeholder stops the application with the file and the line, and a translation must
 * have the same clauses (ids) as the English one, so a case's clause changes apply in every language. A version drafted
 * in the portal has its texts in the database ({@link BylawsVersions}); its templates are checked the same way
 * before the draft is saved.
 */
@Component
public class ContractTemplates implements BylawsTextCheck {

    /** Keyed by version, then "en", "nl", "fr". */
    private final Map<String, Map<String, ContractTemplate>> byVersion = new TreeMap<>();
    private final BylawsVersions versions;

    public ContractTemplates() {
        this(null);
    }

    @Autowired
    public ContractTemplates(@org.springframework.context.annotation.Lazy BylawsVersions versions) {
        this.versions = versions;
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:bylaws/*/contract-template*.md")) {
                String url = resource.getURL().toString();
                String folder = url.substring(0, url.lastIndexOf('/'));
                String version = folder.substring(folder.lastIndexOf('/') + 1);
                String file = url.substring(url.lastIndexOf('/') + 1);
                java.util.regex.Matcher name = java.util.regex.Pattern.compile("contract-template(?:\\.(nl|fr))?\\.md").matcher(file);
                if (!name.matches()) {
                    continue;
                }
                try (InputStream in = resource.getInputStream()) {
                    byVersion.computeIfAbsent(version, v -> new TreeMap<>()).put(name.group(1) == null ? "en" : name.group(1),
                            ContractTemplate.parse("bylaws/" + version + "/" + file, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            byVersion.forEach((version, languages) -> languages.forEach((language, template) ->
                    sameClauses("bylaws/" + version + "/contract-template" + ("en".equals(language) ? "" : "." + language) + ".md",
                            languages.get("en"), template)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read contract templates from the classpath", e);
        }
    }

    /** The English template of a version. */
    public Optional<ContractTemplate> forBylaws(String version) {
        return forBylaws(version, java.util.Locale.ENGLISH);
    }

    /** The template of a version in a language (en, nl, fr); the English one where the version has no translation. */
    public Optional<ContractTemplate> forBylaws(String version, java.util.Locale language) {
        String tag = Documents.language(language).getLanguage();
        if (byVersion.containsKey(version) || versions == null || versions.find(version).isEmpty()) {
            Map<String, ContractTemplate> languages = byVersion.getOrDefault(version, Map.of());
            return Optional.ofNullable(languages.getOrDefault(tag, languages.get("en")));
        }
        BylawsVersions.Texts texts = versions.texts(version);
        String text = texts.contractTemplateMd(tag);
        return Optional.ofNullable(text != null ? text : texts.contractTemplateMd())
                .map(t -> ContractTemplate.parse("bylaws version " + version + " (contract template, " + tag + ")", t));
    }

    /** A translation has the clauses of the English template, in the same order: clause changes name them by id. */
    static void sameClauses(String source, ContractTemplate english, ContractTemplate translation) {
        if (english == null) {
            throw new InvalidTemplateException(source, 1, "a translation without the English contract-template.md beside it");
        }
        List<String> expected = english.clauses().stream().map(ContractTemplate.Clause::id).toList();
        List<String> found = translation.clauses().stream().map(ContractTemplate.Clause::id).toList();
        if (!expected.equals(found)) {
            int line = translation.clauses().isEmpty() ? 1 : translation.clauses().get(0).line();
            throw new InvalidTemplateException(source, line, "clauses " + found + " differ from the English template's " + expected);
        }
    }

    /** A draft's contract template must parse as a shipped one does. */
    @Override
    public void check(String version, BylawsVersions.Texts texts) {
        if (texts.contractTemplateMd() == null) {
            return;
        }
        ContractTemplate english;
        try {
            english = ContractTemplate.parse("contract template", texts.contractTemplateMd());
        } catch (InvalidTemplateException e) {
            throw new BylawsVersions.InvalidDraftException("contractTemplateMd", e.getMessage(), e.line());
        }
        for (String language : List.of("nl", "fr")) {
            String text = texts.contractTemplateMd(language);
            if (text == null) {
                continue;
            }
            String field = "nl".equals(language) ? "contractTemplateMdNl" : "contractTemplateMdFr";
            try {
                sameClauses("contract template (" + language + ")", english, ContractTemplate.parse("contract template (" + language + ")", text));
            } catch (InvalidTemplateException e) {
                throw new BylawsVersions.InvalidDraftException(field, e.getMessage(), e.line());
            }
        }
    }

    /** The readable bylaws text of a version ({@code bylaws/<version>/bylaws.md}), in English. */
    public Optional<String> bylawsText(String version) {
        return bylawsText(version, "en").map(BylawsText::markdown);
    }

    /** A version's readable text in a language, or the English one ({@code fallback}) when it has none in that language. */
    public record BylawsText(String markdown, boolean fallback) {}

    /**
     * The readable bylaws text of a published version in a language ("en", "nl", "fr": {@code bylaws.md},
     * {@code bylaws.nl.md}, {@code bylaws.fr.md}), for the bylaws page and PDF; English when there is none in that language.
     */
    public Optional<BylawsText> bylawsText(String version, String language) {
        if (!version.matches("[a-z0-9-]+")) {
            return Optional.empty();
        }
        String lang = List.of("nl", "fr").contains(language) ? language : "en";
        if (versions != null) { // published versions only: a draft is not for publication
            return versions.find(version).filter(BylawsVersions.VersionView::published).map(v -> {
                BylawsVersions.Texts texts = versions.texts(version);
                String translated = texts.bylawsMd(lang);
                return translated == null ? new BylawsText(texts.bylawsMd(), !"en".equals(lang)) : new BylawsText(translated, false);
            });
        }
        Optional<String> english = classpathBylaws(version, "bylaws.md");
        Optional<String> translated = "en".equals(lang) ? english : classpathBylaws(version, "bylaws." + lang + ".md");
        return translated.map(text -> new BylawsText(text, false)).or(() -> english.map(text -> new BylawsText(text, true)));
    }

    private static Optional<String> classpathBylaws(String version, String file) {
        try (InputStream in = ContractTemplates.class.getResourceAsStream("/bylaws/" + version + "/" + file)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
