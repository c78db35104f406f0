package eu.smartcity.accelerator.application.internal;

import eu.smartcity.accelerator.application.ApplicationStatus;
import eu.smartcity.accelerator.application.Applications;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One status an application had, with when (null: before these were kept), numbered from 0 in the order it had them:
 * the company's timeline. An entity of its own since issue 19 (slice appvars): appended without loading the ones
 * before, its number counted on the application's row ({@code status_changes}), which each change updates anyway.
 */
@Entity
@Table(name = "application_status_change")
@IdClass(ApplicationStatusChange.Key.class)
class ApplicationStatusChange {

    @Id
    @Column(name = "application_id")
    private UUID applicationId;
    @Id
    @Column(name = "seq")
    private int seq;
    /** The owning side of {@code Application.history} (the column is written as the id). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "application_id", insertable = false, updatable = false)
    private Application application;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApplicationStatus status;
    @Column(name = "changed_at")
    private Instant changedAt;

    protected ApplicationStatusChange() {}

    ApplicationStatusChange(Application application, int seq, ApplicationStatus status, Instant changedAt) {
        this.applicationId = application.id();
        this.application = application;
        this.seq = seq;
        this.status = status;
        this.changedAt = changedAt;
    }

    Applications.StatusChange view() {
        return new Applications.StatusChange(status, changedAt);
    }

    /** The primary key (application, seq). */
    static class Key implements Serializable {
        private UUID applicationId;
        private int seq;

        protected Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && seq == k.seq && Objects.equals(applicationId, k.applicationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(applicationId, seq);
        }
    }
}
