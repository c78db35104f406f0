package eu.smartcity.accelerator.marketplace.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A city's review of an implementation: always attributed to the city (and, for audits, the officer's user id).
 * Retention class: PUBLIC_RECORD for the review, PERSONAL_OPERATIONAL for its author (pseudonymised on erasure, cleared after the period). */
@Entity
@Table(name = "market_review")
public class Review {

    @Id
    private UUID id;
    @Column(name = "implementation_id", nullable = false)
    private UUID implementationId;
    @Column(name = "city_group", nullable = false)
    private String cityGroup;
    @Column(nullable = false)
    private String author;
    private int rating;
    @Column(name = "comment_text", nullable = false)
    private String comment;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Review() {}

    public Review(UUID implementationId, String cityGroup, String author, int rating, String comment, Instant createdAt) {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("A rating is 1 to 5, not " + rating + " (ReviewForm validates it first)");
        }
        this.id = UUID.randomUUID();
        this.implementationId = implementationId;
        this.cityGroup = cityGroup;
        this.author = author;
        this.rating = rating;
        this.comment = comment;
        this.createdAt = createdAt;
    }

    public UUID id() { return id; }
    public UUID implementationId() { return implementationId; }
    public String cityGroup() { return cityGroup; }
    public String author() { return author; }
    public int rating() { return rating; }
    public String comment() { return comment; }
    public Instant createdAt() { return createdAt; }
}
