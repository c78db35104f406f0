package eu.smartcity.accelerator.privacy.retention;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.support.AcceleratorTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.expression.StandardBeanExpressionResolver;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * The retention schedule's switch is read when the app runs (the image's Spring AOT start fixes bean conditions at
 * build time): switched off, the cron is Spring's "-" and no task is scheduled at all.
 */
@AcceleratorTest
class RetentionSchedulingTest {

    @Autowired ScheduledTaskHolder scheduled;

    @Test
    void switchedOffByItsSettingTheDailyRunIsNotScheduled() {
        // this test context runs with accelerator.retention.scheduling.enabled=false
        assertThat(scheduled.getScheduledTasks()).extracting(task -> task.getTask().toString())
                .noneMatch(task -> task.contains("RetentionScheduling.daily"))
                .anyMatch(task -> task.contains("NotificationScheduling.send"));
    }

    @Test
    void theCronIsTheConfiguredOneWhenSwitchedOnAndSpringsDashWhenOff() throws Exception {
        assertThat(cron(Map.of())).isEqualTo("0 30 2 * * *");
        assertThat(cron(Map.of("accelerator.retention.cron", "0 15 3 * * *"))).isEqualTo("0 15 3 * * *");
        assertThat(cron(Map.of("accelerator.retention.scheduling.enabled", "false"))).isEqualTo(Scheduled.CRON_DISABLED);
    }

    /** The daily run's cron as Spring's scheduling resolves it, with these settings. */
    private static String cron(Map<String, Object> settings) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.setBeanExpressionResolver(new StandardBeanExpressionResolver());
        beans.addEmbeddedValueResolver(environment::resolvePlaceholders);
        String cron = RetentionScheduling.class.getMethod("daily").getAnnotation(Scheduled.class).cron();
        return new EmbeddedValueResolver(beans).resolveStringValue(cron);
    }
}
