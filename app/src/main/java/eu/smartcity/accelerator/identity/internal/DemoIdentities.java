package eu.smartcity.accelerator.identity.internal;

import eu.smartcity.accelerator.identity.Roles;
import eu.smartcity.accelerator.shared.DemoData;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users for the default profile (listed in the README; password {@value #DEMO_PASSWORD}, demo
 * only). Off on the {@code postgres} profile unless ACCELERATOR_DEMO_DATA=true.
 */
@Component
@Order(1)
class DemoIdentities implements ApplicationRunner {

    static final String DEMO_PASSWORD = "demo";

    record Organisation(String groupId, String name, String userId, String first, String last) {}

    static final List<Organisation> CITIES = List.of(
            new Organisation("city-mechelen", "City of Mechelen", "officer-mechelen", "Mila", "Peeters"),
            new Organisation("city-bruges", "City of Bruges", "officer-bruges", "Bram", "Janssens"),
            new Organisation("city-delft", "Municipality of Delft", "officer-delft", "Daan", "de Vries"),
            new Organisation("city-saint-quentin", "Ville de Saint-Quentin", "officer-saint-quentin", "Sophie", "Martin"));

    static final List<Organisation> COMPANIES = List.of(
            new Organisation("company-urbansense", "UrbanSense NV", "urbansense", "Uma", "Sense"),
            new Organisation("company-parkflow", "ParkFlow SAS", "parkflow", "Pierre", "Flow"),
            new Organisation("company-greengrid", "GreenGrid BV", "greengrid", "Gert", "Grid"));

    private final IdentityService identityService;
    private final boolean enabled;

    DemoIdentities(IdentityService identityService, @Value(DemoData.ENABLED) boolean enabled) {
        this.identityService = identityService;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        user("coordinator", "Chris", "Coordinator", List.of(Roles.COORDINATORS, Groups.CAMUNDA_ADMIN));
        for (Organisation city : CITIES) {
            organisation(city);
            user(city.userId(), city.first(), city.last(), List.of(Roles.CITY_OFFICERS, city.groupId()));
        }
        for (Organisation company : COMPANIES) {
            organisation(company);
            user(company.userId(), company.first(), company.last(), List.of(Roles.COMPANIES, company.groupId()));
        }
        user("jury-an", "An", "Claes", List.of(Roles.JURY));
        user("jury-ben", "Ben", "Dupont", List.of(Roles.JURY));
        user("jury-chloe", "Chloé", "Lambert", List.of(Roles.JURY));
        // a system that reads the engine's REST API (GET only); no portal pages, no Camunda webapps
        user("integration", "Open", "Data", List.of(Roles.INTEGRATIONS));
    }

    private void organisation(Organisation organisation) {
        if (identityService.createGroupQuery().groupId(organisation.groupId()).count() == 0) {
            Group group = identityService.newGroup(organisation.groupId());
            group.setName(organisation.name());
            group.setType(Roles.ORGANISATION_TYPE);
            identityService.saveGroup(group);
        }
    }

    private void user(String id, String first, String last, List<String> groups) {
        IdentitySetup.createUser(identityService, id, first, last, id + "@demo.smartcity.local", DEMO_PASSWORD, groups);
    }
}
