package eu.smartcity.accelerator.identity.internal;

import eu.smartcity.accelerator.identity.Roles;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
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
 * A company registers itself and its first user: an organisation group {@code company-<slug>} and a user in the
 * {@code companies} role, confirmed by e-mail. The form never tells whether a user id, an e-mail address or an
 * organisation exists: every well-formed request gets the same answer ("check your mail") and one mail to the
 * address given, either with a confirmation link (valid {@code accelerator.registration.link-valid-for}, used once)
 * or saying what is taken. Following the link, the person chooses a password and the account is created.
 * Requests are throttled per client address and per e-mail address, so the form cannot be used to flood a mailbox.
 * A pending request in {@code registration_request} lives until its link expires (retention class: PERSONAL_OPERATIONAL).
 */
@Service
public class CompanyRegistration {

    private static final Logger log = LoggerFactory.getLogger(CompanyRegistration.class);

    /** {@code legalEntity} null: not answered; {@code registrationNumber} optional (e.g. a KBO/KvK/SIREN number). */
    public record Request(String organisationName, String userId, String firstName, String lastName, String email,
            Boolean legalEntity, String registrationNumber) {}

    /** A registration waiting for its link to be followed. */
    public record Pending(String organisationName, String userId, String firstName, String lastName, String email,
            Locale language, boolean legalEntity, String registrationNumber) {}

    /** The form-level problem (not a field's). */
    public static final String FORM = "form";


    private final IdentityService identity;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final RegistrationMail mail;
    private final LoginThrottle throttle;
    private final LoginSettings settings;
    private final Duration linkValidFor;
    private final String baseUrl;

    CompanyRegistration(IdentityService identity, JdbcTemplate jdbc, PlatformTransactionManager transactions, RegistrationMail mail,
            LoginThrottle throttle, LoginSettings settings,
            @Value("${accelerator.registration.link-valid-for:24h}") Duration linkValidFor,
            @Value("${accelerator.public-base-url}") String baseUrl) {
        this.identity = identity;
        this.jdbc = JdbcClient.create(jdbc);
        this.tx = new TransactionTemplate(transactions);
        this.mail = mail;
        this.throttle = throttle;
        this.settings = settings;
        this.linkValidFor = linkValidFor;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /**
     * Checks the form's fields (their form only, never whether something exists) and, when they are well-formed,
     * sends the one mail this request gets. Returns the problems per field, or under {@link #FORM} "wait" or
     * "mail not sent"; empty means "check your mail".
     */
    public Map<String, String> request(Request request, Locale language, String clientAddress) {
        Map<String, String> problems = check(request);
        if (!problems.isEmpty()) {
            return problems;
        }
        String email = request.email().strip();
        List<LoginThrottle.Key> keys = List.of(settings.registrationKey(clientAddress), settings.registrationMailKey(email));
        if (throttle.blockedUntil(keys).isPresent()) {
            return Map.of(FORM, "register.error.wait");
        }
        throttle.failed(keys); // every mail counts
        Locale lang = UserLanguageResolver.supported(language == null ? null : language.getLanguage()) != null
                ? UserLanguageResolver.supported(language.getLanguage()) : Locale.ENGLISH;
        Pending pending = new Pending(request.organisationName().strip(), request.userId(), request.firstName().strip(),
                request.lastName().strip(), email, lang, request.legalEntity(),
                request.registrationNumber() == null || request.registrationNumber().isBlank() ? null : request.registrationNumber().strip());
        try {
            tx.executeWithoutResult(status -> answerByMail(pending));
        } catch (MailException e) {
            log.warn("Registration mail to {} not sent: {}", email, e.getMessage());
            return Map.of(FORM, "register.error.mail");
        }
        return Map.of();
    }

    private void answerByMail(Pending p) {
        List<User> owners = identity.createUserQuery().userEmail(p.email()).list();
        if (!owners.isEmpty()) {
            mail.accountExists(p, owners.get(0).getId(), baseUrl + "/login");
        } else if (identity.createUserQuery().userId(p.userId()).count() > 0) {
            mail.userIdTaken(p, baseUrl + "/register");
        } else if (identity.createGroupQuery().groupId(organisationId(p.organisationName())).count() > 0) {
            mail.organisationTaken(p);
        } else {
            String token = MailedLinks.newToken();
            Instant now = throttle.now();
            jdbc.sql("""
                    INSERT INTO registration_request (token_sha256, organisation_name, user_id, first_name, last_name, email,
                        language, created_at, expires_at, legal_entity, registration_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(MailedLinks.sha256(token), p.organisationName(), p.userId(), p.firstName(), p.lastName(), p.email(),
                            p.language().getLanguage(), utc(now), utc(now.plus(linkValidFor)), p.legalEntity(), p.registrationNumber())
                    .update();
            jdbc.sql("DELETE FROM registration_request WHERE expires_at < ?").param(utc(now)).update();
            // if the mail fails the transaction rolls back: no row without its mail
            mail.confirmationLink(p, baseUrl + "/register/confirm?token=" + token, linkValidFor);
        }
    }

    /** The registration behind a link, if the link is valid and not expired. */
    public Optional<Pending> pending(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT organisation_name, user_id, first_name, last_name, email, language, legal_entity, registration_number
                FROM registration_request
                WHERE token_sha256 = ? AND expires_at > ?""")
                .params(MailedLinks.sha256(token), utc(throttle.now()))
                .query((rs, row) -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Locale.forLanguageTag(rs.getString(6)), rs.getBoolean(7), rs.getString(8)))
                .optional();
    }

    /**
     * Creates the organisation and its first user with the chosen password; the link is used up. Returns the
     * problems per field, or under {@link #FORM} when the link is no longer valid or something was taken meanwhile.
     */
    public Map<String, String> confirm(String token, String password, String passwordAgain) {
        Map<String, String> problems = new LinkedHashMap<>();
        MailedLinks.checkPassword(password, passwordAgain, problems);
        if (!problems.isEmpty()) {
            return problems;
        }
        return tx.execute(status -> {
            Optional<Pending> found = pending(token);
            // deleting first: of two confirmations at once (two nodes, a double click) only one finds the row
            if (found.isEmpty() || jdbc.sql("DELETE FROM registration_request WHERE token_sha256 = ?").param(MailedLinks.sha256(token)).update() != 1) {
                return Map.of(FORM, "register.confirm.invalid");
            }
            Pending p = found.get();
            String groupId = organisationId(p.organisationName());
            if (identity.createUserQuery().userId(p.userId()).count() > 0 || !identity.createUserQuery().userEmail(p.email()).list().isEmpty()
                    || identity.createGroupQuery().groupId(groupId).count() > 0) {
                return Map.of(FORM, "register.error.takenMeanwhile"); // the row stays deleted: register again
            }
            Group group = identity.newGroup(groupId);
            group.setName(p.organisationName());
            group.setType(Roles.ORGANISATION_TYPE);
            identity.saveGroup(group);
            jdbc.sql("INSERT INTO organisation_profile (group_id, legal_entity, registration_number) VALUES (?, ?, ?)")
                    .params(groupId, p.legalEntity(), p.registrationNumber()).update();
            IdentitySetup.createUser(identity, p.userId(), p.firstName(), p.lastName(), p.email(), password,
                    List.of(Roles.COMPANIES, groupId));
            identity.setUserInfo(p.userId(), UserLanguageResolver.USER_INFO_KEY, p.language().getLanguage());
            return Map.<String, String>of();
        });
    }

    Map<String, String> check(Request r) {
        Map<String, String> problems = new LinkedHashMap<>();
        String name = r.organisationName() == null ? "" : r.organisationName().strip();
        if (name.length() < 2 || name.length() > 120 || organisationId(name).length() <= "company-".length()) {
            problems.put("organisationName", "register.error.organisationName");
        }
        if (r.userId() == null || !r.userId().matches("[a-z0-9][a-z0-9-]{2,39}")) {
            problems.put("userId", "register.error.userId");
        }
        if (blankOrLong(r.firstName(), 60)) {
            problems.put("firstName", "register.error.name");
        }
        if (blankOrLong(r.lastName(), 60)) {
            problems.put("lastName", "register.error.name");
        }
        if (r.legalEntity() == null) {
            problems.put("legalEntity", "register.error.legalEntity");
        }
        if (r.registrationNumber() != null && !r.registrationNumber().isBlank()
                && !r.registrationNumber().strip().matches("[A-Za-z0-9 .\\-/]{2,40}")) {
            problems.put("registrationNumber", "register.error.registrationNumber");
        }
        if (r.email() == null || r.email().strip().length() > 200 || !r.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.put("email", "register.error.email");
        }
        return problems;
    }

    /** "GreenGrid BV" becomes company-greengrid-bv: readable ids, as Camunda's resource whitelist expects. */
    public static String organisationId(String organisationName) {
        String ascii = Normalizer.normalize(organisationName.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return "company-" + (slug.length() > 50 ? slug.substring(0, 50).replaceAll("-+$", "") : slug);
    }

    private static boolean blankOrLong(String value, int max) {
        return value == null || value.isBlank() || value.strip().length() > max;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
