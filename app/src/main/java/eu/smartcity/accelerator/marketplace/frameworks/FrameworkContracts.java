package eu.smartcity.accelerator.marketplace.frameworks;

import eu.smartcity.accelerator.marketplace.library.ContractDocument;
import eu.smartcity.accelerator.marketplace.library.LibraryDocuments;
import eu.smartcity.accelerator.marketplace.internal.NotFoundException;
import eu.smartcity.accelerator.identity.Organisations;
import eu.smartcity.accelerator.marketplace.FrameworkJoinProcess;
import eu.smartcity.accelerator.workflow.ProcessVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Framework contracts: a city registers one; other cities find it and ask to join ({@code framework-join}). */
@Service
public class FrameworkContracts {

    private final Frameworks frameworks;
    private final JoinRequests joinRequests;
    private final LibraryDocuments documents;
    private final RuntimeService runtime;
    private final Organisations organisations;
    private final Clock clock = Clock.systemUTC();

    FrameworkContracts(Frameworks frameworks, JoinRequests joinRequests, LibraryDocuments documents, RuntimeService runtime,
            Organisations organisations) {
        this.organisations = organisations;
        this.frameworks = frameworks;
        this.joinRequests = joinRequests;
        this.documents = documents;
        this.runtime = runtime;
    }

    /** Why a join is refused before any process starts (a message key of i18n/marketplace). */
    public static class JoinNotPossibleException extends RuntimeException {
        private final String messageKey;

        public JoinNotPossibleException(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    public record Filter(String domain, String supplier, UUID solutionId, String status) {}

    public record FrameworkView(Framework framework, boolean expired, List<JoinRequest> joinRequests, List<ContractDocument> documents) {}

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Registered by an officer of the contracting authority, with its documents (personal data removed). */
    @Transactional
    public Framework register(String authorityGroup, String userId, Framework.Terms terms, List<DocumentDraft> docs) {
        Framework framework = frameworks.save(new Framework(UUID.randomUUID(), authorityGroup, userId, terms, clock.instant()));
        for (DocumentDraft doc : docs) {
            documents.save(new ContractDocument(doc.title(), "past-contract", terms.domain(), authorityGroup, null, framework.id(),
                    doc.body(), clock.instant()));
        }
        return framework;
    }

    public record DocumentDraft(String title, String body) {}

    /** Found by domain, supplier or solution; {@code status} = {@code valid} or {@code expired} (or null for both). */
    @Transactional(readOnly = true)
    public List<Framework> find(Filter filter) {
        LocalDate today = today();
        return frameworks.findAllByOrderByValidUntilDescIdAsc().stream()
                .filter(f -> filter.domain() == null || f.domain().equals(filter.domain()))
                .filter(f -> filter.supplier() == null || f.suppliers().contains(filter.supplier()))
                .filter(f -> filter.solutionId() == null || f.solutionIds().contains(filter.solutionId()))
                .filter(f -> filter.status() == null || ("expired".equals(filter.status()) == f.expired(today)))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<FrameworkView> view(UUID id) {
        return frameworks.findById(id).map(f -> new FrameworkView(f, f.expired(today()),
                joinRequests.findByFrameworkIdOrderByRequestedAtDesc(id), documents.findAllByOrderByCreatedAtDescIdAsc().stream()
                        .filter(d -> id.equals(d.frameworkId())).toList()));
    }

    /**
     * A city officer asks to join: refused at once when the contract has expired (or is not valid yet),
     * the city is the authority itself or not among the authorities allowed to join, or the city already
     * asked or joined. Otherwise the {@code framework-join} process starts (business key = request id)
     * and the contracting authority's officers get the decision task.
     */
    @Transactional
    public JoinRequest askToJoin(UUID frameworkId, String cityGroup, String userId) {
        Framework framework = frameworks.findById(frameworkId).orElseThrow(() -> new NotFoundException("framework contract " + frameworkId));
        if (framework.expired(today())) {
            throw new JoinNotPossibleException("market.join.expired");
        }
        if (!framework.joinable(today())) {
            throw new JoinNotPossibleException("market.join.notYetValid");
        }
        if (framework.authorityGroup().equals(cityGroup)) {
            throw new JoinNotPossibleException("market.join.ownContract");
        }
        if (!framework.mayJoin(cityGroup)) {
            throw new JoinNotPossibleException("market.join.notEligible");
        }
        if (joinRequests.findByFrameworkIdOrderByRequestedAtDesc(frameworkId).stream()
                .anyMatch(r -> r.cityGroup().equals(cityGroup) && r.pendingOrApproved())) {
            throw new JoinNotPossibleException("market.join.alreadyAsked");
        }
        JoinRequest request = joinRequests.save(new JoinRequest(UUID.randomUUID(), frameworkId, cityGroup, userId, clock.instant()));
        // what the coordinators' deadline mail and the task lists call it: the contract and who asks, not the request id
        VariableMap variables = ProcessVariables.of(FrameworkJoinProcess.JOIN_REQUEST_ID.with(request.id()),
                FrameworkJoinProcess.FRAMEWORK_ID.with(frameworkId), FrameworkJoinProcess.AUTHORITY_GROUP.with(framework.authorityGroup()),
                FrameworkJoinProcess.CITY_GROUP.with(cityGroup),
                FrameworkJoinProcess.SUBJECT_TITLE.with(framework.title() + " – " + organisations.nameOf(cityGroup)));
        request.started(runtime.startProcessInstanceByKey(FrameworkJoinProcess.KEY, request.id().toString(), variables).getId());
        return request;
    }

    /** ServiceTask_CheckFrameworkOpen: still valid when the process runs? If not, the request is marked expired. */
    @Transactional
    public boolean checkOpen(UUID joinRequestId) {
        JoinRequest request = joinRequests.findById(joinRequestId).orElseThrow(() -> new NotFoundException("join request " + joinRequestId));
        boolean open = frameworks.findById(request.frameworkId()).map(f -> f.joinable(today())).orElse(false);
        if (!open) {
            request.decided(JoinRequest.EXPIRED, null, "The framework contract is no longer valid", clock.instant());
        }
        return open;
    }

    /** Complete listener of UserTask_ApproveJoin: records who of the contracting authority decided, and how. */
    @Transactional
    public JoinRequest decide(UUID joinRequestId, boolean approved, String by, String remarks) {
        JoinRequest request = joinRequests.findById(joinRequestId).orElseThrow(() -> new NotFoundException("join request " + joinRequestId));
        request.decided(approved ? JoinRequest.APPROVED : JoinRequest.REFUSED, by, remarks, Instant.now(clock));
        return request;
    }
}
