package eu.smartcity.accelerator.contract;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.contract.internal.Acceptance;
import eu.smartcity.accelerator.contract.internal.Acceptances;
import eu.smartcity.accelerator.contract.internal.Contract;
import eu.smartcity.accelerator.contract.internal.ContractStatus;
import eu.smartcity.accelerator.contract.internal.ContractFile;
import eu.smartcity.accelerator.contract.internal.ContractFiles;
import eu.smartcity.accelerator.contract.internal.Contracts;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.documents.ClauseChange;
import eu.smartcity.accelerator.documents.ClauseComparison;
import eu.smartcity.accelerator.documents.ClauseComparison.ClauseView;
import eu.smartcity.accelerator.documents.ContractTemplate;
import eu.smartcity.accelerator.documents.ContractOutcomes;
import eu.smartcity.accelerator.documents.ContractTemplates;
import eu.smartcity.accelerator.documents.DocumentSigner;
import eu.smartcity.accelerator.documents.Documents;
import eu.smartcity.accelerator.documents.PadesSignatures;
import eu.smartcity.accelerator.identity.Organisations;
import eu.smartcity.accelerator.shared.IsoDurations;
import eu.smartcity.accelerator.shared.UserMessages;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contract as a document: its clauses compared with the bylaws' template, the PDF (draft while
 * negotiated; frozen when found compliant, so both parties accept the very same bytes; signed by the
 * programme when both accepted) and each party's decision on it.
 */
@Service
public class ContractDocuments implements ContractOutcomes {

    private final Contracts contracts;
    private final Acceptances acceptances;
    private final ContractFiles files;
    private final Challenges challenges;
    private final Applications applications;
    private final Cycles cycles;
    private final ContractTemplates templates;
    private final DocumentSigner signer;
    private final MessageSource messages;
    private final Organisations organisations;

    ContractDocuments(Contracts contracts, Acceptances acceptances, ContractFiles files, Challenges challenges,
            Applications applications, Cycles cycles, ContractTemplates templates, DocumentSigner signer,
            MessageSource messages, Organisations organisations) {
        this.organisations = organisations;
        this.messages = messages;
        this.contracts = contracts;
        this.acceptances = acceptances;
        this.files = files;
        this.challenges = challenges;
        this.applications = applications;
        this.cycles = cycles;
        this.templates = templates;
        this.signer = signer;
    }

    public record AcceptanceView(String party, String decision, String userId, Instant decidedAt, String remoteAddress,
            String pdfSha256, String reason) {}

    /** What the contract page shows. */
    public record ContractPage(UUID id, String title, String status, String bylawsVersion, String cityGroup, String city,
            String companyGroup, String company, List<ClauseView> clauses, long changedClauses, String requestedChanges,
            List<AcceptanceView> acceptances, String acceptedSha256, String signedSha256, Instant signedAt, boolean signed,
            String complianceRemarks, BigDecimal pilotAmount, List<Challenges.Extra> cityFunds, Locale language) {}

    @Transactional(readOnly = true)
    public Optional<ContractPage> page(UUID contractId) {
        return contracts.findById(contractId).map(contract -> {
            Case c = caseOf(contract);
            Optional<ContractFile> file = files.findById(contractId);
            List<AcceptanceView> decisions = acceptances.findByContractIdOrderByDecidedAtAsc(contractId).stream()
                    .map(a -> new AcceptanceView(a.party(), a.decision(), a.userId(), a.decidedAt(), a.remoteAddress(),
                            a.pdfSha256(), a.reason()))
                    .toList();
            return new ContractPage(contractId, c.template().title(), contract.status().name(), c.bylawsVersion(), contract.cityGroup(),
                    organisations.displayName(contract.cityGroup()), contract.companyGroup(),
                    organisations.displayName(contract.companyGroup()) /* the reader's language; the clauses are in the contract's */, c.clauses(),
                    c.clauses().stream().filter(ClauseView::changed).count(), contract.requestedChanges(), decisions,
                    file.map(ContractFile::acceptedSha256).orElse(null), file.map(ContractFile::signedSha256).orElse(null),
                    file.map(ContractFile::signedAt).orElse(null), file.map(f -> f.signedPdf() != null).orElse(false),
                    contract.complianceRemarks(), c.application().requestedBudget(), c.cityFunds(), c.language());
        });
    }

    /** The signed contract of a challenge's selected application (not a replication's), if any. */
    @Transactional(readOnly = true)
    public Optional<UUID> signedContractOf(UUID challengeId, UUID applicationId) {
        return contracts.findByChallengeIdAndApplicationIdAndOriginalContractIdIsNullAndStatus(challengeId, applicationId, ContractStatus.SIGNED)
                .stream().map(Contract::id).findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ContractOutcome> ofChallenge(UUID challengeId) {
        return contracts.findByChallengeIdAndOriginalContractIdIsNull(challengeId).stream()
                .min(java.util.Comparator.comparing((Contract c) -> c.status() == ContractStatus.SIGNED ? 0 : 1))
                .map(c -> new ContractOutcome(c.companyGroup(), c.status().name()));
    }

    /** The contract drafted for a selected application, if any (for links from the application's pages). */
    @Transactional(readOnly = true)
    public Optional<UUID> contractOfApplication(UUID applicationId) {
        return contracts.findFirstByApplicationIdAndOriginalContractIdIsNull(applicationId).map(Contract::id);
    }

    /** What a contract belongs to: its challenge and application, and the original contract a replication's starts from. */
    public record ContractOrigin(UUID challengeId, UUID applicationId, UUID originalContractId) {}

    @Transactional(readOnly = true)
    public Optional<ContractOrigin> origin(UUID contractId) {
        return contracts.findById(contractId).map(c -> new ContractOrigin(c.challengeId(), c.applicationId(), c.originalContractId()));
    }

    /** The contract's groups (city, company), to decide who may see it. */
    @Transactional(readOnly = true)
    public Optional<List<String>> parties(UUID contractId) {
        return contracts.findById(contractId).map(c -> List.of(c.cityGroup(), c.companyGroup()));
    }

    /** The PDF to download: signed if countersigned, else the frozen PDF awaiting signatures, else the current draft. */
    @Transactional(readOnly = true)
    public byte[] pdf(UUID contractId) {
        Optional<ContractFile> file = files.findById(contractId);
        if (file.isPresent()) {
            return file.get().signedPdf() != null ? file.get().signedPdf() : file.get().acceptedPdf();
        }
        return Documents.contract(document(find(contractId)));
    }

    /**
     * The contract as it stands, drawn up in another language than the one the city chose: to compare the
     * translations of the template, never to sign (the parties decide on and sign the frozen PDF only).
     */
    @Transactional(readOnly = true)
    public byte[] draftIn(UUID contractId, Locale language) {
        return Documents.contract(document(find(contractId), Documents.language(language)));
    }

    /** The signed PDF, once both parties accepted and the programme signed. */
    @Transactional(readOnly = true)
    public Optional<byte[]> signedPdf(UUID contractId) {
        return files.findById(contractId).map(ContractFile::signedPdf);
    }

    /** Checks the case's changes against the template (on the negotiation forms): a {@code RuleViolationException} on the field when wrong. */
    @Transactional(readOnly = true)
    public void checkChanges(UUID contractId, String field, String lines) {
        ClauseChange.parse(field, lines, caseOf(find(contractId)).template());
    }

    /** Found compliant: the PDF both parties will accept is rendered once and kept with its SHA-256. */
    @Transactional
    public String freeze(UUID contractId) {
        Contract contract = find(contractId);
        files.findById(contractId).ifPresent(files::delete);
        files.flush();
        byte[] pdf = Documents.contract(document(contract));
        ContractFile file = files.save(new ContractFile(contractId, pdf, PadesSignatures.sha256(pdf), Instant.now()));
        contract.readyToSign();
        return file.acceptedSha256();
    }

    /** The PDF frozen when the contract was found compliant; a decision or signature before that is a fault. */
    private ContractFile frozen(UUID contractId) {
        return files.findById(contractId).orElseThrow(() -> new IllegalStateException(
                "Contract " + contractId + " has no frozen PDF: it was not found compliant"));
    }

    /** Sent back to negotiation: the frozen PDF no longer holds. */
    @Transactional
    public void unfreeze(UUID contractId) {
        files.findById(contractId).ifPresent(files::delete);
    }

    /**
     * Records one party's decision on the frozen PDF: who, when, from where, its SHA-256 (or why it declined).
     *
     * @return the SHA-256 of the PDF the party decided on
     */
    @Transactional
    public String recordDecision(UUID contractId, String party, boolean accepted, String userId, String remoteAddress, String reason) {
        ContractFile file = frozen(contractId);
        acceptances.save(new Acceptance(contractId, party, accepted ? "ACCEPTED" : "DECLINED", userId, Instant.now(), remoteAddress,
                file.acceptedSha256(), reason));
        return file.acceptedSha256();
    }

    /** Both parties accepted: the programme signs the accepted PDF (PAdES); the signed bytes start with the accepted ones. */
    @Transactional
    public String sign(UUID contractId) {
        ContractFile file = frozen(contractId);
        if (file.signedPdf() != null) {
            return file.signedSha256();
        }
        List<Acceptance> decisions = acceptances.findByContractIdOrderByDecidedAtAsc(contractId);
        StringBuilder reason = new StringBuilder("Contract " + contractId + " accepted");
        for (Acceptance a : decisions) {
            if (a.decision().equals("ACCEPTED")) {
                reason.append("; ").append(a.party().toLowerCase(Locale.ROOT)).append(' ').append(a.userId()).append(' ').append(a.decidedAt());
            }
        }
        reason.append("; accepted PDF SHA-256 ").append(file.acceptedSha256());
        byte[] signed = signer.sign(file.acceptedPdf(), reason.toString());
        String sha = PadesSignatures.sha256(signed);
        file.signed(signed, sha, Instant.now());
        return sha;
    }

    /** Verifies the stored signed PDF against the programme's certificate. */
    @Transactional(readOnly = true)
    public PadesSignatures.Verification verify(UUID contractId) {
        return signer.verify(signedPdf(contractId).orElseThrow(() -> new NoSuchElementException("Contract " + contractId + " is not signed")));
    }

    private Contract find(UUID id) {
        return contracts.findById(id).orElseThrow(() -> new NoSuchElementException("No contract " + id));
    }

    private record Case(ContractTemplate template, String bylawsVersion, Map<String, String> values, List<ClauseView> clauses,
            Challenges.ChallengeView challenge, Applications.ApplicationView application, Bylaws bylaws,
            List<Challenges.Extra> cityFunds, Locale language) {}

    /** The language the city chose for the challenge's contract; English when the challenge is unknown. */
    private Locale contractLanguage(Contract contract) {
        return Documents.language(challenges.contractLanguage(contract.challengeId()).orElse(Locale.ENGLISH));
    }

    private Case caseOf(Contract contract) {
        return caseOf(contract, contractLanguage(contract));
    }

    private Case caseOf(Contract contract, Locale language) {
        // a contract is drafted from its challenge and the selected application: without them there is nothing to draft
        Challenges.ChallengeView challenge = challenges.find(contract.challengeId()).orElseThrow(() -> new IllegalStateException(
                "Contract " + contract.id() + " names challenge " + contract.challengeId() + ", which does not exist"));
        Applications.ApplicationView application = applications.find(contract.applicationId()).orElseThrow(() ->
                new IllegalStateException("Contract " + contract.id() + " names application " + contract.applicationId()
                        + ", which does not exist"));
        Bylaws bylaws = cycles.bylawsOf(challenge.cycleId()); // every challenge runs in a cycle (cycle_id NOT NULL)
        ContractTemplate template = templates.forBylaws(bylaws.version(), language).orElseThrow(
                () -> new NoSuchElementException("No contract template for bylaws " + bylaws.version()));
        Map<String, String> values = new HashMap<>();
        values.put("city", organisations.displayName(contract.cityGroup(), language));
        values.put("company", organisations.displayName(contract.companyGroup(), language));
        values.put("challenge", challenge.title());
        values.put("solution", application.solutionTitle());
        values.put("budget", money(application.requestedBudget(), language));
        values.put("bylawsVersion", bylaws.version());
        values.put(ContractProcess.MILESTONE_COUNT.name(), String.valueOf(bylaws.milestonesPerPilot()));
        values.put(ContractProcess.MILESTONE_CADENCE.name(), readable(bylaws.duration(ContractProcess.MILESTONE_CADENCE.name()), language));
        values.put(ContractProcess.SIGNATURE_WINDOW.name(), readable(bylaws.duration(ContractProcess.SIGNATURE_WINDOW.name()), language));
        values.put(ContractProcess.CONTRACT_ID.name(), contract.id().toString());
        List<ClauseChange> changes = ClauseChange.parse("clauseChanges", contract.clauseChanges(), template);
        return new Case(template, bylaws.version(), values, ClauseComparison.compare(template, changes, values), challenge,
                application, bylaws, challenges.extrasOf(contract.challengeId()), language);
    }

    Documents.ContractDocument document(Contract contract) {
        return document(contract, contractLanguage(contract));
    }

    Documents.ContractDocument document(Contract contract, Locale language) {
        Case c = caseOf(contract, language);
        Challenges.ChallengeView challenge = c.challenge();
        Applications.ApplicationView application = c.application();
        Bylaws bylaws = c.bylaws();
        Map<String, String> v = c.values();
        List<Documents.Annex> annexes = List.of(
                new Documents.Annex(text("pdf.annex.challenge", language), List.of(
                        entry("pdf.annex.challenge.title", challenge.title(), language),
                        entry("pdf.city", v.get("city"), language),
                        entry("pdf.annex.challenge.problem", challenge.problem(), language),
                        entry("pdf.annex.challenge.datasets", nullToDash(challenge.openDatasets()), language),
                        entry("pdf.annex.challenge.kpis", nullToDash(challenge.kpis()), language),
                        entry("pdf.annex.challenge.budgetCap", money(challenge.budgetCap(), language), language),
                        entry("pdf.annex.challenge.minTrl", String.valueOf(challenge.minTrl()), language))),
                new Documents.Annex(text("pdf.annex.application", language), List.of(
                        entry("pdf.supplier", v.get("company"), language),
                        entry("pdf.annex.application.solution", application.solutionTitle(), language),
                        entry("pdf.annex.application.pitch", application.pitch(), language),
                        entry("pdf.annex.application.budget", money(application.requestedBudget(), language), language),
                        entry("pdf.annex.application.trl", "TRL " + application.trl(), language),
                        entry("pdf.annex.application.country", application.country(), language),
                        entry("pdf.annex.application.submitted", application.submittedAt() == null ? "-"
                                : UserMessages.dateTime(application.submittedAt(), language), language))),
                new Documents.Annex(text("pdf.annex.milestones", language), milestones(bylaws, language)),
                new Documents.Annex(text("pdf.annex.budget", language), budget(application, bylaws, c.cityFunds(), language)));
        return new Documents.ContractDocument(contract.id().toString(), c.template().title(), c.bylawsVersion(), v.get("city"),
                v.get("company"), c.clauses(), annexes, language);
    }

    private String text(String code, Locale language, Object... args) {
        return messages.getMessage(code, args, language);
    }

    private Documents.Entry entry(String code, String value, Locale language) {
        return new Documents.Entry(text(code, language), value);
    }

    /**
     * The pilot's amount, then what the city funds beside it as a separate line: the city buys it, the contract
     * amount (and the cap it is checked against) stays the pilot's alone.
     */
    private List<Documents.Entry> budget(Applications.ApplicationView application, Bylaws bylaws,
            List<Challenges.Extra> cityFunds, Locale language) {
        List<Documents.Entry> entries = new java.util.ArrayList<>(List.of(
                entry("pdf.annex.budget.amount", money(application.requestedBudget(), language), language),
                entry("pdf.annex.budget.cap", money(bylaws.budgetPerPilot(), language), language),
                entry("pdf.annex.budget.payment", text("pdf.annex.budget.paymentValue", language), language)));
        if (!cityFunds.isEmpty()) {
            BigDecimal total = cityFunds.stream().map(Challenges.Extra::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            // short label: the annex's label column is narrow
            entries.add(entry("pdf.annex.budget.cityFunds", text("pdf.annex.budget.cityFundsValue", language, money(total, language)), language));
            for (Challenges.Extra e : cityFunds) {
                entries.add(new Documents.Entry("- " + e.kind().english(), e.description() + ": " + money(e.amount(), language)));
            }
        }
        return entries;
    }

    private List<Documents.Entry> milestones(Bylaws bylaws, Locale language) {
        Duration cadence = IsoDurations.parse(bylaws.duration(ContractProcess.MILESTONE_CADENCE.name()));
        return java.util.stream.IntStream.rangeClosed(1, bylaws.milestonesPerPilot())
                .mapToObj(i -> new Documents.Entry(text("pdf.annex.milestone", language, i),
                        text(i == bylaws.milestonesPerPilot() ? "pdf.annex.milestone.dueLast" : "pdf.annex.milestone.due", language,
                                cadence.multipliedBy(i).toDays())))
                .toList();
    }

    /** An amount in euro as the language writes it (e.g. "€1,500.00", "€ 1.500,00", "1 500,00 €"). */
    private static String money(BigDecimal amount, Locale language) {
        if (amount == null) {
            return "-";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.forLanguageTag(switch (language.getLanguage()) {
            case "nl" -> "nl-BE";
            case "fr" -> "fr-BE";
            default -> "en-IE";
        }));
        format.setCurrency(java.util.Currency.getInstance("EUR"));
        return format.format(amount);
    }

    private String readable(String iso, Locale language) {
        Duration d = IsoDurations.parse(iso);
        return d.toHours() % 24 == 0 ? text("pdf.duration.days", language, d.toDays()) : text("pdf.duration.hours", language, d.toHours());
    }

    private static String nullToDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
