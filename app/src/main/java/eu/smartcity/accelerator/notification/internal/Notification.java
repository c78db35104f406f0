package eu.smartcity.accelerator.notification.internal;

import eu.smartcity.accelerator.notification.NotificationKind;
import eu.smartcity.accelerator.shared.NewUntilStored;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One mail to one user about one event, rendered in the user's language when the event happened
 * (retention class: PERSONAL_OPERATIONAL: it holds an address and a body).
 */
@Entity
@Table(name = "notification")
public class Notification extends NewUntilStored {

    /**
     * The id is assigned in the constructor, so Spring Data cannot tell a new row from a stored one: without this,
     * save() would SELECT by id before each INSERT (issue 19: one statement per row saved).
     */


    public enum Status { PENDING, SENDING, SENT, FAILED }

    @Id
    private UUID id;
    @Column(name = "dedup_key", nullable = false)
    private String dedupKey;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NotificationKind kind;
    @Column(name = "recipient_user_id", nullable = false)
    private String recipientUserId;
    @Column(name = "recipient_email", nullable = false)
    private String recipientEmail;
    @Column(nullable = false)
    private String language;
    @Column(nullable = false)
    private String subject;
    @Column(nullable = false)
    private String body;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;
    @Column(name = "locked_until")
    private Instant lockedUntil;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "sent_at")
    private Instant sentAt;

    protected Notification() {}

    public Notification(String dedupKey, NotificationKind kind, String recipientUserId, String recipientEmail,
            String language, String subject, String body, Instant now) {
        this.id = UUID.randomUUID();
        this.dedupKey = dedupKey;
        this.kind = kind;
        this.recipientUserId = recipientUserId;
        this.recipientEmail = recipientEmail;
        this.language = language;
        this.subject = subject;
        this.body = body;
        this.status = Status.PENDING;
        this.attempts = 0;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public UUID id() { return id; }
    public NotificationKind kind() { return kind; }
    public String recipientUserId() { return recipientUserId; }
    public String recipientEmail() { return recipientEmail; }
    public String language() { return language; }
    public String subject() { return subject; }
    public String body() { return body; }
    public Status status() { return status; }
    public int attempts() { return attempts; }
    public String lastError() { return lastError; }
    public Instant createdAt() { return createdAt; }
    public Instant nextAttemptAt() { return nextAttemptAt; }

    @Override
    public UUID getId() { return id; }


}
