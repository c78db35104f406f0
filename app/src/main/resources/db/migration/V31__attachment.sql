-- Uploaded PDFs (application attachments), stored in the database: outside the web root, backed up
-- with the data they belong to, and written in the same transaction (nothing half-stored).
create table attachment (
    id uuid primary key,
    owner_id uuid not null,
    file_name varchar(120) not null,
    size_bytes bigint not null,
    pages integer not null,
    sha256 varchar(64) not null,
    uploaded_by varchar(64) not null,
    uploaded_at timestamp with time zone not null,
    content bytea not null
);
create index attachment_owner on attachment (owner_id);
