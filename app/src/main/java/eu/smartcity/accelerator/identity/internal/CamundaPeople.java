package eu.smartcity.accelerator.identity.internal;

import eu.smartcity.accelerator.identity.People;
import eu.smartcity.accelerator.identity.Roles;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roles and organisations are Camunda groups; a deactivation is a row of {@code account_deactivation}
 * (retention class: PERSONAL_ACCOUNT).
 */
@Component
class CamundaPeople implements People {

    private final IdentityService identity;
    private final JdbcClient jdbc;
    private final JdbcAccountActivity activity;

    CamundaPeople(IdentityService identity, JdbcTemplate jdbc, JdbcAccountActivity activity) {
        this.identity = identity;
        this.jdbc = JdbcClient.create(jdbc);
        this.activity = activity;
    }

    @Override
    public List<Person> all() {
        List<String> off = jdbc.sql("SELECT user_id FROM account_deactivation").query(String.class).list();
        return identity.createUserQuery().orderByUserId().asc().list().stream()
                .map(u -> person(u, off.contains(u.getId())))
                .sorted(Comparator.comparing((Person p) -> p.organisation() == null ? "\uffff" : p.organisation())
                        .thenComparing(Person::userId))
                .toList();
    }

    @Override
    public Optional<Person> find(String userId) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        return Optional.ofNullable(user).map(u -> person(u, deactivated(u.getId())));
    }

    private Person person(User user, boolean deactivated) {
        List<Group> groups = identity.createGroupQuery().groupMember(user.getId()).list();
        List<String> roles = groups.stream().map(Group::getId).filter(g -> !organisation(g)).sorted().toList();
        String organisation = groups.stream().map(Group::getId).filter(CamundaPeople::organisation).findFirst().orElse(null);
        return new Person(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(), roles, organisation, deactivated);
    }

    private static boolean organisation(String groupId) {
        return (groupId.startsWith("city-") && !groupId.equals(Roles.CITY_OFFICERS)) || groupId.startsWith("company-");
    }

    @Override
    public List<String> cities() {
        return identity.createGroupQuery().groupType(Roles.ORGANISATION_TYPE).orderByGroupId().asc().list().stream()
                .map(Group::getId).filter(g -> g.startsWith("city-")).toList();
    }

    @Override
    @Transactional
    public Optional<String> addCity(String actor, String name) {
        if (name == null || name.isBlank() || name.strip().length() > 120 || !name.matches(".*[\\p{L}\\p{N}].*")) {
            return Optional.of("people.error.cityName");
        }
        String groupId = "city-" + CompanyRegistration.organisationId(name).substring("company-".length());
        if (groupId.equals("city-")) {
            return Optional.of("people.error.cityName"); // no letter or digit left in the id
        }
        if (identity.createGroupQuery().groupId(groupId).count() > 0) {
            return Optional.of("people.error.cityTaken");
        }
        Group city = identity.newGroup(groupId);
        city.setName(name.strip());
        city.setType(Roles.ORGANISATION_TYPE);
        identity.saveGroup(city);
        return Optional.empty();
    }

    @Override
    @Transactional
    public Optional<String> addRole(String actor, String userId, String role) {
        if (!MANAGED_ROLES.contains(role) || !exists(userId)) {
            return Optional.of("people.error.unknown");
        }
        if (role.equals(Roles.CITY_OFFICERS)) {
            return Optional.of("people.error.officerNeedsCity"); // through moveToCity, which names the city
        }
        join(userId, role);
        if (role.equals(Roles.COORDINATORS)) {
            join(userId, Groups.CAMUNDA_ADMIN); // coordinators use the Camunda webapps (as the demo coordinator)
        }
        return Optional.empty();
    }

    @Override
    @Transactional
    public Optional<String> removeRole(String actor, String userId, String role) {
        if (!MANAGED_ROLES.contains(role) || !exists(userId)) {
            return Optional.of("people.error.unknown");
        }
        if (role.equals(Roles.COORDINATORS) && userId.equals(actor)) {
            return Optional.of("people.error.ownCoordinatorRole"); // someone else must do it: the office never locks itself out
        }
        leave(userId, role);
        if (role.equals(Roles.COORDINATORS)) {
            leave(userId, Groups.CAMUNDA_ADMIN);
        }
        if (role.equals(Roles.CITY_OFFICERS)) {
            cityOf(userId).ifPresent(city -> leave(userId, city));
        }
        return Optional.empty();
    }

    @Override
    @Transactional
    public Optional<String> moveToCity(String actor, String userId, String cityGroup) {
        if (!exists(userId) || cityGroup == null || !cities().contains(cityGroup)) {
            return Optional.of("people.error.unknown");
        }
        if (identity.createGroupQuery().groupMember(userId).list().stream()
                .anyMatch(g -> g.getId().startsWith("company-"))) {
            return Optional.of("people.error.companyUser"); // one organisation per user
        }
        cityOf(userId).filter(c -> !c.equals(cityGroup)).ifPresent(old -> leave(userId, old));
        join(userId, cityGroup);
        join(userId, Roles.CITY_OFFICERS);
        return Optional.empty();
    }

    @Override
    @Transactional
    public Optional<String> setActive(String actor, String userId, boolean active) {
        if (!exists(userId)) {
            return Optional.of("people.error.unknown");
        }
        if (userId.equals(actor)) {
            return Optional.of("people.error.ownAccount");
        }
        int reactivated = jdbc.sql("DELETE FROM account_deactivation WHERE user_id = ?").param(userId).update();
        if (active && reactivated > 0) {
            activity.reactivated(userId, Instant.now()); // else the inactive-accounts job would deactivate it again tonight
        }
        if (!active) {
            jdbc.sql("INSERT INTO account_deactivation (user_id, deactivated_by, deactivated_at) VALUES (?, ?, ?)")
                    .params(userId, actor, Instant.now().atOffset(ZoneOffset.UTC)).update();
        }
        return Optional.empty();
    }

    @Override
    public boolean deactivated(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM account_deactivation WHERE user_id = ?").param(userId).query(Long.class).single() > 0;
    }

    private Optional<String> cityOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .filter(g -> g.startsWith("city-") && !g.equals(Roles.CITY_OFFICERS)).findFirst();
    }

    private boolean exists(String userId) {
        return userId != null && identity.createUserQuery().userId(userId).count() == 1;
    }

    private void join(String userId, String groupId) {
        if (identity.createGroupQuery().groupMember(userId).groupId(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

    private void leave(String userId, String groupId) {
        identity.deleteMembership(userId, groupId);
    }
}
