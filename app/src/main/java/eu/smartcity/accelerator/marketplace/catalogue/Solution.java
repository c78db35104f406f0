package eu.smartcity.accelerator.marketplace.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A solution in the catalogue, kept by its supplier (a company group); retention class: PUBLIC_RECORD (organisation data). */
@Entity
@Table(name = "market_solution")
public class Solution {

    @Id
    private UUID id;
    @Column(name = "supplier_group", nullable = false)
    private String supplierGroup;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String domain;
    @Column(nullable = false)
    private String description;
    private int trl;
    @Column(name = "price_model", nullable = false)
    private String priceModel;
    @Column(name = "indicative_cost", nullable = false)
    private BigDecimal indicativeCost;
    @Column(name = "min_population", nullable = false)
    private long minPopulation;
    @Column(name = "needs_city_data", nullable = false)
    private boolean needsCityData;
    @Column(name = "procurement_route", nullable = false)
    private String procurementRoute;
    private String standards;
    @Column(name = "data_hosting")
    private String dataHosting;
    private String gdpr;
    private String languages;
    @Column(name = "reference_list")
    private String references;
    @Column(name = "search_text", nullable = false)
    private String searchText;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Solution() {}

    public Solution(UUID id, String supplierGroup, Facts facts, Instant createdAt) {
        this.id = id;
        this.supplierGroup = supplierGroup;
        this.createdAt = createdAt;
        update(facts);
    }

    /** What a supplier fills in. */
    public record Facts(String name, String domain, String description, int trl, String priceModel, BigDecimal indicativeCost,
            long minPopulation, boolean needsCityData, String procurementRoute, String standards, String dataHosting,
            String gdpr, String languages, String references) {}

    public void update(Facts f) {
        this.name = f.name();
        this.domain = f.domain();
        this.description = f.description();
        this.trl = f.trl();
        this.priceModel = f.priceModel();
        this.indicativeCost = f.indicativeCost();
        this.minPopulation = f.minPopulation();
        this.needsCityData = f.needsCityData();
        this.procurementRoute = f.procurementRoute();
        this.standards = f.standards();
        this.dataHosting = f.dataHosting();
        this.gdpr = f.gdpr();
        this.languages = f.languages();
        this.references = f.references();
        this.searchText = searchText(name, description, standards, supplierGroup, domain);
    }

    /** The normalised text both databases search: lower case, single spaces. */
    public static String searchText(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                text.append(part.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim()).append(' ');
            }
        }
        String result = text.toString().trim();
        return result.length() > 8000 ? result.substring(0, 8000) : result;
    }

    public Facts facts() {
        return new Facts(name, domain, description, trl, priceModel, indicativeCost, minPopulation, needsCityData,
                procurementRoute, standards, dataHosting, gdpr, languages, references);
    }

    public UUID id() { return id; }
    public String supplierGroup() { return supplierGroup; }
    public String name() { return name; }
    public String domain() { return domain; }
    public String description() { return description; }
    public int trl() { return trl; }
    public String priceModel() { return priceModel; }
    public BigDecimal indicativeCost() { return indicativeCost; }
    public long minPopulation() { return minPopulation; }
    public boolean needsCityData() { return needsCityData; }
    public String procurementRoute() { return procurementRoute; }
    public String standards() { return standards; }
    public String dataHosting() { return dataHosting; }
    public String gdpr() { return gdpr; }
    public String languages() { return languages; }
    public String references() { return references; }
    public Instant createdAt() { return createdAt; }
}
