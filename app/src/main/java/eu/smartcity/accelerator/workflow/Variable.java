package eu.smartcity.accelerator.workflow;

import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;

/**
 * One process variable, declared once in its process contract ({@code ContractProcess.CONTRACT_ID}) with its name
 * and Java type; delegates, listeners, services and tests read and write it through this object instead of a string
 * and a cast. Values are stored as Camunda primitives — UUIDs as strings, choices as their wire name
 * ({@code REQUEST_CHANGES} ↔ {@code "request-changes"}, what BPMN conditions compare with) — never Java-serialized.
 *
 * <p>Why not holunda's camunda-bpm-data: it stores UUIDs and enums as object values (serialized) and brings Kotlin
 * with it; this class is the small part of it we need.
 */
public final class Variable<T> {

    private final String name;
    private final Class<T> type;
    private final Function<Object, T> read;
    private final Function<T, Object> write;
    private final boolean textAboutPeople;

    private Variable(String name, Class<T> type, Function<Object, T> read, Function<T, Object> write) {
        this(name, type, read, write, false);
    }

    private Variable(String name, Class<T> type, Function<Object, T> read, Function<T, Object> write, boolean textAboutPeople) {
        this.name = Objects.requireNonNull(name);
        this.type = type;
        this.read = read;
        this.write = write;
        this.textAboutPeople = textAboutPeople;
    }

    public static Variable<String> string(String name) {
        return new Variable<>(name, String.class, Object::toString, v -> v);
    }

    /**
     * Free text a person writes that may judge or describe people (a conflict of interest, a refusal's reason, a progress
     * report, a review): the running process reads it as any variable, but the engine's history never stores it
     * (workflow's history filter, docs/personal-data.md) — its module keeps it in its own table, where erasure and
     * retention reach it.
     */
    public static Variable<String> textAboutPeople(String name) {
        return new Variable<>(name, String.class, Object::toString, v -> v, true);
    }

    /** A UUID, stored as its string (ids travel between processes and into forms as text). */
    public static Variable<UUID> uuid(String name) {
        return new Variable<>(name, UUID.class, v -> v instanceof UUID u ? u : UUID.fromString(v.toString()), UUID::toString);
    }

    public static Variable<Boolean> bool(String name) {
        return new Variable<>(name, Boolean.class, v -> v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString()), v -> v);
    }

    public static Variable<Integer> integer(String name) {
        return new Variable<>(name, Integer.class, v -> v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString()), v -> v);
    }

    public static Variable<Long> longInteger(String name) {
        return new Variable<>(name, Long.class, v -> v instanceof Number n ? n.longValue() : Long.parseLong(v.toString()), v -> v);
    }

    public static Variable<Double> decimal(String name) {
        return new Variable<>(name, Double.class, v -> v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString()), v -> v);
    }

    /** A point in time, stored as a Camunda date (timer {@code timeDate} expressions read it). */
    public static Variable<Date> date(String name) {
        return new Variable<>(name, Date.class, v -> (Date) v, v -> v);
    }

    /** One of an enum's constants, stored as its {@linkplain #wireName wire name}. */
    public static <E extends Enum<E>> Variable<E> choice(String name, Class<E> type) {
        return new Variable<>(name, type, v -> parse(type, v.toString()), Variable::wireName);
    }

    /** The text a choice is stored as and BPMN compares with: {@code SEND_BACK} → {@code "send-back"}. */
    public static String wireName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> E parse(Class<E> type, String wire) {
        for (E constant : type.getEnumConstants()) {
            if (wireName(constant).equals(wire) || constant.name().equals(wire)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("'" + wire + "' is not a " + type.getSimpleName());
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    /** Whether this is {@linkplain #textAboutPeople free text about people}, which history never stores. */
    public boolean isTextAboutPeople() {
        return textAboutPeople;
    }

    /** The value a step cannot do without: missing, it is an error naming the variable (its incident says so). */
    public T from(VariableScope scope) {
        return read(required(scope.getVariable(name)));
    }

    public Optional<T> optionalFrom(VariableScope scope) {
        return Optional.ofNullable(scope.getVariable(name)).map(read);
    }

    /** The value on this scope only (a multi-instance seat, a task), required. */
    public T fromLocal(VariableScope scope) {
        return read(required(scope.getVariableLocal(name)));
    }

    public Optional<T> optionalFromLocal(VariableScope scope) {
        return Optional.ofNullable(scope.getVariableLocal(name)).map(read);
    }

    /** From a map of variables (a form submission, {@code runtimeService.getVariables}). */
    public Optional<T> optionalFrom(Map<String, ?> variables) {
        return Optional.ofNullable(variables.get(name)).map(read);
    }

    /** From a map of variables, required: missing, it is an error naming the variable. */
    public T from(Map<String, ?> variables) {
        return read(required(variables.get(name)));
    }

    /**
     * The value a form should have supplied, which a step checks in its own words: missing or not of this type
     * ({@code "maybe"} for a choice, text for a number), {@code refusal} gets what was there and returns the error
     * to throw (a {@code RuleViolationException} with its message key).
     */
    public T checkedFrom(VariableScope scope, Function<Object, ? extends RuntimeException> refusal) {
        Object raw = scope.getVariable(name);
        if (raw != null) {
            try {
                return read.apply(raw);
            } catch (RuntimeException notOfThisType) {
                // refused below, in the step's words
            }
        }
        throw refusal.apply(raw);
    }

    /** Whether the scope holds exactly this value as stored ({@code "approve"}); missing or anything else is not it. */
    public boolean holds(VariableScope scope, T value) {
        return Objects.equals(stored(value), scope.getVariable(name));
    }

    /** A raw value as the engine returned it ({@code runtimeService.getVariable(id, X.name())}); null stays null. */
    public T read(Object raw) {
        return raw == null ? null : read.apply(raw);
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, stored(value));
    }

    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, stored(value));
    }

    /** What the engine stores for a value (for {@code runtimeService.setVariable}, start and correlation maps). */
    public Object stored(T value) {
        return value == null ? null : write.apply(value);
    }

    /** This variable with a value, for {@link ProcessVariables#of}. */
    public Map.Entry<String, Object> with(T value) {
        return new java.util.AbstractMap.SimpleImmutableEntry<>(name, stored(value));
    }

    /**
     * This variable with a transient value, for a value only the step right after reads in the same transaction (a
     * gateway routing on a message's outcome): Camunda never inserts, deletes or writes it to history. Not over a
     * stored value of the same name in the same scope, which Camunda refuses.
     */
    public Map.Entry<String, Object> withTransient(T value) {
        Object stored = stored(value);
        return new java.util.AbstractMap.SimpleImmutableEntry<>(name, stored == null ? null : Variables.untypedValue(stored, true));
    }

    private Object required(Object value) {
        if (value == null) {
            throw new IllegalStateException("Process variable '" + name + "' is missing");
        }
        return value;
    }

    @Override
    public String toString() {
        return name + " (" + type.getSimpleName() + ")";
    }
}
