package eu.smartcity.accelerator.shared;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.support.AcceleratorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * Start-up (issue 19, point 6; docs/settings.md {@code spring.data.jpa.repositories.bootstrap-mode}): Hibernate's
 * EntityManagerFactory is built on a thread of its own while the main thread builds Camunda's engine. Spring Boot only
 * does so when it finds the one executor to use; a second {@code AsyncTaskExecutor} bean without the name
 * {@code applicationTaskExecutor} would silently put the build back on the main thread, and this test would fail.
 */
@AcceleratorTest
class JpaBackgroundBootstrapTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theEntityManagerFactoryIsBuiltInTheBackground() {
        LocalContainerEntityManagerFactoryBean factory = context.getBean("&entityManagerFactory", LocalContainerEntityManagerFactoryBean.class);

        assertThat(factory.getBootstrapExecutor()).as("the executor Spring Boot hands Hibernate's bootstrap").isNotNull();
        assertThat(factory.getNativeEntityManagerFactory().isOpen()).isTrue();
    }
}
