package eu.smartcity.accelerator.cycle.process;

import eu.smartcity.accelerator.cycle.Cycles;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Steps of the accelerator-cycle process. */
@Configuration(proxyBeanMethods = false)
class CycleDelegates {

    /** ServiceTask_WriteCycleReport: the cycle closes; its report is built from the cycle's records. */
    @Bean
    JavaDelegate writeCycleReport(Cycles cycles) {
        return execution -> cycles.close(UUID.fromString((String) execution.getVariable("cycleId")));
    }
}
