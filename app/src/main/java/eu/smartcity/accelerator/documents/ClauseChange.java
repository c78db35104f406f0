package eu.smartcity.accelerator.documents;

import eu.smartcity.accelerator.shared.RuleViolationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One change a case makes to the template: a clause rewritten, removed, or added. Written in the
 * negotiation forms, one per line:
 * <pre>
 * C5: The City pays in two instalments, …     (rewrites C5)
 * C9: removed                                   (removes C9)
 * +C5a Insurance: The Supplier is insured …     (adds C5a, placed after C5)
 * </pre>
 * Other lines are remarks and change no clause.
 */
public record ClauseChange(String clauseId, Kind kind, String title, String text) {

    public enum Kind { REWRITTEN, REMOVED, ADDED }

    private static final Pattern CHANGE = Pattern.compile("^\\s*(\\+)?(C[0-9]+[a-z]?)(?:\\s+([^:]+?))?\\s*:\\s*(.*)$");

    /**
     * The changes written in {@code text}, checked against the template; the last word on a clause wins.
     *
     * @throws IllegalArgumentException "{@code field}: problem", when a line names a clause the template
     *         lacks (or adds one it has), or leaves the text empty
     */
    public static List<ClauseChange> parse(String field, String text, ContractTemplate template) {
        Map<String, ClauseChange> changes = new LinkedHashMap<>();
        if (text == null) {
            return List.of();
        }
        int lineNo = 0;
        for (String line : text.split("\r?\n")) {
            lineNo++;
            Matcher m = CHANGE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            boolean add = m.group(1) != null;
            String id = m.group(2);
            String body = m.group(4).strip();
            boolean known = template.clause(id).isPresent();
            if (body.isEmpty()) {
                throw new RuleViolationException(field, "contract.error.clauseEmpty",
                        "line " + lineNo + " (" + id + ") has no text; write the new text, or 'removed'", lineNo, id);
            }
            if (add) {
                if (known) {
                    throw new RuleViolationException(field, "contract.error.clauseExists", "line " + lineNo + ": clause " + id
                            + " is already in the template; write '" + id + ": <new text>' to rewrite it", lineNo, id);
                }
                String title = m.group(3) == null ? "Additional clause" : m.group(3).strip();
                changes.put(id, new ClauseChange(id, Kind.ADDED, title, body));
            } else {
                if (!known) {
                    String clauses = String.join(", ", template.clauses().stream().map(ContractTemplate.Clause::id).toList());
                    throw new RuleViolationException(field, "contract.error.clauseUnknown", "line " + lineNo + ": clause " + id
                            + " is not in the template [" + clauses + "]; write '+" + id + " <title>: <text>' to add it",
                            lineNo, id, clauses);
                }
                boolean removed = body.equalsIgnoreCase("removed") || body.equals("-");
                changes.put(id, new ClauseChange(id, removed ? Kind.REMOVED : Kind.REWRITTEN,
                        template.clause(id).orElseThrow().title(), removed ? "" : body));
            }
        }
        return new ArrayList<>(changes.values());
    }
}
