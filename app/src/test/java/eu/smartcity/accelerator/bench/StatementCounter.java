package eu.smartcity.accelerator.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the application sends through its main {@link DataSource} (JPA, Flyway and Camunda
 * all use it): every {@code execute*} call, and every statement added to a JDBC batch. Used by the benchmark
 * because {@code pg_stat_statements} needs {@code shared_preload_libraries}, i.e. a server restart that would
 * break everyone else's work on a shared PostgreSQL. Flowable's own small pool is not counted (decision
 * tables are cached and its history is off, so it reads little).
 *
 * <p>Registered explicitly as a source of the benchmark's Spring application, never component-scanned
 * (no stereotype annotation), so tests never see it.
 */
public class StatementCounter implements BeanPostProcessor {

    static final AtomicLong STATEMENTS = new AtomicLong();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
            return proxy(DataSource.class, dataSource);
        }
        return bean;
    }

    private static <T> T proxy(Class<T> type, Object target) {
        InvocationHandler handler = (p, method, args) -> {
            Object result = invoke(target, method, args);
            String name = method.getName();
            if (target instanceof Statement) {
                if (name.equals("addBatch") || (name.startsWith("execute") && !name.equals("executeBatch"))) {
                    STATEMENTS.incrementAndGet();
                }
            }
            if (result instanceof Connection connection && type != Connection.class || name.equals("getConnection")) {
                return proxy(Connection.class, result);
            }
            if (result instanceof java.sql.CallableStatement s) {
                return proxy(java.sql.CallableStatement.class, s);
            }
            if (result instanceof java.sql.PreparedStatement s) {
                return proxy(java.sql.PreparedStatement.class, s);
            }
            if (result instanceof Statement s) {
                return proxy(Statement.class, s);
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
