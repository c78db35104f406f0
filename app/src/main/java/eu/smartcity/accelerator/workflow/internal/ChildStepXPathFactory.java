package eu.smartcity.accelerator.workflow.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFactoryConfigurationException;
import javax.xml.xpath.XPathFunctionResolver;
import javax.xml.xpath.XPathVariableResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The JDK's XPath for DOM, except that the plain child steps MyBatis asks for while it reads Camunda's mapping files
 * ({@code /mapper}, {@code /mapper/sql}, {@code select|insert|update|delete}, {@code selectKey}, ...: element names,
 * optionally from the root, or one step of names joined by {@code |}) as a node set or a node are answered by walking
 * the element's children. The JDK wraps the whole document in a new DTM for every evaluation and walks it up to the
 * context node, and MyBatis evaluates once per statement: that was a third of the engine's start (docs/performance.md,
 * "Start-up, round 3"). Everything else (other expressions, other result types, namespaced or prefixed elements) goes
 * to the JDK's XPath unchanged. Used only while Camunda builds its engine ({@link MapperParsingWithChildSteps}).
 * {@code ChildStepXPathFactoryTest} compares both on every expression of every mapping file.
 */
public final class ChildStepXPathFactory extends XPathFactory {

    /** Names, optionally from the root, separated by '/'; or a single step of names joined by '|'. No prefixes. */
    private static final Pattern PATH = Pattern.compile("/?[A-Za-z_][\\w.-]*(/[A-Za-z_][\\w.-]*)*");
    private static final Pattern UNION = Pattern.compile("[A-Za-z_][\\w.-]*(\\|[A-Za-z_][\\w.-]*)+");

    private final XPathFactory jdk = XPathFactory.newDefaultInstance();

    /** Public and without arguments: {@link XPathFactory#newInstance()} makes it from the system property. */
    public ChildStepXPathFactory() {
    }

    @Override
    public boolean isObjectModelSupported(String objectModel) {
        return XPathFactory.DEFAULT_OBJECT_MODEL_URI.equals(objectModel);
    }

    @Override
    public void setFeature(String name, boolean value) throws XPathFactoryConfigurationException {
        jdk.setFeature(name, value);
    }

    @Override
    public boolean getFeature(String name) throws XPathFactoryConfigurationException {
        return jdk.getFeature(name);
    }

    @Override
    public void setXPathVariableResolver(XPathVariableResolver resolver) {
        jdk.setXPathVariableResolver(resolver);
    }

    @Override
    public void setXPathFunctionResolver(XPathFunctionResolver resolver) {
        jdk.setXPathFunctionResolver(resolver);
    }

    @Override
    public XPath newXPath() {
        return new ChildStepXPath(jdk.newXPath());
    }

    /**
     * The elements {@code expression} selects from {@code item}, in document order; null when it is not a plain child
     * path on a plain DOM node (the JDK answers those).
     */
    static List<Node> childSteps(String expression, Object item) {
        if (!(item instanceof Node context)) {
            return null;
        }
        String[][] steps;
        boolean fromRoot = expression.startsWith("/");
        if (UNION.matcher(expression).matches()) {
            steps = new String[][] {expression.split("\\|")};
        } else if (PATH.matcher(expression).matches()) {
            String[] names = (fromRoot ? expression.substring(1) : expression).split("/");
            steps = new String[names.length][];
            for (int i = 0; i < names.length; i++) {
                steps[i] = new String[] {names[i]};
            }
        } else {
            return null;
        }
        List<Node> current = new ArrayList<>();
        if (fromRoot) {
            Document document = context instanceof Document d ? d : context.getOwnerDocument();
            if (document == null) {
                return null;
            }
            current.add(document);
        } else {
            current.add(context);
        }
        for (String[] names : steps) {
            List<Node> next = new ArrayList<>();
            for (Node parent : current) {
                for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child.getNodeType() != Node.ELEMENT_NODE) {
                        continue;
                    }
                    Element element = (Element) child;
                    String name = element.getNodeName();
                    if (element.getNamespaceURI() != null || name.indexOf(':') >= 0) {
                        return null; // namespaces: the JDK's rules
                    }
                    for (String wanted : names) {
                        if (wanted.equals(name)) {
                            next.add(element);
                            break;
                        }
                    }
                }
            }
            current = next;
        }
        return current;
    }

    private record Nodes(List<Node> nodes) implements NodeList {

        @Override
        public Node item(int index) {
            return index >= 0 && index < nodes.size() ? nodes.get(index) : null;
        }

        @Override
        public int getLength() {
            return nodes.size();
        }
    }

    private record ChildStepXPath(XPath jdk) implements XPath {

        @Override
        public Object evaluate(String expression, Object item, QName returnType) throws XPathExpressionException {
            if (XPathConstants.NODESET.equals(returnType) || XPathConstants.NODE.equals(returnType)) {
                List<Node> nodes = childSteps(expression, item);
                if (nodes != null) {
                    return XPathConstants.NODESET.equals(returnType) ? new Nodes(nodes) : nodes.isEmpty() ? null : nodes.get(0);
                }
            }
            return jdk.evaluate(expression, item, returnType);
        }

        @Override
        public void reset() {
            jdk.reset();
        }

        @Override
        public void setXPathVariableResolver(XPathVariableResolver resolver) {
            jdk.setXPathVariableResolver(resolver);
        }

        @Override
        public XPathVariableResolver getXPathVariableResolver() {
            return jdk.getXPathVariableResolver();
        }

        @Override
        public void setXPathFunctionResolver(XPathFunctionResolver resolver) {
            jdk.setXPathFunctionResolver(resolver);
        }

        @Override
        public XPathFunctionResolver getXPathFunctionResolver() {
            return jdk.getXPathFunctionResolver();
        }

        @Override
        public void setNamespaceContext(NamespaceContext context) {
            jdk.setNamespaceContext(context);
        }

        @Override
        public NamespaceContext getNamespaceContext() {
            return jdk.getNamespaceContext();
        }

        @Override
        public XPathExpression compile(String expression) throws XPathExpressionException {
            return jdk.compile(expression);
        }

        @Override
        public String evaluate(String expression, Object item) throws XPathExpressionException {
            return jdk.evaluate(expression, item);
        }

        @Override
        public Object evaluate(String expression, InputSource source, QName returnType) throws XPathExpressionException {
            return jdk.evaluate(expression, source, returnType);
        }

        @Override
        public String evaluate(String expression, InputSource source) throws XPathExpressionException {
            return jdk.evaluate(expression, source);
        }
    }
}
