package eu.smartcity.accelerator.workflow.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.smartcity.accelerator.forms.FormDefinitions;
import jakarta.servlet.Filter;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's REST doors: the allow-list ({@link EngineDoors}) and Jersey with our error mapping ({@link EngineRestResources}). */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

    /** After Spring Security (which has decided who may knock), before Jersey. */
    @Bean
    FilterRegistrationBean<Filter> engineDoors(TaskService tasks, ManagementService management, FormDefinitions forms,
            ObjectMapper json) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new EngineDoors(tasks, management, forms, json));
        registration.setName("engine-doors");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }

    @Bean
    EngineRestResources engineRestResources() {
        return new EngineRestResources();
    }
}
