package eu.smartcity.accelerator.marketplace.frameworks;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A framework contract a city (the contracting authority) concluded, which other authorities may join
 * (retention class: PUBLIC_RECORD; registered_by is a user id, pseudonymised on erasure). */
@Entity
@Table(name = "market_framework")
public class Framework {

    @Id
    private UUID id;
    @Column(nullable = false)
    private String title;
    @Column(name = "authority_group", nullable = false)
    private String authorityGroup;
    @Column(nullable = false)
    private String domain;
    private String description;
    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;
    @Column(name = "valid_until", nullable = false)
    private LocalDate validUntil;
    @Column(name = "open_to_all", nullable = false)
    private boolean openToAll;
    @Column(name = "registered_by", nullable = false)
    private String registeredBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "market_framework_lot", joinColumns = @JoinColumn(name = "framework_id"))
    @OrderColumn(name = "lot_no")
    @Column(name = "lot")
    private List<String> lots = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "market_framework_supplier", joinColumns = @JoinColumn(name = "framework_id"))
    @Column(name = "supplier_group")
    private Set<String> suppliers = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "market_framework_solution", joinColumns = @JoinColumn(name = "framework_id"))
    @Column(name = "solution_id")
    private Set<UUID> solutionIds = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "market_framework_authority", joinColumns = @JoinColumn(name = "framework_id"))
    @Column(name = "city_group")
    private Set<String> eligibleAuthorities = new LinkedHashSet<>();

    protected Framework() {}

    public record Terms(String title, String domain, String description, LocalDate validFrom, LocalDate validUntil,
            List<String> lots, Set<String> suppliers, Set<UUID> solutionIds, boolean openToAll, Set<String> eligibleAuthorities) {}

    public Framework(UUID id, String authorityGroup, String registeredBy, Terms terms, Instant createdAt) {
        this.id = id;
        this.authorityGroup = authorityGroup;
        this.registeredBy = registeredBy;
        this.createdAt = createdAt;
        this.title = terms.title();
        this.domain = terms.domain();
        this.description = terms.description();
        this.validFrom = terms.validFrom();
        this.validUntil = terms.validUntil();
        this.lots.addAll(terms.lots());
        this.suppliers.addAll(terms.suppliers());
        this.solutionIds.addAll(terms.solutionIds());
        this.openToAll = terms.openToAll();
        this.eligibleAuthorities.addAll(terms.eligibleAuthorities());
    }

    /** Expired after its last day of validity; not yet valid before its first. */
    public boolean expired(LocalDate today) {
        return today.isAfter(validUntil);
    }

    public boolean joinable(LocalDate today) {
        return !expired(today) && !today.isBefore(validFrom);
    }

    public boolean mayJoin(String cityGroup) {
        return !authorityGroup.equals(cityGroup) && (openToAll || eligibleAuthorities.contains(cityGroup));
    }

    public UUID id() { return id; }
    public String title() { return title; }
    public String authorityGroup() { return authorityGroup; }
    public String domain() { return domain; }
    public String description() { return description; }
    public LocalDate validFrom() { return validFrom; }
    public LocalDate validUntil() { return validUntil; }
    public boolean openToAll() { return openToAll; }
    public String registeredBy() { return registeredBy; }
    public List<String> lots() { return List.copyOf(lots); }
    public Set<String> suppliers() { return Set.copyOf(suppliers); }
    public Set<UUID> solutionIds() { return Set.copyOf(solutionIds); }
    public Set<String> eligibleAuthorities() { return Set.copyOf(eligibleAuthorities); }
}
