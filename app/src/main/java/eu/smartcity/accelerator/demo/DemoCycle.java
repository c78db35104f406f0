package eu.smartcity.accelerator.demo;

import eu.smartcity.accelerator.workflow.ProcessVariables;
import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.evaluation.EvaluationProcess;
import eu.smartcity.accelerator.pilot.PilotProcess;
import eu.smartcity.accelerator.pilot.ReplicationProcess;
import eu.smartcity.accelerator.shared.DemoData;
import eu.smartcity.accelerator.workflow.ProcessVariables;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo content (default profile, once, on an empty database): a cycle under the second bylaws whose
 * challenges stand at every stage — open call, jury review, contracting, piloting, evaluated, and a
 * replication of the evaluated pilot — all driven through the real processes, so every kind of task
 * is waiting for someone in Tasklist and the portal, and the OCDS feed has releases at every stage.
 */
@Component
@Order(10)
class DemoCycle implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCycle.class);
    private static final List<String> JURY = List.of("jury-an", "jury-ben", "jury-chloe");

    private final Cycles cycles;
    private final Challenges challenges;
    private final Applications applications;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final ProcessDriver driver;
    private final boolean enabled;

    DemoCycle(Cycles cycles, Challenges challenges, Applications applications, ProcessEngine engine,
            TaskCompletions completions, @Value(DemoData.ENABLED) boolean demoData, @Value(DemoData.CYCLE) boolean cycle) {
        this.enabled = demoData && cycle;
        this.cycles = cycles;
        this.challenges = challenges;
        this.applications = applications;
        this.runtime = engine.getRuntimeService();
        this.history = engine.getHistoryService();
        this.driver = new ProcessDriver(engine, completions);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !cycles.all().isEmpty()) {
            return; // demo content exists (or real data): never add it twice
        }
        create();
    }

    /** The demo cycle, also for browser tests that need pages at every stage on a database that has other cycles. */
    UUID create() {
        long started = System.currentTimeMillis();
        UUID cycle = cycles.open("Smart City Accelerator 2025", "scifi-2025").id();

        Stage open = publish(cycle, "city-mechelen", "Smart parking with open data",
                "Drivers circle for a free spot in the historic centre. Guide them with the city's open parking data.");
        apply(open, "urbansense", "BE", 9_500, 7, "ParkSense in-ground sensors for the historic centre",
                "Magnetic sensors under 400 street spaces report a free place within 30 seconds; the occupancy joins "
                        + "Mechelen's open parking data as an NGSI-LD feed and drives the dynamic signs at the ring road.");
        apply(open, "parkflow", "FR", 8_000, 6, "ParkFlow guidance to the nearest free space",
                "Our app reads the open occupancy API of Mechelen's car parks and counts at the entry roads, and guides "
                        + "drivers straight to a free space instead of circling the centre.");

        Stage jury = publish(cycle, "city-bruges", "Air quality sensors near schools",
                "Parents ask how clean the air is at the school gate. Measure it and publish it as open data.");
        apply(jury, "greengrid", "NL", 7_500, 7, "SchoolAir NO2 and PM2.5 sensors at twelve school gates",
                "Calibrated sensors at the gates of twelve Bruges schools measure NO2 and PM2.5 every ten minutes; the "
                        + "readings are open data (CSV and SensorThings API) with a weekly summary for parents.");
        apply(jury, "urbansense", "BE", 9_000, 8, "CleanAir traffic-light dashboard for schools",
                "Sensors on school walls, checked against the regional air-quality open data, give every school a "
                        + "live green-amber-red dashboard and warn when the school street should close to cars.");
        // TRL below the minimum: told why it is ineligible
        apply(jury, "parkflow", "FR", 6_000, 4, "AirCheck sensors on bicycle couriers",
                "A prototype: couriers' bikes carry sensors that map the air around schools, combined with the "
                        + "city's open traffic counts; tested on two routes so far.");
        closeCall(jury);
        scoreAs(jury, "jury-an"); // one of three jury members done: the jury is at work

        Stage contracting = publish(cycle, "city-delft", "Smarter waste collection routes",
                "Collection trucks drive fixed rounds. Plan them on fill-level data from the containers.");
        apply(contracting, "parkflow", "FR", 9_800, 7, "RouteWise collection rounds planned on fill levels",
                "Plans each day's rounds of Delft's trucks on the fill levels of the underground containers and the "
                        + "city's open road-works data, skipping containers that are less than 60 % full.");
        apply(contracting, "greengrid", "NL", 9_000, 6, "BinLevel ultrasonic fill sensors with route planner",
                "Retrofit ultrasonic sensors for Delft's underground containers publish their fill levels as open data "
                        + "and feed the route planner the waste service already uses.");
        selectWinner(contracting);

        Stage piloting = publish(cycle, "city-saint-quentin", "Participation platform for neighbourhood budgets",
                "Residents propose and vote on small projects for their neighbourhood, in French and English.");
        apply(piloting, "urbansense", "BE", 9_900, 8, "QuartierVote participatory budget platform",
                "Residents of Saint-Quentin propose and vote on projects online and in the libraries; projects, votes "
                        + "and budgets are published as open data on the city's neighbourhood boundaries.");
        selectWinner(piloting);
        signContract(piloting);
        startPilot(piloting);

        Stage evaluated = publish(cycle, "city-mechelen", "Noise monitoring in the city centre",
                "Night-time noise complaints rise. Measure noise continuously and share the data with residents.");
        apply(evaluated, "greengrid", "NL", 8_500, 7, "NightNoise sound level network",
                "Twenty class-1 sound level meters in the city centre measure night-time noise continuously; residents "
                        + "follow them on a map built on the city's open data portal.");
        selectWinner(evaluated);
        signContract(evaluated);
        startPilot(evaluated);
        finishPilot(evaluated);
        evaluate(evaluated);

        replicate(cycle, evaluated, "city-delft");
        log.info("Demo cycle ready in {} ms: challenges at open call, jury review, contracting, piloting, evaluated, replicated",
                System.currentTimeMillis() - started);
        return cycle;
    }

    record Stage(UUID challengeId, String processInstanceId) {}

    private Stage publish(UUID cycle, String city, String title, String problem) {
        UUID id = challenges.launch(cycle, city, new Challenges.Definition(title, problem,
                "Open data portal of the city (CSV and API)", new BigDecimal("10000"), "Defined with the city's services",
                "nl, fr, en", 6));
        String pi = challenges.find(id).orElseThrow().processInstanceId();
        driver.complete(pi, ChallengeProcess.USER_TASK_APPROVE_CHALLENGE, Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        return new Stage(id, pi);
    }

    /** An application as a company would write it: its solution's name and a pitch naming the open data it uses. */
    private void apply(Stage stage, String company, String country, long budget, int trl, String title, String pitch) {
        applications.submit(new Applications.Submission(stage.challengeId(), "company-" + company, title, pitch,
                BigDecimal.valueOf(budget), trl, true, country, 25, true, true));
    }

    private void closeCall(Stage stage) {
        driver.fireTimer(stage.processInstanceId(), ChallengeProcess.TIMER_CALL_WINDOW_OVER);
    }

    private void scoreAs(Stage stage, String member) {
        String pi = stage.processInstanceId();
        driver.complete(driver.taskOf(pi, ChallengeProcess.USER_TASK_DECLARE_CONFLICT, member),
                Map.of(ChallengeProcess.CONFLICT_DECISION.name(), ChallengeProcess.ConflictDecision.NONE.wire()), pi);
        int rank = 0;
        for (Task task : driver.tasks(pi, ChallengeProcess.USER_TASK_SCORE_APPLICATION)) {
            if (member.equals(task.getAssignee())) {
                long score = 8 - rank++;
                Map<String, Object> scores = new HashMap<>();
                for (String criterion : Bylaws.CRITERIA) {
                    scores.put(criterion, score);
                }
                driver.complete(task, scores, pi);
            }
        }
    }

    private void selectWinner(Stage stage) {
        closeCall(stage);
        JURY.forEach(member -> scoreAs(stage, member));
        driver.complete(stage.processInstanceId(), ChallengeProcess.USER_TASK_APPROVE_SELECTION,
                Map.of(ChallengeProcess.SELECTION_DECISION.name(), ChallengeProcess.SelectionDecision.APPROVE.wire()));
    }

    private void signContract(Stage stage) {
        String pi = stage.processInstanceId();
        // one negotiation round: the contract then differs from the template in two clauses
        driver.complete(pi, ContractProcess.USER_TASK_REVIEW_DRAFT, ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.REQUEST_CHANGES),
                ContractProcess.REQUESTED_CHANGES.with("C5: payment in two instalments\nC9: notice of 30 days")));
        driver.complete(pi, ContractProcess.USER_TASK_ANSWER_CHANGES, ProcessVariables.of(ContractProcess.AGREED_CHANGES.with("C5: The City pays the amount of Annex D in two instalments: half at kick-off, half after the final demo, "
                        + "each within 30 days of the invoice.\n"
                        + "+C5a Insurance: The Supplier holds liability insurance for equipment placed in public space.\n"
                        + "C9 stays as in the template.")));
        driver.complete(pi, ContractProcess.USER_TASK_REVIEW_DRAFT, ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.AGREE)));
        driver.complete(pi, ContractProcess.USER_TASK_CHECK_COMPLIANCE, ProcessVariables.of(ContractProcess.COMPLIANCE_DECISION.with(ContractProcess.ComplianceDecision.COMPLIES)));
        driver.complete(pi, ContractProcess.USER_TASK_SIGN_AS_COMPANY, ProcessVariables.of(ContractProcess.COMPANY_SIGNS.with(true)));
        driver.complete(pi, ContractProcess.USER_TASK_SIGN_AS_CITY, ProcessVariables.of(ContractProcess.CITY_DECISION.with(ContractProcess.CityDecision.SIGN)));
    }

    private void startPilot(Stage stage) {
        String pi = stage.processInstanceId();
        driver.complete(pi, PilotProcess.USER_TASK_KICK_OFF, ProcessVariables.of(PilotProcess.KICKOFF_NOTES.with("Scope, contacts and planning agreed")));
        driver.complete(pi, PilotProcess.USER_TASK_CHECK_INFRASTRUCTURE,
                ProcessVariables.of(PilotProcess.CONNECTIVITY.with(PilotProcess.Answer.YES), PilotProcess.POWER.with(PilotProcess.Answer.YES), PilotProcess.SIM_NETWORK.with(PilotProcess.Answer.YES), PilotProcess.DATA_ACCESS.with(PilotProcess.Answer.YES)));
    }

    private void finishPilot(Stage stage) {
        String pi = stage.processInstanceId();
        int milestones = ChallengeProcess.MILESTONE_COUNT.read(runtime.getVariable(pi, ChallengeProcess.MILESTONE_COUNT.name()));
        for (int milestone = 1; milestone <= milestones; milestone++) {
            driver.complete(pi, PilotProcess.USER_TASK_REPORT_PROGRESS, ProcessVariables.of(PilotProcess.PROGRESS.with("Milestone " + milestone + " reached"),
                    PilotProcess.MILESTONE_MET.with(PilotProcess.Answer.YES)));
            driver.complete(pi, PilotProcess.USER_TASK_REVIEW_PROGRESS, ProcessVariables.of(PilotProcess.PROGRESS_DECISION.with(PilotProcess.ProgressDecision.CONTINUE)));
        }
        driver.complete(pi, PilotProcess.USER_TASK_DEMO, ProcessVariables.of(PilotProcess.DEMO_NOTES.with("Residents and the support group saw it working")));
    }

    private void evaluate(Stage stage) {
        String pi = stage.processInstanceId();
        driver.complete(pi, EvaluationProcess.USER_TASK_KPI_RESULTS, ProcessVariables.of(
                EvaluationProcess.KPI_NAME.with("Night-time noise complaints per month"), EvaluationProcess.KPI_TARGET.with(40.0),
                EvaluationProcess.KPI_RESULT.with(31.0)));
        driver.complete(pi, EvaluationProcess.USER_TASK_SURVEY_AND_BEHAVIOUR,
                ProcessVariables.of(EvaluationProcess.SURVEY_SCORE.with(58.0), EvaluationProcess.MEASURED_SCORE.with(74.0)));
        driver.complete(pi, EvaluationProcess.USER_TASK_DECIDE_VERDICT, ProcessVariables.of(
                EvaluationProcess.VERDICT.with(EvaluationProcess.Verdict.REPLICATE),
                EvaluationProcess.VERDICT_REASON.with("KPI met; other cities asked for it")));
    }

    private void replicate(UUID cycle, Stage original, String city) {
        Bylaws bylaws = cycles.bylawsOf(cycle);
        UUID pilotId = PilotProcess.PILOT_ID.read(history.createHistoricVariableInstanceQuery().processInstanceId(original.processInstanceId())
                .variableName(PilotProcess.PILOT_ID.name()).singleResult().getValue()); // the evaluated challenge has ended
        Map<String, Object> variables = new HashMap<>();
        variables.put(ReplicationProcess.ORIGINAL_PILOT_ID.name(), ReplicationProcess.ORIGINAL_PILOT_ID.stored(pilotId));
        variables.put(ReplicationProcess.CYCLE_ID.name(), ReplicationProcess.CYCLE_ID.stored(cycle));
        variables.put(ReplicationProcess.CITY_GROUP.name(), city);
        variables.put(ChallengeProcess.COMPANY_GROUP.name(), "company-greengrid");
        variables.put(ChallengeProcess.CONTRACT_AMOUNT.name(), 8500.0);
        variables.put(ChallengeProcess.MILESTONE_COUNT.name(), ChallengeProcess.MILESTONE_COUNT.stored(bylaws.milestonesPerPilot()));
        for (String duration : ChallengeProcess.DURATIONS) {
            variables.put(duration, bylaws.duration(duration));
        }
        String pi = runtime.startProcessInstanceByKey(ReplicationProcess.KEY, UUID.randomUUID().toString(), variables).getId();
        driver.complete(pi, ReplicationProcess.USER_TASK_SUPPLIER_CONFIRMS,
                ProcessVariables.of(ReplicationProcess.REPLICATION_DECISION.with(ReplicationProcess.ReplicationDecision.CONFIRM)));
    }
}
