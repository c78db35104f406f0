package eu.smartcity.accelerator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The contract shows what the city funds beside the pilot as a budget line of its own (the PDF's text and the
 * contract page), and the contract amount stays the pilot's.
 */
@AcceleratorTest
class ContractCityFundsTest {

    @LocalServerPort int port;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Applications applications;
    @Autowired ProcessEngine engine;

    @Test
    void theCitysExtrasAreASeparateBudgetLineAndThePilotAmountIsUnchanged() throws Exception {
        ProcessDriver driver = new ProcessDriver(engine);
        UUID cycle = cycles.open("Contract extras cycle " + UUID.randomUUID(), "scifi-2025").id();
        UUID challengeId = challenges.launch(cycle, "city-delft", new Challenges.Definition("Smart bins " + UUID.randomUUID(),
                "Bins overflow before the collection round comes.", "Fill levels", new BigDecimal("10000"),
                "Overflows per month", "nl", 6), List.of(
                        new Challenges.Extra(Challenges.ExtraKind.EQUIPMENT, "Fill-level sensors for 30 bins", new BigDecimal("4500")),
                        new Challenges.Extra(Challenges.ExtraKind.DATA_ACCESS, "Collection route data feed", new BigDecimal("500"))));
        challenges.chooseContractLanguage(challengeId, "en"); // Delft chose English (its default would be nl)
        String challengePi = challenges.find(challengeId).orElseThrow().processInstanceId();
        driver.complete(challengePi, ChallengeProcess.USER_TASK_APPROVE_CHALLENGE,
                Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        driver.runAsyncJobs(challengePi);
        UUID applicationId = applications.submit(new Applications.Submission(challengeId, "company-parkflow", "BinSense",
                "Bins that say when they are full.", new BigDecimal("9800"), 7, true, "FR", 12, true, true));

        UUID contractId = UUID.randomUUID();
        Map<String, Object> variables = new HashMap<>();
        variables.put(ContractProcess.CONTRACT_ID.name(), contractId.toString());
        variables.put(ContractProcess.CHALLENGE_ID.name(), challengeId.toString());
        variables.put(ContractProcess.APPLICATION_ID.name(), applicationId.toString());
        variables.put(ContractProcess.CYCLE_ID.name(), cycle.toString());
        variables.put(ContractProcess.CITY_GROUP.name(), "city-delft");
        variables.put(ContractProcess.COMPANY_GROUP.name(), "company-parkflow");
        variables.put(ContractProcess.SIGNATURE_WINDOW.name(), "P10D");
        variables.put(ContractProcess.CONTRACT_AMOUNT.name(), 9800.0);
        driver.runAsyncJobs(engine.getRuntimeService().startProcessInstanceByKey(ContractProcess.KEY, contractId.toString(), variables)
                .getId());

        PortalClient delft = new PortalClient(port);
        delft.login("officer-delft", "demo");
        HttpResponse<String> page = delft.get("/contracts/" + contractId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Contract amount (the pilot)").contains("€9,800.00")
                .contains("Funded by the city, outside the pilot budget")
                .contains("Equipment: Fill-level sensors for 30 bins — €4,500.00")
                .contains("Data access: Collection route data feed — €500.00");

        HttpResponse<byte[]> pdf = delft.getBytes("/contracts/" + contractId + "/contract.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Contract amount €9,800.00")
                    .contains("Funded by the city outside the pilot budget: €5,000.00")
                    .contains("Fill-level sensors for 30 bins: €4,500.00")
                    .contains("Collection route data feed: €500.00");
        }
    }
}
