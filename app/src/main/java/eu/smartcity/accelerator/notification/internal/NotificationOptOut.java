package eu.smartcity.accelerator.notification.internal;

import eu.smartcity.accelerator.notification.NotificationKind;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** An optional notification kind one user switched off (retention class: PERSONAL_ACCOUNT). */
@Entity
@Table(name = "notification_opt_out")
public class NotificationOptOut {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "user_id", nullable = false)
        private String userId;
        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        private NotificationKind kind;

        protected Key() {}

        public Key(String userId, NotificationKind kind) {
            this.userId = userId;
            this.kind = kind;
        }

        public NotificationKind kind() { return kind; }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.userId.equals(userId) && k.kind == kind;
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, kind);
        }
    }

    @EmbeddedId
    private Key key;

    protected NotificationOptOut() {}

    public NotificationOptOut(String userId, NotificationKind kind) {
        this.key = new Key(userId, kind);
    }

    public NotificationKind kind() { return key.kind(); }
}
