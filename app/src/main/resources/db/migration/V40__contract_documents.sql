-- Contract documents and signatures (retention class: PROCUREMENT_RECORD).
-- clause_changes: the case's changes to the template, one per line (C5: …, C9: removed, +C5a Title: …).
alter table contract add column clause_changes varchar(20000);

-- Each party's decision on the exact PDF it saw: who, when, from which address, the PDF's SHA-256;
-- a decline keeps who and why. People appear only as user ids.
create table contract_acceptance (
    id              uuid primary key,
    contract_id     uuid not null,
    party           varchar(16) not null,
    decision        varchar(16) not null,
    user_id         varchar(64) not null,
    decided_at      timestamp with time zone not null,
    remote_address  varchar(64),
    pdf_sha256      varchar(64),
    reason          varchar(2000)
);
create index contract_acceptance_contract on contract_acceptance (contract_id);

-- The PDF the parties accept (frozen when the coordinator finds it compliant) and the signed PDF
-- (the accepted bytes plus the programme's PAdES signature as an incremental update).
create table contract_document (
    contract_id     uuid primary key,
    accepted_pdf    bytea not null,
    accepted_sha256 varchar(64) not null,
    frozen_at       timestamp with time zone not null,
    signed_pdf      bytea,
    signed_sha256   varchar(64),
    signed_at       timestamp with time zone
);
