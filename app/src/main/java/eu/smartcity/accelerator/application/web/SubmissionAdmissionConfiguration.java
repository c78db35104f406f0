package eu.smartcity.accelerator.application.web;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

/** {@link SubmissionAdmission} on the portal's submission path, with its two settings (docs/settings.md). */
@Configuration(proxyBeanMethods = false)
class SubmissionAdmissionConfiguration {

    @Bean
    SubmissionAdmission submissionAdmission(@Value("${accelerator.submissions.running-at-once:0}") int runningAtOnce,
            @Value("${accelerator.submissions.max-wait:15s}") Duration maxWait) {
        return new SubmissionAdmission(runningAtOnce > 0 ? runningAtOnce : SubmissionAdmission.defaultRunningAtOnce(), maxWait,
                Clock.systemUTC());
    }

    @Bean
    FilterRegistrationBean<SubmissionAdmission> submissionAdmissionFilter(SubmissionAdmission admission) {
        FilterRegistrationBean<SubmissionAdmission> registration = new FilterRegistrationBean<>(admission);
        registration.setName("submission-admission");
        registration.addUrlPatterns("/challenges/*");
        // before Spring Session and Spring Security: a submission waiting for its turn has read and checked nothing yet
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 10);
        return registration;
    }
}
