package eu.smartcity.accelerator.contract.process;

import static eu.smartcity.accelerator.contract.ContractProcess.CONTRACT_AMOUNT;

import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.contract.ContractDocuments;
import eu.smartcity.accelerator.contract.internal.Contract;
import eu.smartcity.accelerator.contract.internal.Contracts;
import eu.smartcity.accelerator.identity.Organisations;
import eu.smartcity.accelerator.opendata.OcdsFacts;
import eu.smartcity.accelerator.opendata.OcdsPublisher;
import java.math.BigDecimal;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_ArchiveSignedContract: the accepted PDF gets the programme's PAdES signature and the signed contract is
 * published as an OCDS contract release; a replication's contract opens its own contracting process, related to the
 * original as prior.
 */
@Component("archiveSignedContract")
class ArchiveSignedContract implements JavaDelegate {

    private final Contracts contracts;
    private final OcdsPublisher ocds;
    private final ContractDocuments documents;
    private final Challenges challenges;
    private final Organisations organisations;
    private final String baseUrl;

    ArchiveSignedContract(Contracts contracts, OcdsPublisher ocds, ContractDocuments documents, Challenges challenges,
            Organisations organisations, @Value("${accelerator.public-base-url}") String baseUrl) {
        this.contracts = contracts;
        this.ocds = ocds;
        this.documents = documents;
        this.challenges = challenges;
        this.organisations = organisations;
        this.baseUrl = baseUrl;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Contract contract = ContractSteps.find(contracts, execution);
        // the accepted PDF gets the programme's PAdES signature (retried, then an incident, if the keystore fails)
        documents.sign(contract.id());
        Instant signedAt = contract.cityAcceptedAt() != null ? contract.cityAcceptedAt() : Instant.now();
        // the sealed PDF is public from now on (ContractPages#signedPdf)
        OcdsFacts.Document signedDocument = new OcdsFacts.Document("contract-" + contract.id() + "-signed", "contractSigned",
                "Signed contract (PAdES)", baseUrl + "/contracts/" + contract.id() + "/signed.pdf", signedAt);
        BigDecimal amount = CONTRACT_AMOUNT.optionalFrom(execution).map(BigDecimal::valueOf).orElse(BigDecimal.ZERO);
        if (contract.originalContractId() != null) {
            String title = challenges.find(contract.challengeId()).map(c -> "Replication: " + c.title()).orElse("Replication");
            ocds.publishReplication(new OcdsFacts.Replication(contract.id().toString(), contract.challengeId().toString(),
                    new OcdsFacts.Party(contract.cityGroup(), organisations.nameOf(contract.cityGroup())),
                    new OcdsFacts.Party(contract.companyGroup(), organisations.nameOf(contract.companyGroup())),
                    title, amount, contract.id().toString(), signedAt, signedDocument));
            return;
        }
        ocds.publishContract(new OcdsFacts.Contract(contract.challengeId().toString(), contract.id().toString(),
                contract.challengeId() + "-award-1", "Pilot contract", amount, "active", signedAt, signedDocument));
    }
}
