package eu.smartcity.accelerator.workflow.internal;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads rule id → {@code <description>} (the rule's annotation) from a DMN file. */
final class RuleAnnotations {

    private RuleAnnotations() {}

    static Map<String, String> read(InputStream dmn) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader reader = factory.createXMLStreamReader(dmn);
        Map<String, String> annotations = new HashMap<>();
        String rule = null;
        int depthInRule = 0;
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamReader.START_ELEMENT) {
                    if ("rule".equals(reader.getLocalName())) {
                        rule = reader.getAttributeValue(XMLConstants.NULL_NS_URI, "id");
                        depthInRule = 0;
                    } else if (rule != null) {
                        depthInRule++;
                        if (depthInRule == 1 && "description".equals(reader.getLocalName())) {
                            annotations.put(rule, reader.getElementText().trim());
                            depthInRule--; // getElementText consumed the end tag
                        }
                    }
                } else if (event == XMLStreamReader.END_ELEMENT && rule != null) {
                    if ("rule".equals(reader.getLocalName()) && depthInRule == 0) {
                        rule = null;
                    } else {
                        depthInRule--;
                    }
                }
            }
        } finally {
            reader.close();
        }
        return annotations;
    }
}
