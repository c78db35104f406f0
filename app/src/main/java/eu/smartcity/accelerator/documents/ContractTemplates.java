package eu.smartcity.accelerator.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every {@code bylaws/<version>/contract-template.md} on the classpath, parsed at start-up: a template
 * with an unknown clause id or placeholder stops the application with the file and the line.
 */
@Component
public class ContractTemplates {

    private final Map<String, ContractTemplate> byVersion = new TreeMap<>();

    public ContractTemplates() {
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:bylaws/*/contract-template.md")) {
                String url = resource.getURL().toString();
                String folder = url.substring(0, url.lastIndexOf('/'));
                String version = folder.substring(folder.lastIndexOf('/') + 1);
                try (InputStream in = resource.getInputStream()) {
                    byVersion.put(version, ContractTemplate.parse("bylaws/" + version + "/contract-template.md",
                            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read contract templates from the classpath", e);
        }
    }

    public Optional<ContractTemplate> forBylaws(String version) {
        return Optional.ofNullable(byVersion.get(version));
    }

    /** The readable bylaws text of a version ({@code bylaws/<version>/bylaws.md}), for the bylaws PDF. */
    public Optional<String> bylawsText(String version) {
        if (!version.matches("[a-z0-9-]+")) {
            return Optional.empty();
        }
        try (InputStream in = ContractTemplates.class.getResourceAsStream("/bylaws/" + version + "/bylaws.md")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
