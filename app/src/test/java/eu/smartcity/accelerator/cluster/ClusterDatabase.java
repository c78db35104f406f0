package eu.smartcity.accelerator.cluster;

import eu.smartcity.accelerator.support.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh PostgreSQL database for one run, created and dropped through the superuser as {@link TestPostgres}
 * connects ({@code PGHOST}, {@code PGPORT}, {@code PGUSER}; trust auth on 127.0.0.1), owned by role
 * {@code accelerator}, which is created if missing.
 */
final class ClusterDatabase implements AutoCloseable {

    private final String name;

    private ClusterDatabase(String name) {
        this.name = name;
    }

    static ClusterDatabase create(String prefix) {
        String name = prefix + "_" + Long.toString(System.currentTimeMillis(), 36);
        try (Connection c = TestPostgres.admin(); Statement s = c.createStatement()) {
            TestPostgres.createRoleIfMissing(c);
            s.execute("CREATE DATABASE " + name + " OWNER accelerator");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " at " + TestPostgres.adminUrl() + ": " + e.getMessage(), e);
        }
        return new ClusterDatabase(name);
    }

    String name() {
        return name;
    }

    String url() {
        String admin = TestPostgres.adminUrl();
        return admin.substring(0, admin.lastIndexOf('/') + 1) + name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "accelerator", "accelerator");
    }

    long count(String sql, Object... parameters) {
        return ((Number) single(sql, parameters)).longValue();
    }

    Object single(String sql, Object... parameters) {
        List<List<Object>> rows = rows(sql, parameters);
        if (rows.size() != 1) {
            throw new IllegalStateException(rows.size() + " rows for " + sql);
        }
        return rows.get(0).get(0);
    }

    List<String> strings(String sql, Object... parameters) {
        return rows(sql, parameters).stream().map(r -> String.valueOf(r.get(0))).toList();
    }

    List<List<Object>> rows(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(r.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    int update(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        if (Boolean.getBoolean("accelerator.keep-cluster-db")) {
            return;
        }
        try (Connection c = TestPostgres.admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("could not drop " + name + ": " + e.getMessage());
        }
    }
}
