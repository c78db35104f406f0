package eu.smartcity.accelerator.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.apache.ibatis.builder.xml.XMLMapperEntityResolver;
import org.apache.ibatis.parsing.XPathParser;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The child-step XPath gives exactly the JDK's answers (the same nodes, in the same order) on every mapping file of
 * Camunda's engine, read as MyBatis reads them: every expression MyBatis asks, every element's child names from that
 * element, every element's path from the root, unions of names; and the JDK answers whatever is not a plain child step.
 */
class ChildStepXPathFactoryTest {

    private static final List<String> MYBATIS = List.of("/configuration", "properties", "settings", "typeAliases", "plugins",
            "objectFactory", "objectWrapperFactory", "reflectorFactory", "environments", "databaseIdProvider", "typeHandlers",
            "mappers", "/mapper", "cache-ref", "cache", "/mapper/parameterMap", "/mapper/resultMap", "/mapper/sql",
            "select|insert|update|delete", "selectKey");

    private final XPath jdk = XPathFactory.newDefaultInstance().newXPath();
    private final XPath childSteps = new ChildStepXPathFactory().newXPath();

    @Test
    void answersAsTheJdkOnEveryCamundaMappingFile() throws Exception {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:org/camunda/bpm/engine/impl/mapping/**/*.xml");
        assertThat(files).hasSizeGreaterThan(40);
        int compared = 0;
        int answeredHere = 0;
        for (Resource file : files) {
            Document document;
            try (InputStream in = file.getInputStream()) {
                XPathParser parser = new XPathParser(in, false, new Properties(), new XMLMapperEntityResolver());
                Node root = parser.evalNode("/*").getNode();
                document = root.getOwnerDocument();
            }
            List<Element> elements = new ArrayList<>();
            collect(document.getDocumentElement(), elements);
            for (Element element : elements) {
                Set<String> expressions = new LinkedHashSet<>(MYBATIS);
                Set<String> childNames = new LinkedHashSet<>();
                for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child instanceof Element e) {
                        childNames.add(e.getNodeName());
                    }
                }
                expressions.addAll(childNames);
                if (childNames.size() > 1) {
                    expressions.add(String.join("|", childNames));
                }
                expressions.add(pathOf(element));
                expressions.add("sql/include"); // two steps, relative
                for (String expression : expressions) {
                    for (QName type : List.of(XPathConstants.NODESET, XPathConstants.NODE)) {
                        assertThat(answer(childSteps, expression, element, type)).as("%s from <%s> in %s as %s", expression,
                                element.getNodeName(), file.getFilename(), type).isEqualTo(answer(jdk, expression, element, type));
                        compared++;
                    }
                    if (ChildStepXPathFactory.childSteps(expression, element) != null) {
                        answeredHere++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(5_000);
        assertThat(answeredHere).isGreaterThan(2_000);
    }

    @Test
    void leavesEverythingElseToTheJdk() throws Exception {
        Document document = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        Element mapper = document.createElement("mapper");
        document.appendChild(mapper);
        mapper.appendChild(document.createElement("select"));
        assertThat(ChildStepXPathFactory.childSteps("select", mapper)).hasSize(1);
        for (String other : List.of("//select", "select[@id]", "select | insert", "@id", "text()", "*", "a:b", "../mapper", "count(x)", "")) {
            assertThat(ChildStepXPathFactory.childSteps(other, mapper)).as(other).isNull();
        }
        assertThat(ChildStepXPathFactory.childSteps("select|insert", "not a node")).isNull();
    }

    /** Only while the engine is built: the property is given back as it was, and the engine still builds. */
    @Test
    void onlyWhileTheEngineIsBuilt() {
        String before = System.getProperty(MapperParsingWithChildSteps.PROPERTY);
        MapperParsingWithChildSteps plugin = new MapperParsingWithChildSteps();
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        plugin.preInit(configuration);
        assertThat(XPathFactory.newInstance()).isInstanceOf(ChildStepXPathFactory.class);
        plugin.postInit(configuration);
        assertThat(System.getProperty(MapperParsingWithChildSteps.PROPERTY)).isEqualTo(before);
        assertThat(XPathFactory.newInstance()).isNotInstanceOf(ChildStepXPathFactory.class);
    }

    private static Object answer(XPath xpath, String expression, Node item, QName type) throws Exception {
        Object result = xpath.evaluate(expression, item, type);
        if (result instanceof NodeList list) {
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < list.getLength(); i++) {
                nodes.add(list.item(i));
            }
            return new IdentityList(nodes);
        }
        return result instanceof Node node ? new IdentityList(List.of(node)) : result;
    }

    /** Nodes compared by identity, in order. */
    private record IdentityList(List<Node> nodes) {
        @Override
        public boolean equals(Object other) {
            if (!(other instanceof IdentityList that) || that.nodes.size() != nodes.size()) {
                return false;
            }
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.get(i) != that.nodes.get(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return nodes.size();
        }

        @Override
        public String toString() {
            return nodes.stream().map(n -> n.getNodeName() + (n instanceof Element e ? "#" + e.getAttribute("id") : "")).toList().toString();
        }
    }

    private static void collect(Element element, List<Element> into) {
        into.add(element);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                collect(e, into);
            }
        }
    }

    private static String pathOf(Element element) {
        StringBuilder path = new StringBuilder();
        for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
            path.insert(0, "/" + e.getNodeName());
        }
        return path.toString();
    }
}
