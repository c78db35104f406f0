package eu.smartcity.accelerator.identity.internal;

import static eu.smartcity.accelerator.shared.personaldata.PersonalColumns.iso;

import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.shared.personaldata.RetentionClass;
import eu.smartcity.accelerator.shared.personaldata.RetentionPeriods;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The person's account and everything identity keeps about them: the Camunda user, its group memberships and user
 * info, their deactivation, invitations, registration requests, login throttles, jury pool places and their HTTP
 * sessions (Spring Session's tables: identity logs people in, so it owns them). Its erase deletes the account itself,
 * so the privacy module runs it after every other holder. The user's authorizations are the engine's share (workflow).
 *
 * <p>Retention classes: ACT_ID_USER, ACT_ID_MEMBERSHIP, ACT_ID_INFO, account_deactivation, jury_pool_member:
 * PERSONAL_ACCOUNT; invitation, registration_request, login_throttle, spring_session(_attributes):
 * PERSONAL_OPERATIONAL; organisation_profile: NONE (a company's legal status, no person).
 */
@Component
class IdentityPersonalData implements PersonalDataHolder {

    private final IdentityService identity;
    private final JdbcClient jdbc;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    IdentityPersonalData(IdentityService identity, JdbcTemplate jdbc, FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.identity = identity;
        this.jdbc = JdbcClient.create(jdbc);
        this.sessions = sessions;
    }

    @Override
    public String section() {
        return "identity";
    }

    @Override
    public Map<String, Object> export(DataSubject subject) {
        String userId = subject.userId();
        Map<String, Object> export = new LinkedHashMap<>();
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user != null) {
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("userId", user.getId());
            account.put("firstName", user.getFirstName());
            account.put("lastName", user.getLastName());
            account.put("email", user.getEmail());
            Map<String, Object> info = new LinkedHashMap<>();
            for (String key : identity.getUserInfoKeys(userId)) {
                info.put(key, identity.getUserInfo(userId, key));
            }
            account.put("settings", info);
            account.put("groups", identity.createGroupQuery().groupMember(userId).orderByGroupId().asc().list().stream()
                    .map(g -> Map.of("id", g.getId(), "name", g.getName() == null ? g.getId() : g.getName())).toList());
            export.put("account", account);
        }
        export.put("activity", jdbc.sql("SELECT last_login_at, active_since FROM account_activity WHERE user_id = ?").param(userId)
                .query((rs, n) -> row("lastLoginAt", iso(rs.getObject(1, OffsetDateTime.class)),
                        "activeSince", iso(rs.getObject(2, OffsetDateTime.class)))).list());
        export.put("deactivation", jdbc.sql("SELECT deactivated_at FROM account_deactivation WHERE user_id = ?").param(userId)
                .query((rs, n) -> Map.of("deactivatedAt", iso(rs.getObject(1, OffsetDateTime.class)))).list());
        export.put("invitationsReceived", jdbc.sql("""
                SELECT role, email, city_group, cycle_id, expertise, created_at, accepted_at, revoked_at FROM invitation
                WHERE accepted_user_id = ? OR LOWER(email) = ? ORDER BY created_at""").params(userId, subject.emailKey())
                .query((rs, n) -> row("role", rs.getString(1), "email", rs.getString(2), "city", rs.getString(3),
                        "cycleId", rs.getString(4), "expertise", rs.getString(5), "createdAt", iso(rs.getObject(6, OffsetDateTime.class)),
                        "acceptedAt", iso(rs.getObject(7, OffsetDateTime.class)), "revokedAt", iso(rs.getObject(8, OffsetDateTime.class))))
                .list());
        export.put("invitationsSent", jdbc.sql("SELECT role, email, created_at FROM invitation WHERE invited_by = ? ORDER BY created_at")
                .param(userId)
                .query((rs, n) -> row("role", rs.getString(1), "email", rs.getString(2), "createdAt", iso(rs.getObject(3, OffsetDateTime.class))))
                .list());
        export.put("registrationRequests", jdbc.sql("""
                SELECT organisation_name, user_id, first_name, last_name, email, created_at FROM registration_request
                WHERE user_id = ? OR LOWER(email) = ? ORDER BY created_at""").params(userId, subject.emailKey())
                .query((rs, n) -> row("organisation", rs.getString(1), "userId", rs.getString(2), "firstName", rs.getString(3),
                        "lastName", rs.getString(4), "email", rs.getString(5), "createdAt", iso(rs.getObject(6, OffsetDateTime.class))))
                .list());
        export.put("juryPools", jdbc.sql("SELECT cycle_id, languages, expertise, added_at FROM jury_pool_member WHERE user_id = ? ORDER BY added_at")
                .param(userId)
                .query((rs, n) -> row("cycleId", rs.getString(1), "languages", rs.getString(2), "expertise", rs.getString(3),
                        "addedAt", iso(rs.getObject(4, OffsetDateTime.class))))
                .list());
        export.put("failedLogins", jdbc.sql("SELECT throttle_key, failures, last_failure_at FROM login_throttle WHERE throttle_key IN (?, ?)")
                .params(throttleKeys(subject))
                .query((rs, n) -> row("key", rs.getString(1), "failures", rs.getInt(2), "lastFailureAt", iso(rs.getObject(3, OffsetDateTime.class))))
                .list());
        export.put("activeSessions", sessions.findByPrincipalName(userId).size());
        return export;
    }

    @Override
    public Map<String, Integer> erase(DataSubject subject) {
        String userId = subject.userId();
        Map<String, Integer> touched = new LinkedHashMap<>();
        int ended = 0;
        for (String sessionId : List.copyOf(sessions.findByPrincipalName(userId).keySet())) {
            sessions.deleteById(sessionId);
            ended++;
        }
        touched.put("spring_session", ended);
        touched.put("login_throttle", jdbc.sql("DELETE FROM login_throttle WHERE throttle_key IN (?, ?)").params(throttleKeys(subject)).update());
        touched.put("registration_request", jdbc.sql("DELETE FROM registration_request WHERE user_id = ? OR LOWER(email) = ?")
                .params(userId, subject.emailKey()).update());
        // an invitation to the person goes; one they sent stays the invitee's record, its sender pseudonymised
        int invitations = jdbc.sql("DELETE FROM invitation WHERE accepted_user_id = ? OR LOWER(email) = ?")
                .params(userId, subject.emailKey()).update();
        invitations += jdbc.sql("UPDATE invitation SET invited_by = ? WHERE invited_by = ?").params(subject.pseudonym(), userId).update();
        touched.put("invitation", invitations);
        touched.put("jury_pool_member", jdbc.sql("DELETE FROM jury_pool_member WHERE user_id = ?").param(userId).update());
        int deactivations = jdbc.sql("DELETE FROM account_deactivation WHERE user_id = ?").param(userId).update();
        deactivations += jdbc.sql("UPDATE account_deactivation SET deactivated_by = ? WHERE deactivated_by = ?")
                .params(subject.pseudonym(), userId).update();
        touched.put("account_deactivation", deactivations);
        touched.put("account_activity", jdbc.sql("DELETE FROM account_activity WHERE user_id = ?").param(userId).update());

        int info = 0;
        int memberships = 0;
        int users = 0;
        if (identity.createUserQuery().userId(userId).count() > 0) {
            for (String key : List.copyOf(identity.getUserInfoKeys(userId))) {
                identity.deleteUserInfo(userId, key);
                info++;
            }
            for (Group group : identity.createGroupQuery().groupMember(userId).list()) {
                identity.deleteMembership(userId, group.getId());
                memberships++;
            }
            identity.deleteUser(userId);
            users = 1;
        }
        touched.put("act_id_info", info);
        touched.put("act_id_membership", memberships);
        touched.put("act_id_user", users);
        return touched;
    }

    /**
     * Invitations and registration requests end when they are used, revoked or expire; login throttles forget
     * themselves after hours (LoginThrottle) and are cleared here too in case nobody failed a login since. Pool
     * places and deactivations of accounts that no longer exist are deleted at once (PERSONAL_ACCOUNT: they end with it).
     */
    @Override
    public Map<String, Integer> expire(RetentionPeriods periods, Instant now) {
        Map<String, Integer> touched = new LinkedHashMap<>();
        // an account deleted elsewhere (Camunda Admin) leaves what hangs on it: it goes with the account
        for (String table : List.of("jury_pool_member", "account_deactivation")) {
            int orphans = 0;
            for (String userId : jdbc.sql("SELECT DISTINCT user_id FROM " + table).query(String.class).list()) {
                if (identity.createUserQuery().userId(userId).count() == 0) {
                    orphans += jdbc.sql("DELETE FROM " + table + " WHERE user_id = ?").param(userId).update();
                }
            }
            touched.put(table, orphans);
        }
        periods.of(RetentionClass.PERSONAL_OPERATIONAL).ifPresent(period -> {
            OffsetDateTime before = utc(now.minus(period));
            // used, revoked or expired: whichever came first ends it
            touched.put("invitation", jdbc.sql("DELETE FROM invitation WHERE COALESCE(accepted_at, revoked_at, expires_at) < ?")
                    .param(before).update());
            touched.put("registration_request", jdbc.sql("DELETE FROM registration_request WHERE expires_at < ?").param(utc(now)).update());
            touched.put("login_throttle", jdbc.sql("DELETE FROM login_throttle WHERE last_failure_at < ? AND (blocked_until IS NULL OR blocked_until < ?)")
                    .params(before, utc(now)).update());
        });
        return touched;
    }

    /** The throttle keys that name the person: their account and their address as a registration's sender. */
    private static Object[] throttleKeys(DataSubject subject) {
        String account = "account:" + subject.userId().strip().toLowerCase(Locale.ROOT);
        String mail = subject.email() == null ? account : "register-mail:" + subject.emailKey();
        return new Object[] {account.length() > 72 ? account.substring(0, 72) : account, mail};
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A JSON object with its keys in the given order; null values are left out. */
    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                row.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return row;
    }
}
