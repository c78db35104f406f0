package eu.smartcity.accelerator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.util.FileSystemUtils;

/** Feature modules only use each other's public API (top-level package), never internals, and form no cycles. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(AcceleratorApplication.class);
    static final Path DIAGRAMS = Path.of("target", "spring-modulith-docs");

    @Test
    void verifiesModuleBoundaries() {
        MODULES.verify();
    }

    /** The overview diagram has every dependency between modules; each module has its own diagram. */
    @Test
    void writesModuleDiagrams() throws IOException {
        FileSystemUtils.deleteRecursively(DIAGRAMS); // a diagram left by an earlier run proves nothing
        new Documenter(MODULES, DIAGRAMS.toString()).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();

        String overview = Files.readString(DIAGRAMS.resolve("components.puml"));
        assertThat(MODULES.stream()).hasSizeGreaterThan(10);
        for (ApplicationModule module : MODULES) {
            String name = module.getDisplayName();
            // its own diagram shows it (the overview leaves out a module nothing uses and that uses nothing, e.g. publicapi)
            assertThat(Files.readString(DIAGRAMS.resolve("module-" + module.getIdentifier() + ".puml"))).as(name)
                    .containsPattern("Component\\([^,]*\\." + Pattern.quote(name) + ", \"" + Pattern.quote(name) + "\"");
            module.getDirectDependencies(MODULES).uniqueModules().forEach(dependency -> assertThat(overview)
                    .as(name + " → " + dependency.getDisplayName())
                    .containsPattern("Rel\\([^,]*\\." + Pattern.quote(name) + ", [^,]*\\." + Pattern.quote(dependency.getDisplayName()) + ","));
        }
    }
}
