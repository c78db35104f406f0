package eu.smartcity.accelerator.cycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every bylaws version on the classpath ({@code bylaws/<version>/rules.yaml}), validated at start-up:
 * an invalid file stops the application with the file, key and problem. Only used to open new
 * cycles; a running cycle reads its pinned copy (see {@link Cycles#bylawsOf}).
 */
@Component
public class BylawsCatalog {

    private final Map<String, Bylaws> versions = new TreeMap<>();

    public BylawsCatalog() {
        try {
            for (Resource rules : new PathMatchingResourcePatternResolver().getResources("classpath*:bylaws/*/rules.yaml")) {
                String folder = folderOf(rules);
                String source = "bylaws/" + folder + "/rules.yaml";
                try (InputStream in = rules.getInputStream()) {
                    Bylaws bylaws = BylawsLoader.load(source, in);
                    if (!bylaws.version().equals(folder)) {
                        throw new InvalidBylawsException(source, "version",
                                "must equal its folder name '" + folder + "', was '" + bylaws.version() + "'");
                    }
                    versions.put(bylaws.version(), bylaws);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bylaws from the classpath", e);
        }
    }

    public Optional<Bylaws> find(String version) {
        return Optional.ofNullable(versions.get(version));
    }

    public Map<String, Bylaws> all() {
        return Map.copyOf(versions);
    }

    private static String folderOf(Resource rules) throws IOException {
        String path = rules.getURL().toString();
        String withoutFile = path.substring(0, path.lastIndexOf('/'));
        return withoutFile.substring(withoutFile.lastIndexOf('/') + 1);
    }
}
