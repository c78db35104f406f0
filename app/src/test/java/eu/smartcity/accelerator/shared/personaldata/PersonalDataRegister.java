package eu.smartcity.accelerator.shared.personaldata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/personal-data.md, parsed: its markdown tables by section heading, each row as a map from column heading to
 * cell. Test code for {@code PersonalDataRegisterTest} and {@code ProcessHistoryTimeToLiveTest}.
 */
public record PersonalDataRegister(Map<String, List<Map<String, String>>> sections) {

    public static final String TABLES = "Tables";
    public static final String ENGINE_TABLES = "Engine tables";
    public static final String VARIABLES = "Process variables and form fields";
    public static final String PROCESS_HISTORY = "Process history";

    public static final Path FILE = (Files.isDirectory(Path.of("docs")) ? Path.of(".") : Path.of("..")).resolve("docs/personal-data.md");

    /** A name in backticks, optionally followed by the one database that has it: {@code `search_vector` (postgresql)}. */
    static final Pattern NAME = Pattern.compile("`([^`]+)`(?:\\s*\\((h2|postgresql)\\))?");

    public record Name(String name, Optional<String> onlyOn) {
        public boolean existsOn(String vendor) {
            return onlyOn.map(vendor::equals).orElse(true);
        }
    }

    public static PersonalDataRegister read() throws IOException {
        return parse(Files.readString(FILE));
    }

    public static PersonalDataRegister parse(String markdown) {
        Map<String, List<Map<String, String>>> sections = new LinkedHashMap<>();
        String section = null;
        List<String> headings = null;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("## ")) {
                section = line.substring(3).strip();
                headings = null;
            } else if (section != null && line.startsWith("|")) {
                List<String> cells = cells(line);
                if (headings == null) {
                    headings = cells;
                } else if (!cells.get(0).startsWith("---")) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 0; i < headings.size(); i++) {
                        row.put(headings.get(i), i < cells.size() ? cells.get(i) : "");
                    }
                    sections.computeIfAbsent(section, s -> new ArrayList<>()).add(row);
                }
            } else if (!line.isBlank()) {
                headings = null;
            }
        }
        return new PersonalDataRegister(sections);
    }

    static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    public List<Map<String, String>> rows(String section) {
        return sections.getOrDefault(section, List.of());
    }

    /** The names in backticks of a cell ({@code —}: none). */
    public static List<Name> names(String cell) {
        List<Name> names = new ArrayList<>();
        Matcher matcher = NAME.matcher(cell == null ? "" : cell);
        while (matcher.find()) {
            names.add(new Name(matcher.group(1).strip(), Optional.ofNullable(matcher.group(2))));
        }
        return names;
    }

    /** The one name of a cell (a table, a variable, a process). */
    public static Name name(String cell) {
        List<Name> names = names(cell);
        if (names.size() != 1) {
            throw new IllegalArgumentException("Expected one `name` in '" + cell + "'");
        }
        return names.get(0);
    }

    /** This register without one row's cell value (for tests that show the checks fail). */
    public PersonalDataRegister with(String section, String key, String column, String value) {
        Map<String, List<Map<String, String>>> copy = new LinkedHashMap<>();
        sections.forEach((s, rows) -> {
            List<Map<String, String>> rowsCopy = new ArrayList<>();
            for (Map<String, String> row : rows) {
                Map<String, String> rowCopy = new LinkedHashMap<>(row);
                if (s.equals(section) && row.values().iterator().next().contains("`" + key + "`")) {
                    rowCopy.put(column, value);
                }
                rowsCopy.add(rowCopy);
            }
            copy.put(s, rowsCopy);
        });
        return new PersonalDataRegister(copy);
    }

    /** This register without the row of {@code key} in a section. */
    public PersonalDataRegister without(String section, String key) {
        Map<String, List<Map<String, String>>> copy = new LinkedHashMap<>(sections);
        copy.put(section, rows(section).stream().filter(row -> !row.values().iterator().next().contains("`" + key + "`")).toList());
        return new PersonalDataRegister(copy);
    }
}
