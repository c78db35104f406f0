package eu.smartcity.accelerator.cycle.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.cycle.BylawsCatalog;
import eu.smartcity.accelerator.cycle.BylawsFields;
import eu.smartcity.accelerator.cycle.BylawsLoader;
import eu.smartcity.accelerator.cycle.BylawsTextCheck;
import eu.smartcity.accelerator.cycle.BylawsVersions;
import eu.smartcity.accelerator.cycle.InvalidBylawsException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
@Transactional
class JpaBylawsVersions implements BylawsVersions, InitializingBean {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    static final String VERSION_PATTERN = "[a-z0-9][a-z0-9-]{1,49}";

    private final BylawsVersionRepository versions;
    private final BylawsCatalog catalog;
    private final List<BylawsTextCheck> textChecks;
    private final TransactionTemplate transaction;

    JpaBylawsVersions(BylawsVersionRepository versions, BylawsCatalog catalog, List<BylawsTextCheck> textChecks,
            PlatformTransactionManager transactions) {
        this.versions = versions;
        this.catalog = catalog;
        this.textChecks = textChecks;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Seeds every version of the bylaws/ folder not stored yet, as published (before anyone can open a cycle). */
    @Override
    public void afterPropertiesSet() {
        try {
            seed();
        } catch (RuntimeException anotherNodeSeededFirst) {
            seed(); // two nodes starting on an empty database: the retry finds the first one's rows (or fails for good)
        }
    }

    private void seed() {
        transaction.executeWithoutResult(status -> {
            String previous = null;
            for (String version : new java.util.TreeSet<>(catalog.all().keySet())) { // each seed is based on the one before it
                if (!versions.existsById(version)) {
                    BylawsVersion seeded = new BylawsVersion(version, previous, classpathText(version, "rules.yaml"),
                            Optional.ofNullable(classpathText(version, "bylaws.md")).orElse(""),
                            classpathText(version, "contract-template.md"), Instant.now(), null);
                    seeded.translations(classpathText(version, "contract-template.nl.md"), classpathText(version, "contract-template.fr.md"));
                    seeded.bylawsTranslations(classpathText(version, "bylaws.nl.md"), classpathText(version, "bylaws.fr.md"));
                    seeded.publish(Instant.now(), null);
                    versions.save(seeded);
                } else {
                    // seeded before the template's translations shipped: they are part of the same published files
                    versions.findById(version).filter(v -> v.contractTemplateMdNl() == null && v.contractTemplateMdFr() == null)
                            .ifPresent(v -> v.translations(classpathText(version, "contract-template.nl.md"),
                                    classpathText(version, "contract-template.fr.md")));
                    // seeded before the readable text's translations shipped: the same
                    versions.findById(version).filter(v -> v.bylawsMdNl() == null && v.bylawsMdFr() == null)
                            .ifPresent(v -> v.bylawsTranslations(classpathText(version, "bylaws.nl.md"), classpathText(version, "bylaws.fr.md")));
                }
                previous = version;
            }
        });
    }

    @Override
    @Transactional(readOnly = true)
    public List<VersionView> all() {
        return versions.findAll().stream().map(this::view).sorted(NEWEST_FIRST).toList();
    }

    private static final Comparator<VersionView> NEWEST_FIRST = Comparator
            .comparing((VersionView v) -> v.published() ? 1 : 0)
            .thenComparing(v -> v.published() ? v.publishedAt() : v.createdAt(), Comparator.reverseOrder())
            .thenComparing(VersionView::version, Comparator.reverseOrder());

    @Override
    @Transactional(readOnly = true)
    public Optional<VersionView> find(String version) {
        return versions.findById(version).map(this::view);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<VersionView> latestPublished() {
        return all().stream().filter(VersionView::published).findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public Bylaws published(String version) {
        BylawsVersion stored = versions.findById(version).filter(v -> v.status() == Status.PUBLISHED)
                .orElseThrow(() -> new IllegalArgumentException("No published bylaws version '" + version + "'; known: "
                        + all().stream().filter(VersionView::published).map(VersionView::version).sorted().toList()));
        return BylawsLoader.load(version, in(stored.rulesYaml()));
    }

    @Override
    @Transactional(readOnly = true)
    public Texts texts(String version) {
        BylawsVersion v = get(version);
        return new Texts(v.rulesYaml(), v.bylawsMd(), v.contractTemplateMd(), v.contractTemplateMdNl(), v.contractTemplateMdFr(),
                v.bylawsMdNl(), v.bylawsMdFr());
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, String> fields(String version) {
        return flatten(get(version).rulesYaml());
    }

    @Override
    public VersionView draftFrom(String basedOn, String newVersion, String coordinator) {
        BylawsVersion base = versions.findById(basedOn).filter(v -> v.status() == Status.PUBLISHED)
                .orElseThrow(() -> new InvalidDraftException("basedOn", "no published version " + basedOn));
        if (newVersion == null || !newVersion.matches(VERSION_PATTERN)) {
            throw new InvalidDraftException("version", "lower-case letters, digits and hyphens, 2 to 50 characters");
        }
        if (versions.existsById(newVersion)) {
            throw new BylawsVersions.VersionTakenException(newVersion);
        }
        ObjectNode rules = (ObjectNode) read(base.rulesYaml());
        rules.put("version", newVersion);
        BylawsVersion draft = new BylawsVersion(newVersion, basedOn, write(rules), base.bylawsMd(),
                base.contractTemplateMd(), Instant.now(), coordinator);
        draft.translations(base.contractTemplateMdNl(), base.contractTemplateMdFr());
        draft.bylawsTranslations(base.bylawsMdNl(), base.bylawsMdFr());
        return view(versions.save(draft));
    }

    /** Keeps the template's translations as they are (overrides the interface's default in this transaction). */
    @Override
    public void saveDraft(String version, Map<String, String> fields, String bylawsMd, String contractTemplateMd) {
        BylawsVersion draft = get(version);
        saveDraft(version, fields, bylawsMd, contractTemplateMd, draft.contractTemplateMdNl(), draft.contractTemplateMdFr());
    }

    /** Keeps the readable text's translations as they are. */
    @Override
    public void saveDraft(String version, Map<String, String> fields, String bylawsMd, String contractTemplateMd,
            String contractTemplateMdNl, String contractTemplateMdFr) {
        BylawsVersion draft = get(version);
        saveDraft(version, fields, new Texts(null, bylawsMd, contractTemplateMd, contractTemplateMdNl, contractTemplateMdFr,
                draft.bylawsMdNl(), draft.bylawsMdFr()));
    }

    @Override
    public void saveDraft(String version, Map<String, String> fields, Texts edited) {
        String bylawsMd = edited.bylawsMd();
        String contractTemplateMd = edited.contractTemplateMd();
        BylawsVersion draft = get(version);
        if (draft.status() != Status.DRAFT) {
            throw new IllegalStateException("Bylaws version " + version + " is published and cannot change");
        }
        String rules = write(rules(version, fields));
        try {
            BylawsLoader.load("draft " + version, in(rules)); // the one validation the bylaws/ files go through
        } catch (InvalidBylawsException e) {
            throw new InvalidDraftException(e.key(), e.getMessage());
        }
        if (bylawsMd == null || bylawsMd.isBlank()) {
            throw new InvalidDraftException("bylawsMd", "the readable text is empty");
        }
        String template = contractTemplateMd == null || contractTemplateMd.isBlank() ? null : contractTemplateMd;
        if (template == null && draft.contractTemplateMd() != null) {
            // contracts of cycles under this version are drawn up from it
            throw new InvalidDraftException("contractTemplateMd", "the contract template is empty");
        }
        String nl = blankToNull(edited.contractTemplateMdNl());
        String fr = blankToNull(edited.contractTemplateMdFr());
        String bylawsNl = blankToNull(edited.bylawsMdNl());
        String bylawsFr = blankToNull(edited.bylawsMdFr());
        Texts texts = new Texts(rules, bylawsMd, template, nl, fr, bylawsNl, bylawsFr);
        textChecks.forEach(check -> check.check(version, texts));
        draft.edit(rules, bylawsMd, template);
        draft.translations(nl, fr);
        draft.bylawsTranslations(bylawsNl, bylawsFr);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    @Override
    public VersionView publish(String version, String coordinator) {
        BylawsVersion draft = get(version);
        BylawsLoader.load(version, in(draft.rulesYaml())); // a draft is only ever saved valid; checked once more
        draft.publish(Instant.now(), coordinator);
        return view(draft);
    }

    @Override
    @Transactional(readOnly = true)
    public Diff diff(String version) {
        BylawsVersion after = get(version);
        if (after.basedOn() == null) {
            return new Diff(null, List.of(), List.of(), List.of());
        }
        BylawsVersion before = get(after.basedOn());
        Map<String, String> old = flatten(before.rulesYaml());
        Map<String, String> now = flatten(after.rulesYaml());
        Set<String> keys = new LinkedHashSet<>();
        keys.add("version");
        BylawsFields.ALL.forEach(f -> keys.add(f.key()));
        keys.addAll(old.keySet());
        keys.addAll(now.keySet());
        List<Change> changes = new ArrayList<>();
        for (String key : keys) {
            String was = old.get(key);
            String is = now.get(key);
            if (!java.util.Objects.equals(was, is) && !"version".equals(key)) {
                changes.add(new Change(key, was, is));
            }
        }
        return new Diff(before.version(), changes, TextDiff.lines(before.bylawsMd(), after.bylawsMd()),
                TextDiff.lines(before.contractTemplateMd(), after.contractTemplateMd()));
    }

    private BylawsVersion get(String version) {
        return versions.findById(version).orElseThrow(() -> new NoSuchElementException("No bylaws version " + version));
    }

    private VersionView view(BylawsVersion v) {
        return v.view(flatten(v.rulesYaml()).getOrDefault("title", v.version()));
    }

    /** The form's values as a rules.yaml tree; values that are not what their field needs are kept for the loader to name. */
    static ObjectNode rules(String version, Map<String, String> fields) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("version", version);
        for (BylawsFields.Field field : BylawsFields.ALL) {
            String raw = fields.get(field.key());
            raw = raw == null ? "" : raw.trim();
            String[] path = field.key().split("\\.");
            ObjectNode parent = root;
            for (int i = 0; i < path.length - 1; i++) {
                parent = parent.has(path[i]) ? (ObjectNode) parent.get(path[i]) : parent.putObject(path[i]);
            }
            String name = path[path.length - 1];
            if (field.kind() == BylawsFields.Kind.FLAG) {
                parent.put(name, "true".equals(raw) || "on".equals(raw));
                continue;
            }
            if (raw.isEmpty()) {
                continue; // missing: the loader says so for a required field
            }
            switch (field.kind()) {
                case COUNTRIES -> {
                    ArrayNode countries = parent.putArray(name);
                    for (String country : raw.split("[,;\\s]+")) {
                        if (!country.isEmpty()) {
                            countries.add(country.toUpperCase(java.util.Locale.ROOT));
                        }
                    }
                }
                case DURATION -> parent.put(name, raw.matches("\\d+") ? "P" + raw + "D" : raw.toUpperCase(java.util.Locale.ROOT));
                case COUNT -> {
                    try {
                        parent.put(name, Integer.parseInt(raw));
                    } catch (NumberFormatException e) {
                        putNumberOrText(parent, name, raw);
                    }
                }
                case AMOUNT, WEIGHT -> putNumberOrText(parent, name, raw.replace(" ", "").replace(',', '.'));
                default -> parent.put(name, raw);
            }
        }
        return root;
    }

    private static void putNumberOrText(ObjectNode parent, String name, String raw) {
        try {
            parent.put(name, new BigDecimal(raw));
        } catch (NumberFormatException e) {
            parent.put(name, raw);
        }
    }

    /** rules.yaml as dotted keys → text; lists joined with ", ". */
    static Map<String, String> flatten(String yaml) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", read(yaml), out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            out.put(prefix, String.join(", ", items));
        } else if (node.isBigDecimal()) {
            out.put(prefix, node.decimalValue().stripTrailingZeros().toPlainString());
        } else {
            out.put(prefix, node.asText());
        }
    }

    private static JsonNode read(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(JsonNode rules) {
        try {
            return YAML.writeValueAsString(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String classpathText(String version, String file) {
        try (InputStream in = JpaBylawsVersions.class.getResourceAsStream("/bylaws/" + version + "/" + file)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
