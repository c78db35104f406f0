package eu.smartcity.accelerator;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Feature modules only use each other's public API (top-level package), never internals, and form no cycles. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(AcceleratorApplication.class);

    @Test
    void verifiesModuleBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesModuleDiagrams() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
