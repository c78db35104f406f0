package eu.smartcity.accelerator.identity.internal;

import eu.smartcity.accelerator.identity.Invitations;
import eu.smartcity.accelerator.identity.JuryPool;
import eu.smartcity.accelerator.identity.Organisations;
import eu.smartcity.accelerator.identity.People;
import eu.smartcity.accelerator.identity.Roles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invitations as {@link CompanyRegistration} does registrations: a random token mailed, only its SHA-256 stored,
 * used once (the hash is cleared), valid {@code accelerator.invitation.link-valid-for}. The row stays as the
 * invitation's record (pending, accepted, revoked, expired) for the operational period after it ended
 * (retention class: PERSONAL_OPERATIONAL, {@link IdentityPersonalData#expire}).
 */
@Service
class InvitationService implements Invitations {

    private static final Logger log = LoggerFactory.getLogger(InvitationService.class);
    private static final String COLUMNS = """
            id, role, email, language, city_group, cycle_id, languages, expertise, invited_by, created_at, expires_at,
            accepted_at, accepted_user_id, revoked_at""";

    private final IdentityService identity;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final InvitationMail mail;
    private final JuryPool pool;
    private final People people;
    private final Organisations organisations;
    private final LoginThrottle throttle;
    private final LoginSettings settings;
    private final Duration linkValidFor;
    private final String baseUrl;

    InvitationService(IdentityService identity, JdbcTemplate jdbc, PlatformTransactionManager transactions, InvitationMail mail,
            JuryPool pool, People people, Organisations organisations, LoginThrottle throttle,
            LoginSettings settings, @Value("${accelerator.invitation.link-valid-for:14d}") Duration linkValidFor,
            @Value("${accelerator.public-base-url}") String baseUrl) {
        this.identity = identity;
        this.jdbc = JdbcClient.create(jdbc);
        this.tx = new TransactionTemplate(transactions);
        this.mail = mail;
        this.pool = pool;
        this.people = people;
        this.organisations = organisations;
        this.throttle = throttle;
        this.settings = settings;
        this.linkValidFor = linkValidFor;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Override
    public Instant now() {
        return throttle.now();
    }

    @Override
    public Map<String, String> invite(Request r, String coordinator) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!CITY_OFFICER.equals(r.role()) && !JURY.equals(r.role())) {
            problems.put("role", "invitation.error.role");
        }
        if (r.email() == null || r.email().strip().length() > 200 || !r.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.put("email", "register.error.email");
        }
        if (CITY_OFFICER.equals(r.role()) && (r.cityGroup() == null || !people.cities().contains(r.cityGroup()))) {
            problems.put("cityGroup", "invitation.error.city");
        }
        if (JURY.equals(r.role())) {
            if (r.cycleId() == null) {
                problems.put("cycleId", "invitation.error.cycle");
            }
            if (r.languages() == null || r.languages().isEmpty() || !LANGUAGES.containsAll(r.languages())) {
                problems.put("languages", "invitation.error.languages");
            }
            if (r.expertise() != null && r.expertise().length() > 500) {
                problems.put("expertise", "invitation.error.expertise");
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        Locale language = UserLanguageResolver.supported(r.language() == null ? null : r.language().getLanguage()) != null
                ? UserLanguageResolver.supported(r.language().getLanguage()) : Locale.ENGLISH;
        UUID id = UUID.randomUUID();
        boolean jury = JURY.equals(r.role());
        try {
            tx.executeWithoutResult(status -> {
                Instant now = now();
                jdbc.sql("INSERT INTO invitation (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)")
                        .params(id, r.role(), r.email().strip(), language.getLanguage(), jury ? null : r.cityGroup(),
                                jury ? r.cycleId() : null, jury ? String.join(",", r.languages().stream().sorted().toList()) : null,
                                jury ? String.join(",", JdbcJuryPool.words(r.expertise())) : null, coordinator, utc(now),
                                utc(now.plus(linkValidFor)))
                        .update();
                mailNewLink(id, r.cycleName()); // a failed mail rolls the invitation back
            });
        } catch (MailException e) {
            log.warn("Invitation mail to {} not sent: {}", r.email(), e.getMessage());
            return Map.of(FORM, "invitation.error.mail");
        }
        return Map.of();
    }

    @Override
    public List<Invitation> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invitation ORDER BY created_at DESC").query(InvitationService::invitation).list();
    }

    private Optional<Invitation> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invitation WHERE id = ?").param(id).query(InvitationService::invitation).optional();
    }

    @Override
    public Map<String, String> resend(UUID id, String cycleName) {
        Optional<Invitation> found = find(id);
        if (found.isEmpty() || found.get().acceptedAt() != null || found.get().revokedAt() != null) {
            return Map.of(FORM, "invitation.error.closed");
        }
        try {
            tx.executeWithoutResult(status -> {
                jdbc.sql("UPDATE invitation SET expires_at = ? WHERE id = ?").params(utc(now().plus(linkValidFor)), id).update();
                mailNewLink(id, cycleName);
            });
        } catch (MailException e) {
            log.warn("Invitation mail {} not sent again: {}", id, e.getMessage());
            return Map.of(FORM, "invitation.error.mail");
        }
        return Map.of();
    }

    /** A fresh token replaces the stored hash (an older link stops working) and is mailed. */
    private void mailNewLink(UUID id, String cycleName) {
        String token = MailedLinks.newToken();
        jdbc.sql("UPDATE invitation SET token_sha256 = ? WHERE id = ?").params(MailedLinks.sha256(token), id).update();
        Invitation i = find(id).orElseThrow();
        Locale language = Locale.forLanguageTag(i.language());
        String forWhat = JURY.equals(i.role()) ? (cycleName == null ? "" : cycleName)
                : organisations.displayName(i.cityGroup(), language);
        mail.send(i.email(), language, i.role(), forWhat, baseUrl + "/invitation?token=" + token, linkValidFor.toDays());
    }

    @Override
    public void revoke(UUID id) {
        jdbc.sql("UPDATE invitation SET revoked_at = ?, token_sha256 = NULL WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL")
                .params(utc(now()), id).update();
    }

    @Override
    public Optional<Invitation> open(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM invitation WHERE token_sha256 = ?").param(MailedLinks.sha256(token))
                .query(InvitationService::invitation).optional()
                .filter(i -> i.status(now()) == Status.PENDING);
    }

    @Override
    public Optional<String> accountOf(Invitation invitation) {
        return identity.createUserQuery().userEmail(invitation.email()).list().stream().map(User::getId).findFirst();
    }

    @Override
    public Map<String, String> accept(String token, String userId, String firstName, String lastName, String password,
            String passwordAgain) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (userId == null || !userId.matches("[a-z0-9][a-z0-9-]{2,39}")) {
            problems.put("userId", "register.error.userId");
        }
        if (firstName == null || firstName.isBlank() || firstName.strip().length() > 60) {
            problems.put("firstName", "register.error.name");
        }
        if (lastName == null || lastName.isBlank() || lastName.strip().length() > 60) {
            problems.put("lastName", "register.error.name");
        }
        MailedLinks.checkPassword(password, passwordAgain, problems);
        if (!problems.isEmpty()) {
            return problems;
        }
        return tx.execute(status -> {
            Optional<Invitation> found = useUp(token);
            if (found.isEmpty()) {
                return Map.of(FORM, "invitation.invalid");
            }
            Invitation i = found.get();
            if (accountOf(i).isPresent()) {
                status.setRollbackOnly(); // the link stays valid: log in to accept
                return Map.of(FORM, "invitation.error.hasAccount");
            }
            if (identity.createUserQuery().userId(userId).count() > 0) {
                status.setRollbackOnly();
                return Map.of("userId", "invitation.error.userIdTaken");
            }
            IdentitySetup.createUser(identity, userId, firstName.strip(), lastName.strip(), i.email(), password, groupsOf(i));
            identity.setUserInfo(userId, UserLanguageResolver.USER_INFO_KEY, i.language());
            joined(i, userId);
            return Map.of();
        });
    }

    @Override
    public Map<String, String> join(String token, String userId) {
        return tx.execute(status -> {
            Optional<Invitation> found = useUp(token);
            if (found.isEmpty()) {
                return Map.of(FORM, "invitation.invalid");
            }
            Invitation i = found.get();
            if (!accountOf(i).map(userId::equals).orElse(false)) {
                status.setRollbackOnly(); // the invitation is for the owner of its address only
                return Map.of(FORM, "invitation.error.otherAccount");
            }
            for (String group : groupsOf(i)) {
                if (group.startsWith("city-") && !group.equals(Roles.CITY_OFFICERS)) {
                    people.moveToCity(i.invitedBy(), userId, group);
                } else if (identity.createGroupQuery().groupMember(userId).groupId(group).count() == 0) {
                    identity.createMembership(userId, group);
                }
            }
            joined(i, userId);
            return Map.of();
        });
    }

    /** Claims the invitation behind the token: of two acceptances at once only one clears the hash. */
    private Optional<Invitation> useUp(String token) {
        Optional<Invitation> found = open(token);
        if (found.isEmpty() || jdbc.sql("UPDATE invitation SET token_sha256 = NULL WHERE id = ? AND token_sha256 IS NOT NULL")
                .param(found.get().id()).update() != 1) {
            return Optional.empty();
        }
        return found;
    }

    private void joined(Invitation i, String userId) {
        jdbc.sql("UPDATE invitation SET accepted_at = ?, accepted_user_id = ? WHERE id = ?").params(utc(now()), userId, i.id()).update();
        if (JURY.equals(i.role())) {
            pool.add(i.cycleId(), userId, i.languages(), i.expertise());
        }
    }

    private static List<String> groupsOf(Invitation i) {
        List<String> groups = new ArrayList<>();
        if (JURY.equals(i.role())) {
            groups.add(Roles.JURY);
        } else {
            groups.add(Roles.CITY_OFFICERS);
            groups.add(i.cityGroup());
        }
        return groups;
    }

    @Override
    public boolean blocked(String clientAddress) {
        return throttle.blockedUntil(List.of(settings.invitationKey(clientAddress))).isPresent();
    }

    @Override
    public void deadLinkFrom(String clientAddress) {
        throttle.failed(List.of(settings.invitationKey(clientAddress)));
    }

    private static Invitation invitation(ResultSet rs, int row) throws SQLException {
        return new Invitation(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, UUID.class), JdbcJuryPool.words(rs.getString(7)), List.copyOf(JdbcJuryPool.words(rs.getString(8))),
                rs.getString(9), instant(rs, 10), instant(rs, 11), instant(rs, 12), rs.getString(13), instant(rs, 14));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
