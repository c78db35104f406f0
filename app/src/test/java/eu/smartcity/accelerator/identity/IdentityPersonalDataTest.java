package eu.smartcity.accelerator.identity;

import static eu.smartcity.accelerator.support.PersonalDataCase.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PersonalDataCase;
import eu.smartcity.accelerator.support.PersonalDataScan;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Issue 24 point 3, identity's share: the account (Camunda user, groups, user info), its deactivation, invitations,
 * registration requests, login throttles, jury pool places and sessions are exported, then erased (the account
 * itself included) leaving no trace of the person's id, e-mail or names; what others keep names the pseudonym.
 */
@AcceleratorTest
class IdentityPersonalDataTest {

    static final String[] TABLES = {"act_id_user", "act_id_membership", "act_id_info", "account_deactivation", "invitation",
            "registration_request", "login_throttle", "jury_pool_member", "spring_session", "account_activity"};

    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identity;
    @Autowired People people;
    @Autowired AccountActivity activity;
    @Autowired JuryPool juryPool;
    @Autowired FindByIndexNameSessionRepository<? extends Session> sessions; // Spring Session JDBC, behind identity's FrugalSessionRepository
    @Autowired List<PersonalDataHolder> holders;

    PersonalDataCase person;
    final String other = "zz-pd-other-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void cleanUp() {
        for (String id : List.of(other, person == null ? other : person.subject.userId())) {
            if (identity.createUserQuery().userId(id).count() > 0) {
                identity.deleteUser(id);
            }
            jdbc.update("DELETE FROM account_deactivation WHERE user_id = ?", id);
        }
    }

    void createTheJuror() {
        person = new PersonalDataCase(jdbc, null);
        String userId = person.subject.userId();
        User user = identity.newUser(userId);
        user.setFirstName(person.subject.names().get(0));
        user.setLastName(person.subject.names().get(1));
        user.setEmail(person.subject.email());
        user.setPassword("correct horse battery");
        identity.saveUser(user);
        identity.createMembership(userId, Roles.JURY);
        identity.setUserInfo(userId, "language", "nl");
        User someone = identity.newUser(other);
        someone.setPassword("correct horse battery");
        identity.saveUser(someone);

        UUID cycle = UUID.randomUUID();
        juryPool.add(cycle, userId, Set.of("nl", "fr"), List.of("mobility"));
        assertThat(people.setActive("coordinator", userId, false)).isEmpty();
        // the juror, as a coordinator once, deactivated someone else and invited someone
        jdbc.update("INSERT INTO account_deactivation (user_id, deactivated_by, deactivated_at) VALUES (?, ?, ?)", other, userId, daysAgo(3));
        invitation(person.subject.email(), "coordinator", userId, daysAgo(20), daysAgo(10));
        invitation("someone-" + person.unique + "@example.org", userId, null, daysAgo(5), null);
        jdbc.update("""
                INSERT INTO registration_request (token_sha256, organisation_name, user_id, first_name, last_name, email, language, created_at, expires_at)
                VALUES (?, 'Old Co', ?, ?, ?, ?, 'nl', ?, ?)""", "a".repeat(56) + person.unique, userId, person.subject.names().get(0),
                person.subject.names().get(1), person.subject.email(), daysAgo(0), daysAgo(-1));
        jdbc.update("INSERT INTO login_throttle (throttle_key, failures, last_failure_at) VALUES (?, 2, ?)", "account:" + userId, daysAgo(0));

        logIn(sessions, userId);
        activity.loggedIn(userId, Instant.now());
    }

    /** A session of the user, as Spring Security's login leaves it (the principal name is what the index finds). */
    static <S extends Session> void logIn(SessionRepository<S> repository, String userId) {
        S session = repository.createSession();
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, userId);
        repository.save(session);
    }

    UUID invitation(String email, String invitedBy, String acceptedBy, java.time.OffsetDateTime created, java.time.OffsetDateTime accepted) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO invitation (id, role, email, language, invited_by, created_at, expires_at, accepted_at, accepted_user_id)
                VALUES (?, 'JURY', ?, 'nl', ?, ?, ?, ?, ?)""", id, email, invitedBy, created, created.plusDays(14), accepted, acceptedBy);
        return id;
    }

    @Test
    void exportsTheAccountAndWhatHangsOnItThenErasesItAll() {
        createTheJuror();
        PersonalDataHolder holder = PersonalDataCase.holder(holders, "identity");

        Map<String, Object> export = holder.export(person.subject);
        @SuppressWarnings("unchecked") Map<String, Object> account = (Map<String, Object>) export.get("account");
        assertThat(account).containsEntry("email", person.subject.email()).containsEntry("lastName", person.subject.names().get(1))
                .containsEntry("settings", Map.of("language", "nl"));
        assertThat(account.get("groups").toString()).contains("id=" + Roles.JURY);
        assertThat((List<?>) export.get("deactivation")).hasSize(1);
        assertThat((List<?>) export.get("invitationsReceived")).hasSize(1);
        assertThat(export.get("invitationsSent").toString()).contains("someone-" + person.unique);
        assertThat(export.get("registrationRequests").toString()).contains("Old Co");
        assertThat(export.get("juryPools").toString()).contains("mobility");
        assertThat(export.get("failedLogins").toString()).contains("failures=2");
        assertThat(export).containsEntry("activeSessions", 1);
        assertThat(export.get("activity").toString()).contains("lastLoginAt=");

        Map<String, Integer> erased = holder.erase(person.subject);

        assertThat(erased).containsEntry("act_id_user", 1).containsEntry("act_id_membership", 1).containsEntry("act_id_info", 1)
                .containsEntry("spring_session", 1).containsEntry("login_throttle", 1).containsEntry("registration_request", 1)
                .containsEntry("jury_pool_member", 1).containsEntry("invitation", 2).containsEntry("account_deactivation", 2)
                .containsEntry("account_activity", 1);
        assertThat(PersonalDataScan.find(jdbc, person.subject, TABLES)).isEmpty();
        assertThat(identity.createUserQuery().userId(person.subject.userId()).count()).isZero();
        assertThat(sessions.findByPrincipalName(person.subject.userId())).isEmpty();
        // what others keep: the invitation the juror sent, the deactivation they did, under the pseudonym
        assertThat(person.rows("invitation", "invited_by", person.subject.pseudonym())).isEqualTo(1);
        assertThat(person.rows("account_deactivation", "deactivated_by", person.subject.pseudonym())).isEqualTo(1);

        assertThat(holder.erase(person.subject).values()).as("erasing again touches nothing").containsOnly(0);
        assertThat(holder.export(person.subject)).doesNotContainKey("account");
    }

    @Test
    void expiresUsedOrDeadInvitationsRequestsAndThrottlesAfterTheirPeriod() {
        person = new PersonalDataCase(jdbc, null);
        UUID longAccepted = invitation("old-" + person.unique + "@example.org", "coordinator", other, daysAgo(400), daysAgo(390));
        UUID recentlyAccepted = invitation("new-" + person.unique + "@example.org", "coordinator", other, daysAgo(30), daysAgo(20));
        UUID pending = invitation("pending-" + person.unique + "@example.org", "coordinator", null, daysAgo(1), null);
        jdbc.update("INSERT INTO login_throttle (throttle_key, failures, last_failure_at) VALUES (?, 1, ?)", "address:pd-" + person.unique, daysAgo(200));
        UUID cycle = UUID.randomUUID();
        jdbc.update("INSERT INTO jury_pool_member (cycle_id, user_id, languages, expertise, added_at) VALUES (?, ?, 'nl', 'x', ?)",
                cycle, "zz-pd-gone-" + person.unique, daysAgo(1));
        juryPool.add(cycle, "coordinator", Set.of("nl"), List.of("x")); // an account that exists

        Map<String, Integer> expired = PersonalDataCase.holder(holders, "identity").expire(PersonalDataCase.PERIODS, Instant.now());

        assertThat(expired.get("invitation")).isGreaterThanOrEqualTo(1);
        assertThat(person.rows("invitation", "id", longAccepted)).isZero();
        assertThat(person.rows("invitation", "id", recentlyAccepted)).isEqualTo(1);
        assertThat(person.rows("invitation", "id", pending)).isEqualTo(1);
        assertThat(person.rows("login_throttle", "throttle_key", "address:pd-" + person.unique)).isZero();
        assertThat(person.rows("jury_pool_member", "cycle_id", cycle)).as("the deleted account's place goes, the juror's stays").isEqualTo(1);
        jdbc.update("DELETE FROM jury_pool_member WHERE cycle_id = ?", cycle);
        jdbc.update("DELETE FROM invitation WHERE email LIKE ?", "%-" + person.unique + "@example.org");
    }

    @Test
    void aPersonWithoutAnEmailAddressOrNamesIsErasedToo() {
        person = new PersonalDataCase(jdbc, null);
        User user = identity.newUser(other);
        user.setPassword("correct horse battery");
        identity.saveUser(user);
        DataSubject nameless = new DataSubject(other, null, List.of(), List.of(), "erased-" + person.unique);
        PersonalDataHolder holder = PersonalDataCase.holder(holders, "identity");

        assertThat(holder.export(nameless)).containsKey("account");
        assertThat(holder.erase(nameless)).containsEntry("act_id_user", 1).containsEntry("invitation", 0);
        assertThat(identity.createUserQuery().userId(other).count()).isZero();
    }
}
