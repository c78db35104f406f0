package eu.smartcity.accelerator.notification.internal;

import static eu.smartcity.accelerator.shared.personaldata.PersonalColumns.iso;

import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.Mentions;
import eu.smartcity.accelerator.shared.personaldata.PersonalColumns;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.shared.personaldata.RetentionClass;
import eu.smartcity.accelerator.shared.personaldata.RetentionPeriods;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person's mails (waiting, sent or given up: address, subject and body) and the optional notifications they
 * switched off (retention classes: notification PERSONAL_OPERATIONAL, notification_opt_out PERSONAL_ACCOUNT). Mails
 * to others that name the person (a coordinator told of a juror's conflict) keep their text with the person's
 * mentions ({@link Mentions}) replaced by the pseudonym, in subject, body and the dedup key (whose event may be theirs).
 */
@Component
class NotificationPersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;
    private final PersonalColumns columns;

    NotificationPersonalData(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        this.columns = new PersonalColumns(jdbc);
    }

    @Override
    public String section() {
        return "notifications";
    }

    @Override
    public Map<String, Object> export(DataSubject subject) {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("mails", jdbc.sql("""
                SELECT kind, recipient_email, language, subject, body, status, created_at, sent_at FROM notification
                WHERE recipient_user_id = ? OR LOWER(recipient_email) = ? ORDER BY created_at""")
                .params(subject.userId(), subject.emailKey())
                .query((rs, n) -> {
                    Map<String, Object> mail = new LinkedHashMap<>();
                    mail.put("kind", rs.getString(1));
                    mail.put("to", rs.getString(2));
                    mail.put("language", rs.getString(3));
                    mail.put("subject", rs.getString(4));
                    mail.put("body", rs.getString(5));
                    mail.put("status", rs.getString(6));
                    mail.put("createdAt", iso(rs.getObject(7, OffsetDateTime.class)));
                    if (rs.getObject(8) != null) {
                        mail.put("sentAt", iso(rs.getObject(8, OffsetDateTime.class)));
                    }
                    return mail;
                }).list());
        export.put("switchedOff", jdbc.sql("SELECT kind FROM notification_opt_out WHERE user_id = ? ORDER BY kind")
                .param(subject.userId()).query(String.class).list());
        return export;
    }

    @Override
    public Map<String, Integer> erase(DataSubject subject) {
        Map<String, Integer> touched = new LinkedHashMap<>();
        int mails = jdbc.sql("DELETE FROM notification WHERE recipient_user_id = ? OR LOWER(recipient_email) = ?")
                .params(subject.userId(), subject.emailKey()).update();
        mails += columns.pseudonymiseMentions("notification", "id", subject, "subject", "body", "dedup_key");
        touched.put("notification", mails);
        touched.put("notification_opt_out", jdbc.sql("DELETE FROM notification_opt_out WHERE user_id = ?").param(subject.userId()).update());
        return touched;
    }

    /** Mails sent, or given up, longer ago than the operational period (the dispatcher's own purge may be shorter). */
    @Override
    public Map<String, Integer> expire(RetentionPeriods periods, Instant now) {
        return periods.of(RetentionClass.PERSONAL_OPERATIONAL).map(period -> Map.of("notification", jdbc.sql("""
                DELETE FROM notification WHERE (status = 'SENT' AND sent_at < ?) OR (status = 'FAILED' AND created_at < ?)""")
                .params(utc(now.minus(period)), utc(now.minus(period))).update())).orElse(Map.of());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

}
