package eu.smartcity.accelerator.support;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A process step's variable scope without an engine, for plain unit tests of named delegates and listeners: variables
 * in a map (global and local alike), a business key; any other call fails, so a test shows what a step reads.
 */
public final class FakeScopes {

    private FakeScopes() {}

    public static DelegateExecution execution(Map<String, Object> variables, String businessKey) {
        return scope(DelegateExecution.class, new HashMap<>(variables), businessKey);
    }

    public static DelegateTask task(Map<String, Object> variables) {
        return scope(DelegateTask.class, new HashMap<>(variables), null);
    }

    /** The variables of a scope made here, as the step left them. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> variables(Object scope) {
        return (Map<String, Object>) ((Scope) Proxy.getInvocationHandler(scope)).variables;
    }

    private record Scope(Map<String, Object> variables, String businessKey) implements java.lang.reflect.InvocationHandler {
        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) {
            return switch (method.getName()) {
                case "getVariable", "getVariableLocal" -> variables.get((String) args[0]);
                case "setVariable", "setVariableLocal" -> variables.put((String) args[0], args[1]);
                case "getVariables", "getVariablesLocal" -> Map.copyOf(variables);
                case "getProcessBusinessKey", "getBusinessKey" -> businessKey;
                case "toString" -> "FakeScope" + variables;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(method.getName() + " is not faked");
            };
        }
    }

    private static <T> T scope(Class<T> type, Map<String, Object> variables, String businessKey) {
        return type.cast(Proxy.newProxyInstance(FakeScopes.class.getClassLoader(), new Class<?>[] {type},
                new Scope(variables, businessKey)));
    }
}
