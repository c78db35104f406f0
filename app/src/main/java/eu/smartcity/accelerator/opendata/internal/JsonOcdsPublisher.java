package eu.smartcity.accelerator.opendata.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.smartcity.accelerator.opendata.OcdsFacts;
import eu.smartcity.accelerator.opendata.OcdsPublisher;
import eu.smartcity.accelerator.opendata.OcdsValidator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds OCDS 1.1.5 releases from facts, validates each in a package, then stores it. */
@Service
class JsonOcdsPublisher implements OcdsPublisher {

    private final OcdsReleases releases;
    private final OcdsPackages packages;
    private final OcdsValidator validator;
    private final ObjectMapper json;
    private final String ocidPrefix;

    JsonOcdsPublisher(OcdsReleases releases, OcdsPackages packages, OcdsValidator validator, ObjectMapper json,
            @Value("${accelerator.ocds.ocid-prefix}") String ocidPrefix) {
        this.releases = releases;
        this.packages = packages;
        this.validator = validator;
        this.json = json;
        this.ocidPrefix = ocidPrefix;
    }

    @Override
    public String ocidFor(String challengeId) {
        return ocidPrefix + "-" + challengeId;
    }

    @Override
    @Transactional
    public String publishTender(OcdsFacts.Tender t) {
        ObjectNode release = release(t.challengeId(), "tender", t.publishedAt());
        party(release, t.buyer(), "buyer", "procuringEntity");
        release.set("buyer", organisationReference(t.buyer()));
        ObjectNode tender = release.putObject("tender");
        tender.put("id", t.challengeId());
        tender.put("title", t.title());
        tender.put("description", t.description());
        tender.put("status", "active");
        tender.put("procurementMethod", "open");
        tender.put("procurementMethodDetails", "Smart City Accelerator open call for pilots");
        tender.put("mainProcurementCategory", "services");
        value(tender.putObject("value"), t.budgetCap());
        items(tender, t);
        ObjectNode period = tender.putObject("tenderPeriod");
        period.put("startDate", t.callOpens().toString());
        period.put("endDate", t.callCloses().toString());
        tender.put("eligibilityCriteria", t.eligibilityCriteria());
        tender.put("awardCriteria", "ratedCriteria");
        tender.put("awardCriteriaDetails", t.awardCriteria());
        tender.putArray("submissionMethod").add("electronicSubmission");
        documents(tender, t.documents());
        relatedProcesses(release, t.relatedProcesses());
        return store(release, "tender");
    }

    @Override
    @Transactional
    public String publishReplication(OcdsFacts.Replication r) {
        ObjectNode release = release(r.replicationId(), "tender", r.signedAt());
        ((ArrayNode) release.get("tag")).add("award").add("contract");
        party(release, r.buyer(), "buyer", "procuringEntity");
        party(release, r.supplier(), "supplier", "tenderer");
        release.set("buyer", organisationReference(r.buyer()));
        ObjectNode tender = release.putObject("tender");
        tender.put("id", r.replicationId());
        tender.put("title", r.title());
        tender.put("status", "complete");
        // no new call: the city adopts a pilot that another city's open call selected and evaluated
        tender.put("procurementMethod", "limited");
        tender.put("procurementMethodDetails", "Replication of an evaluated Smart City Accelerator pilot");
        tender.put("mainProcurementCategory", "services");
        String awardId = r.replicationId() + "-award-1";
        ObjectNode award = release.putArray("awards").addObject();
        award.put("id", awardId);
        award.put("title", r.title());
        award.put("status", "active");
        award.put("date", r.signedAt().toString());
        value(award.putObject("value"), r.amount());
        award.putArray("suppliers").add(organisationReference(r.supplier()));
        ObjectNode contract = release.putArray("contracts").addObject();
        contract.put("id", r.contractId());
        contract.put("awardID", awardId);
        contract.put("title", r.title());
        contract.put("status", "active");
        contract.put("dateSigned", r.signedAt().toString());
        value(contract.putObject("value"), r.amount());
        if (r.signedDocument() != null) {
            documents(contract, List.of(r.signedDocument()));
        }
        relatedProcesses(release, List.of(new OcdsFacts.RelatedProcess("prior", ocidFor(r.originalChallengeId()),
                "The original pilot")));
        return store(release, "tender");
    }

    @Override
    @Transactional
    public String publishFrameworkJoin(OcdsFacts.FrameworkJoin j) {
        ObjectNode release = release(j.joinId(), "tender", j.approvedAt());
        party(release, j.buyer(), "buyer", "procuringEntity");
        release.set("buyer", organisationReference(j.buyer()));
        ObjectNode tender = release.putObject("tender");
        tender.put("id", j.joinId());
        tender.put("title", "Joining " + j.frameworkTitle());
        tender.put("status", "complete");
        // no competition of its own: the city buys under another authority's framework contract
        tender.put("procurementMethod", "limited");
        tender.put("procurementMethodDetails", "Joining a framework contract of " + j.authority().name()
                + ", approved by that contracting authority");
        tender.put("mainProcurementCategory", "services");
        // the framework contract is registered in the marketplace, not an OCDS process of ours: internal id
        relatedProcesses(release, List.of(new OcdsFacts.RelatedProcess("framework", "framework-" + j.frameworkId(),
                j.frameworkTitle())));
        return store(release, "tender");
    }

    /**
     * Core OCDS 1.1.5 has no budget breakdown (planning.budget holds one amount; budgetBreakdown is an extension), so
     * the tender lists items: the pilot (unit value = the cap, the tender's value) and each city-funded extra
     * (unit value = its amount), classified by kind. tender.value stays the pilot's cap: the extras are bought by
     * the city, not awarded to the supplier, so the value of what is tendered does not include them.
     */
    private static void items(ObjectNode tender, OcdsFacts.Tender t) {
        if (t.cityFunds().isEmpty()) {
            return;
        }
        ArrayNode items = tender.putArray("items");
        item(items.addObject(), "pilot", "PILOT", "Pilot", "The pilot, up to the cap per pilot", t.budgetCap());
        int n = 1;
        for (OcdsFacts.CityFund f : t.cityFunds()) {
            item(items.addObject(), "city-funded-" + n++, f.kind(), f.kindName(),
                    "Funded by the city, outside the pilot budget: " + f.description(), f.amount());
        }
    }

    private static void item(ObjectNode item, String id, String kind, String kindName, String description, BigDecimal amount) {
        item.put("id", id);
        item.put("description", description);
        ObjectNode classification = item.putObject("classification");
        classification.put("scheme", "x_accelerator"); // open codelist: our own kinds, no CPV code fits "data access"
        classification.put("id", kind);
        classification.put("description", kindName);
        item.put("quantity", 1);
        ObjectNode unit = item.putObject("unit");
        unit.put("name", "lump sum");
        value(unit.putObject("value"), amount);
    }

    private void relatedProcesses(ObjectNode release, List<OcdsFacts.RelatedProcess> processes) {
        if (processes.isEmpty()) {
            return;
        }
        ArrayNode related = release.putArray("relatedProcesses");
        int n = 1;
        for (OcdsFacts.RelatedProcess p : processes) {
            ObjectNode r = related.addObject();
            r.put("id", String.valueOf(n++));
            r.putArray("relationship").add(p.relationship());
            r.put("title", p.title());
            r.put("scheme", p.ocidOrId().startsWith(ocidPrefix) ? "ocid" : "internal");
            r.put("identifier", p.ocidOrId());
        }
    }

    @Override
    @Transactional
    public String publishAward(OcdsFacts.Award a) {
        ObjectNode release = release(a.challengeId(), "award", a.decidedAt());
        party(release, a.supplier(), "supplier", "tenderer");
        ObjectNode tender = release.putObject("tender");
        tender.put("id", a.challengeId());
        tender.put("status", "complete");
        ObjectNode award = release.putArray("awards").addObject();
        award.put("id", a.awardId());
        award.put("title", a.title());
        award.put("status", "active");
        award.put("date", a.decidedAt().toString());
        value(award.putObject("value"), a.amount());
        award.putArray("suppliers").add(organisationReference(a.supplier()));
        return store(release, "award");
    }

    @Override
    @Transactional
    public String publishContract(OcdsFacts.Contract c) {
        ObjectNode release = release(c.challengeId(), "contract", c.date());
        ObjectNode contract = release.putArray("contracts").addObject();
        contract.put("id", c.contractId());
        contract.put("awardID", c.awardId());
        contract.put("title", c.title());
        contract.put("status", c.status());
        value(contract.putObject("value"), c.amount());
        if ("active".equals(c.status())) {
            contract.put("dateSigned", c.date().toString());
        }
        if (c.signedDocument() != null) {
            documents(contract, List.of(c.signedDocument()));
        }
        return store(release, "contract");
    }

    @Override
    @Transactional
    public String publishImplementation(OcdsFacts.Implementation i) {
        ObjectNode release = release(i.challengeId(), "implementation", i.date());
        ObjectNode contract = release.putArray("contracts").addObject();
        contract.put("id", i.contractId());
        contract.put("awardID", i.awardId());
        ArrayNode milestones = contract.putObject("implementation").putArray("milestones");
        for (OcdsFacts.Milestone m : i.milestones()) {
            ObjectNode milestone = milestones.addObject();
            milestone.put("id", m.id());
            milestone.put("title", m.title());
            milestone.put("type", "delivery");
            milestone.put("status", m.status());
            if (m.dueDate() != null) {
                milestone.put("dueDate", m.dueDate().atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toString());
            }
            if (m.dateMet() != null) {
                milestone.put("dateMet", m.dateMet().toString());
            }
        }
        return store(release, "implementation");
    }

    private ObjectNode release(String challengeId, String tag, Instant date) {
        String ocid = ocidFor(challengeId);
        ObjectNode release = json.createObjectNode();
        release.put("ocid", ocid);
        release.put("id", ocid + "-" + tag + "-" + (releases.countByOcidAndTag(ocid, tag) + 1));
        release.put("date", date.toString());
        release.putArray("tag").add(tag);
        release.put("initiationType", "tender"); // required in every release: every challenge is an open call
        release.put("language", "en");
        return release;
    }

    private String store(ObjectNode release, String tag) {
        // Validated as part of a package, exactly as it will be served; invalid → nothing stored.
        validator.requireValid(packages.packageOf(List.of(release), release.get("ocid").asText()));
        try {
            releases.save(new OcdsRelease(release.get("ocid").asText(), release.get("id").asText(), tag,
                    Instant.parse(release.get("date").asText()), json.writeValueAsString(release)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return release.get("id").asText();
    }

    private void party(ObjectNode release, OcdsFacts.Party party, String... roles) {
        ObjectNode p = release.withArray("parties").addObject();
        p.put("id", party.id());
        p.put("name", party.name());
        ArrayNode r = p.putArray("roles");
        for (String role : roles) {
            r.add(role);
        }
    }

    private ObjectNode organisationReference(OcdsFacts.Party party) {
        ObjectNode ref = json.createObjectNode();
        ref.put("id", party.id());
        ref.put("name", party.name());
        return ref;
    }

    private static void value(ObjectNode value, BigDecimal amount) {
        value.put("amount", amount);
        value.put("currency", "EUR");
    }

    private static void documents(ObjectNode parent, List<OcdsFacts.Document> documents) {
        if (documents.isEmpty()) {
            return;
        }
        ArrayNode array = parent.putArray("documents");
        for (OcdsFacts.Document d : documents) {
            ObjectNode doc = array.addObject();
            doc.put("id", d.id());
            doc.put("documentType", d.documentType());
            doc.put("title", d.title());
            doc.put("url", d.url());
            doc.put("datePublished", d.datePublished().toString());
            doc.put("format", "application/pdf");
        }
    }
}
