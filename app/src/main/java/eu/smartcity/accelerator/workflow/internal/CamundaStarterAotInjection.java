package eu.smartcity.accelerator.workflow.internal;

import org.springframework.aot.AotDetector;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.AutowiredAnnotationBeanPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.CommonAnnotationBeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Camunda's Spring Boot starter under Spring AOT (the app starts with {@code -Dspring.aot.enabled=true} on the code
 * generated at build time; docs/performance.md, "Start-up, round 5"). The generated code injects a bean as its
 * {@code @Bean} method declares it, and the starter declares its engine configuration parts as interfaces
 * ({@code CamundaProcessEngineConfiguration}, {@code CamundaHistoryConfiguration}, ...) whose implementations carry
 * {@code @Autowired} fields and {@code @PostConstruct} methods: left alone they stay empty and the engine build fails.
 * For those beans only (the starter's, declared as a type other than their class) this does at run time what Spring's
 * annotation processors do without AOT. Without AOT it does nothing.
 */
@Component
class CamundaStarterAotInjection implements BeanPostProcessor, BeanFactoryAware {

    private static final String STARTER = "org.camunda.bpm.spring.boot.starter.";

    private final boolean aot = AotDetector.useGeneratedArtifacts();
    private ConfigurableListableBeanFactory beans;
    private AutowiredAnnotationBeanPostProcessor fields;
    private CommonAnnotationBeanPostProcessor lifecycle;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        beans = (ConfigurableListableBeanFactory) beanFactory;
        fields = new AutowiredAnnotationBeanPostProcessor();
        fields.setBeanFactory(beanFactory);
        lifecycle = new CommonAnnotationBeanPostProcessor();
        lifecycle.setBeanFactory(beanFactory);
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (!aot || !bean.getClass().getName().startsWith(STARTER) || generatedCodeKnowsItsClass(bean, beanName)) {
            return bean;
        }
        fields.postProcessProperties(new MutablePropertyValues(), bean, beanName);
        return lifecycle.postProcessBeforeInitialization(bean, beanName);
    }

    private boolean generatedCodeKnowsItsClass(Object bean, String beanName) {
        return beans.containsBeanDefinition(beanName)
                && beans.getMergedBeanDefinition(beanName).getResolvableType().resolve() == bean.getClass();
    }
}
