package eu.smartcity.accelerator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The organisation of a user is never one of the role groups, even when the role group comes first. */
class CurrentUserTest {

    @Test
    void theCityIsTheOrganisationNotTheRoleGroup() {
        CurrentUser officer = new CurrentUser("officer-delft",
                new LinkedHashSet<>(List.of(Roles.CITY_OFFICERS, "city-delft"))); // the role group first, on purpose
        assertThat(officer.city()).contains("city-delft");
        assertThat(officer.company()).isEmpty();
        CurrentUser company = new CurrentUser("parkflow", Set.of(Roles.COMPANIES, "company-parkflow"));
        assertThat(company.company()).contains("company-parkflow");
        assertThat(company.city()).isEmpty();
    }
}
