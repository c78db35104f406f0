package eu.smartcity.accelerator.contract.internal;

import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.ExportedFile;
import eu.smartcity.accelerator.shared.personaldata.PersonalColumns;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.shared.personaldata.RetentionClass;
import eu.smartcity.accelerator.shared.personaldata.RetentionPeriods;
import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A person in the contract module: the officer who accepted or declined a contract (who, when, from which address,
 * why), and the person as named in the negotiated changes and the coordinator's compliance remarks. Contracts,
 * decisions and their PDFs are PROCUREMENT_RECORD: erasure keeps them with the organisation and the party, replaces
 * the user id by the pseudonym, removes the remote address and the person from free text. The signed PDF is the
 * legal record and is kept byte for byte: the user ids in its signature are part of the contract.
 */
@Component
class ContractPersonalData implements PersonalDataHolder {

    private static final List<String> CONTRACT_USERS = List.of("company_accepted_by", "city_accepted_by", "declined_by");
    private static final List<String> CONTRACT_TEXTS = List.of("decline_reason", "requested_changes", "agreed_changes",
            "clause_changes", "compliance_remarks");
    /** The contract's last decision: when its user ids stop being needed is counted from here. */
    private static final String LAST_DECISION = "(select max(a.decided_at) from contract_acceptance a where a.contract_id = contract.id)";

    private final JdbcTemplate jdbc;
    private final PersonalColumns columns;

    ContractPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.columns = new PersonalColumns(jdbc);
    }

    @Override
    public String section() {
        return "contracts";
    }

    @Override
    public Map<String, Object> export(DataSubject subject) {
        Map<String, Object> export = new LinkedHashMap<>();
        List<Map<String, Object>> contracts = columns.rowsOf("contract", "id, challenge_id, city_group, company_group, status, "
                + String.join(", ", CONTRACT_USERS) + ", company_accepted_at, city_accepted_at, " + String.join(", ", CONTRACT_TEXTS),
                subject, CONTRACT_USERS, CONTRACT_TEXTS, "id");
        List<Map<String, Object>> decisions = columns.rowsOf("contract_acceptance",
                "contract_id, party, decision, user_id, decided_at, remote_address, pdf_sha256, reason", subject, List.of("user_id"),
                List.of("reason"), "decided_at");
        // a decision of someone else that names them: that person's address is not theirs to see
        decisions.forEach(d -> {
            if (!d.containsKey("user_id")) {
                d.remove("remote_address");
            }
        });
        if (!contracts.isEmpty()) {
            export.put("contracts", contracts);
        }
        if (!decisions.isEmpty()) {
            export.put("decisions", decisions);
        }
        return export;
    }

    /** The PDF each decision of theirs was made on: the signed one once countersigned. */
    @Override
    public List<ExportedFile> files(DataSubject subject) {
        List<UUID> contracts = jdbc.queryForList("select distinct d.contract_id from contract_document d join contract_acceptance a "
                + "on a.contract_id = d.contract_id where a.user_id = ? order by d.contract_id", UUID.class, subject.userId());
        return contracts.stream().map(id -> new ExportedFile("contracts/" + id + "/contract.pdf", "application/pdf",
                () -> new ByteArrayInputStream(jdbc.queryForObject(
                        "select coalesce(signed_pdf, accepted_pdf) from contract_document where contract_id = ?", byte[].class, id))))
                .toList();
    }

    @Override
    public Map<String, Integer> erase(DataSubject subject) {
        int contracts = 0;
        for (String column : CONTRACT_USERS) {
            contracts += columns.pseudonymise("contract", column, subject);
        }
        contracts += columns.pseudonymiseMentions("contract", "id", subject, CONTRACT_TEXTS.toArray(String[]::new));
        int decisions = jdbc.update("update contract_acceptance set user_id = ?, remote_address = null where user_id = ?",
                subject.pseudonym(), subject.userId()) + columns.pseudonymiseMentions("contract_acceptance", "id", subject, "reason");
        Map<String, Integer> touched = new LinkedHashMap<>();
        touched.put("contract", contracts);
        touched.put("contract_acceptance", decisions);
        touched.put("contract_document", 0);
        return touched;
    }

    /** Ten years (PROCUREMENT_RECORD) after a decision, who made it and from where is forgotten; the contract stays. */
    @Override
    public Map<String, Integer> expire(RetentionPeriods periods, Instant now) {
        return periods.of(RetentionClass.PROCUREMENT_RECORD).map(period -> {
            Instant cutoff = now.minus(period);
            int contracts = columns.expireUserIds("contract", "company_accepted_by", "company_accepted_at", cutoff)
                    + columns.expireUserIds("contract", "city_accepted_by", "city_accepted_at", cutoff)
                    + columns.expireUserIds("contract", "declined_by", LAST_DECISION, cutoff);
            int decisions = jdbc.update("update contract_acceptance set remote_address = null where remote_address is not null "
                    + "and decided_at < ?", Timestamp.from(cutoff))
                    + columns.expireUserIds("contract_acceptance", "user_id", "decided_at", cutoff);
            Map<String, Integer> touched = new LinkedHashMap<>();
            touched.put("contract", contracts);
            touched.put("contract_acceptance", decisions);
            return touched;
        }).orElse(Map.of());
    }
}
