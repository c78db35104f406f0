package eu.smartcity.accelerator.cycle.process;

import eu.smartcity.accelerator.cycle.CycleProcess;
import eu.smartcity.accelerator.cycle.Cycles;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_WriteCycleReport: the cycle is closed (if the coordinator's page did not already); its report is built from the cycle's records. */
@Component("writeCycleReport")
class WriteCycleReport implements JavaDelegate {

    private final Cycles cycles;

    WriteCycleReport(Cycles cycles) {
        this.cycles = cycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cycles.close(CycleProcess.CYCLE_ID.from(execution));
    }
}
