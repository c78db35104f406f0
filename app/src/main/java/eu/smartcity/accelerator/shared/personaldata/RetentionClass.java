package eu.smartcity.accelerator.shared.personaldata;

/**
 * How long a kind of record is kept, and what erasure does to it. The register (docs/personal-data.md) gives each
 * table and process variable holding personal data one of these; the retention jobs enforce them. Durations are
 * settings ({@code accelerator.retention.*}), not constants.
 */
public enum RetentionClass {
    /** The file procurement law asks us to keep for audits (challenge, selection with reasons, contract, OCDS, signed
     *  PDFs, process history): kept 10 years; on erasure the organisation and role stay, the person is pseudonymised. */
    PROCUREMENT_RECORD,
    /** Published on purpose (OCDS releases, marketplace catalogue): organisation data; persons pseudonymised on erasure. */
    PUBLIC_RECORD,
    /** A person's account, roles and preferences: kept while the account is used; inactive accounts are warned,
     *  deactivated, then erased. */
    PERSONAL_ACCOUNT,
    /** Working data about a person that no audit needs (drafts, unsent or sent mails, reminders, reviews' authors,
     *  throttles, sessions, invitations): deleted on erasure and after its own short period. */
    PERSONAL_OPERATIONAL,
    /** No personal data. */
    NONE
}
