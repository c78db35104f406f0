package eu.smartcity.accelerator.documents;

import eu.smartcity.accelerator.cycle.BylawsTextCheck;
import eu.smartcity.accelerator.cycle.BylawsVersions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every {@code bylaws/<version>/contract-template.md} on the classpath, parsed at start-up: a template
 * with an unknown clause id or placeholder stops the application with the file and the line. A version drafted
 * in the portal has its texts in the database ({@link BylawsVersions}); its template is checked the same way
 * before the draft is saved.
 */
@Component
public class ContractTemplates implements BylawsTextCheck {

    private final Map<String, ContractTemplate> byVersion = new TreeMap<>();
    private final BylawsVersions versions;

    public ContractTemplates() {
        this(null);
    }

    @Autowired
    public ContractTemplates(@org.springframework.context.annotation.Lazy BylawsVersions versions) {
        this.versions = versions;
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
        if (byVersion.containsKey(version) || versions == null || versions.find(version).isEmpty()) {
            return Optional.ofNullable(byVersion.get(version));
        }
        return Optional.ofNullable(versions.texts(version).contractTemplateMd())
                .map(text -> ContractTemplate.parse("bylaws version " + version + " (contract template)", text));
    }

    /** A draft's contract template must parse as a shipped one does. */
    @Override
    public void check(String version, BylawsVersions.Texts texts) {
        if (texts.contractTemplateMd() == null) {
            return;
        }
        try {
            ContractTemplate.parse("contract template", texts.contractTemplateMd());
        } catch (InvalidTemplateException e) {
            throw new BylawsVersions.InvalidDraftException("contractTemplateMd", e.getMessage(), e.line());
        }
    }

    /** The readable bylaws text of a version ({@code bylaws/<version>/bylaws.md}), for the bylaws PDF. */
    public Optional<String> bylawsText(String version) {
        if (!version.matches("[a-z0-9-]+")) {
            return Optional.empty();
        }
        if (versions != null) { // published versions only: a draft is not for publication
            return versions.find(version).filter(BylawsVersions.VersionView::published).map(v -> versions.texts(version).bylawsMd());
        }
        try (InputStream in = ContractTemplates.class.getResourceAsStream("/bylaws/" + version + "/bylaws.md")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
