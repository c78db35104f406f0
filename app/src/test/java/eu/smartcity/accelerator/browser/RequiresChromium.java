package eu.smartcity.accelerator.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A browser test class that is skipped, with the reason in the test report, where Debian's chromium
 * and chromium-driver are not installed (a developer's machine). The condition is evaluated before
 * the class starts, so no application context is started for nothing. .ci/run installs both on CI.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresChromium.Condition.class)
@interface RequiresChromium {

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return Browser.installed() ? ConditionEvaluationResult.enabled("Chromium and chromedriver found")
                    : ConditionEvaluationResult.disabled(Browser.NOT_INSTALLED);
        }
    }
}
