package eu.smartcity.accelerator.workflow.internal;

import javax.xml.xpath.XPathFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * While Camunda builds its engine (between its plug-ins' {@code preInit} and {@code postInit}, where MyBatis reads the
 * engine's mapping files), {@link XPathFactory#newInstance()} gives {@link ChildStepXPathFactory}: the same answers,
 * without the JDK's per-evaluation walk of the document (docs/performance.md, "Start-up, round 3"). The system
 * property is set only for that stretch and given back as it was afterwards, so no other XPath in the app changes.
 */
@Component
class MapperParsingWithChildSteps extends AbstractProcessEnginePlugin {

    /** The property {@link XPathFactory#newInstance()} reads first for the DOM object model. */
    static final String PROPERTY = XPathFactory.DEFAULT_PROPERTY_NAME + ":" + XPathFactory.DEFAULT_OBJECT_MODEL_URI;

    private String before;
    private boolean set;

    @Override
    public synchronized void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!set) {
            before = System.getProperty(PROPERTY);
            System.setProperty(PROPERTY, ChildStepXPathFactory.class.getName());
            set = true;
        }
    }

    @Override
    public synchronized void postInit(ProcessEngineConfigurationImpl configuration) {
        if (set) {
            if (before == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, before);
            }
            set = false;
        }
    }
}
