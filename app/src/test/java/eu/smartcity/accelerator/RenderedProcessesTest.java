package eu.smartcity.accelerator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pictures in docs/processes/ show the models as they are: scripts/render-processes.sh renders every
 * processes/*.bpmn and *.dmn and writes each source's SHA-256 to docs/processes/sources.sha256; this test
 * recomputes the hashes (without carriage returns, as the script does), so a model changed without
 * re-rendering fails here, and processes/README.md links every picture. Plain JUnit: no Spring, no database.
 */
class RenderedProcessesTest {

    static final Path ROOT = Files.isDirectory(Path.of("processes")) ? Path.of(".") : Path.of("..");
    static final String SCRIPT = "scripts/render-processes.sh";
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void everyModelHasAPictureRenderedFromItsCurrentSource() throws IOException {
        Map<String, String> recorded = recordedHashes();
        List<String> problems = new ArrayList<>();
        for (String model : models()) {
            String hash = sha256WithoutCarriageReturns(ROOT.resolve(model));
            if (!recorded.containsKey(model)) {
                problems.add(model + " was never rendered");
            } else if (!recorded.get(model).equals(hash)) {
                problems.add(model + " changed since it was rendered");
            }
            Path png = picture(model);
            if (!Files.isRegularFile(png)) {
                problems.add(model + " has no picture docs/processes/" + png.getFileName());
            } else if (!isPng(png)) {
                problems.add("docs/processes/" + png.getFileName() + " is not a PNG");
            }
        }
        recorded.keySet().stream().filter(model -> !Files.exists(ROOT.resolve(model)))
                .forEach(model -> problems.add("docs/processes/sources.sha256 names " + model + ", which no longer exists"));
        assertThat(problems).as("pictures of the models out of date: run %s and commit docs/processes/", SCRIPT).isEmpty();
    }

    @Test
    void noPictureOutlivesItsModel() throws IOException {
        List<String> models = models();
        try (Stream<Path> files = Files.list(ROOT.resolve("docs/processes"))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".png"))
                    .filter(name -> models.stream().noneMatch(m -> picture(m).getFileName().toString().equals(name))))
                    .as("pictures without a model in processes/: run %s", SCRIPT).isEmpty();
        }
    }

    @Test
    void processesReadmeLinksEveryPicture() throws IOException {
        String readme = Files.readString(ROOT.resolve("processes/README.md"));
        assertThat(models()).allSatisfy(model -> assertThat(readme)
                .as("processes/README.md links the picture of %s", model)
                .contains("](../docs/processes/" + picture(model).getFileName() + ")"));
    }

    /** processes/*.bpmn and *.dmn, relative to the repository root, sorted. */
    static List<String> models() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("processes"))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".bpmn") || name.endsWith(".dmn"))
                    .sorted().map(name -> "processes/" + name).toList();
        }
    }

    static Path picture(String model) {
        String name = Path.of(model).getFileName().toString();
        return ROOT.resolve("docs/processes").resolve(name.substring(0, name.lastIndexOf('.')) + ".png");
    }

    /** The lines of sources.sha256, as {@code sha256sum} writes them: hash, two spaces, path. */
    static Map<String, String> recordedHashes() throws IOException {
        Path file = ROOT.resolve("docs/processes/sources.sha256");
        assertThat(file).as("%s writes it", SCRIPT).isRegularFile();
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                String[] parts = line.strip().split("\\s+\\*?", 2);
                hashes.put(parts[1], parts[0].toLowerCase());
            }
        }
        return hashes;
    }

    static String sha256WithoutCarriageReturns(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] withoutCr = new byte[bytes.length];
        int n = 0;
        for (byte b : bytes) {
            if (b != '\r') {
                withoutCr[n++] = b;
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(withoutCr, n)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isPng(Path file) throws IOException {
        byte[] head = new byte[PNG_SIGNATURE.length];
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(head, 0, head.length) == head.length && Arrays.equals(head, PNG_SIGNATURE);
        }
    }
}
