package eu.smartcity.accelerator.documents;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contract template of one bylaws version ({@code bylaws/<version>/contract-template.md}): a title
 * and clauses with ids ({@code ## C4 Data}). Text may hold placeholders ({@code {{city}}}, one of
 * {@link #PLACEHOLDERS}) and references to other clauses ({@code [C4]}). Parsing refuses an unknown
 * placeholder, a reference to a clause that does not exist, a malformed or repeated id, naming the
 * file and the line.
 */
public record ContractTemplate(String source, String title, List<Clause> clauses) {

    /** What a case fills in; anything else in double braces is a mistake in the template. */
    public static final Set<String> PLACEHOLDERS = Set.of("city", "company", "challenge", "solution", "budget",
            "bylawsVersion", ChallengeProcess.MILESTONE_COUNT.name(), ChallengeProcess.MILESTONE_CADENCE.name(),
            ChallengeProcess.SIGNATURE_WINDOW.name(), ChallengeProcess.CONTRACT_ID.name());

    public static final Pattern CLAUSE_ID = Pattern.compile("C[1-9][0-9]*[a-z]?");
    private static final Pattern HEADING = Pattern.compile("^##\\s+(\\S+)\\s+(.+)$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
    private static final Pattern REFERENCE = Pattern.compile("\\[(C[0-9]+[a-z]?)]");

    public record Clause(String id, String title, String text, int line) {}

    public ContractTemplate {
        clauses = List.copyOf(clauses);
    }

    public Optional<Clause> clause(String id) {
        return clauses.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Fills the placeholders; every one must have a value. */
    public static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "{{" + m.group(1) + "}}" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static ContractTemplate parse(String source, String markdown) {
        String[] lines = markdown.split("\r?\n", -1);
        String title = null;
        Map<String, Clause> clauses = new LinkedHashMap<>();
        List<int[]> references = new ArrayList<>();
        List<String> referenced = new ArrayList<>();
        String id = null;
        String clauseTitle = null;
        int clauseLine = 0;
        StringBuilder text = new StringBuilder();
        boolean inComment = false;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            if (inComment || line.strip().startsWith("<!--")) {
                inComment = !line.contains("-->");
                continue;
            }
            Matcher placeholder = PLACEHOLDER.matcher(line);
            while (placeholder.find()) {
                if (!PLACEHOLDERS.contains(placeholder.group(1))) {
                    throw new InvalidTemplateException(source, lineNo, "unknown placeholder {{" + placeholder.group(1)
                            + "}}; known are " + PLACEHOLDERS.stream().sorted().toList());
                }
            }
            if (line.startsWith("# ")) {
                if (title != null) {
                    throw new InvalidTemplateException(source, lineNo, "a second title; a template has one '# ' line");
                }
                title = line.substring(2).strip();
                continue;
            }
            if (line.startsWith("##")) {
                Matcher heading = HEADING.matcher(line);
                if (!heading.matches() || !CLAUSE_ID.matcher(heading.group(1)).matches()) {
                    throw new InvalidTemplateException(source, lineNo,
                            "a clause heading must read '## C<number> <title>', e.g. '## C4 Data'; was '" + line + "'");
                }
                if (id != null) {
                    clauses.put(id, new Clause(id, clauseTitle, text.toString().strip(), clauseLine));
                }
                id = heading.group(1);
                if (clauses.containsKey(id)) {
                    throw new InvalidTemplateException(source, lineNo, "clause id " + id + " is used twice (first on line "
                            + clauses.get(id).line() + ")");
                }
                clauseTitle = heading.group(2).strip();
                clauseLine = lineNo;
                text.setLength(0);
                continue;
            }
            Matcher reference = REFERENCE.matcher(line);
            while (reference.find()) {
                references.add(new int[] {lineNo});
                referenced.add(reference.group(1));
            }
            if (id == null) {
                if (!line.isBlank()) {
                    throw new InvalidTemplateException(source, lineNo, "text before the first clause heading");
                }
                continue;
            }
            if (line.isBlank()) {
                if (!text.isEmpty() && !text.toString().endsWith("\n")) {
                    text.append('\n');
                }
            } else {
                if (!text.isEmpty() && !text.toString().endsWith("\n")) {
                    text.append(' ');
                }
                text.append(line.strip());
            }
        }
        if (id != null) {
            clauses.put(id, new Clause(id, clauseTitle, text.toString().strip(), clauseLine));
        }
        if (title == null) {
            throw new InvalidTemplateException(source, 1, "no title; the first line must read '# <title>'");
        }
        if (clauses.isEmpty()) {
            throw new InvalidTemplateException(source, lines.length, "no clauses ('## C1 <title>')");
        }
        for (int r = 0; r < referenced.size(); r++) {
            if (!clauses.containsKey(referenced.get(r))) {
                throw new InvalidTemplateException(source, references.get(r)[0], "unknown clause id [" + referenced.get(r)
                        + "]; the template has " + clauses.keySet());
            }
        }
        return new ContractTemplate(source, title, new ArrayList<>(clauses.values()));
    }
}
