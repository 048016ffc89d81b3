package dev.backoffice.core.jdbc;

import dev.backoffice.core.error.CoreErrorCode;
import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.validation.Check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Installs a module's schema scripts for the embedded default (and for tests).
 *
 * <p>Scripts live on the class path under {@code db/<module>/} in Flyway's naming
 * ({@code V1__ledger.sql}, {@code V2__...}), so production users may instead run them with
 * Flyway or Liquibase. This installer records what it applied in
 * {@code backoffice_schema_history} and applies only what is missing, each script in its own
 * transaction. Several JVMs installing at once are serialized by a PostgreSQL advisory lock
 * (and within one JVM by a monitor), so none sees a half-made schema.
 *
 * <p>Script format: statements end with a {@code ;} at the end of a line; {@code --} comment
 * lines are skipped.
 */
public final class SchemaInstaller {

    private static final Pattern SCRIPT_NAME = Pattern.compile("V(\\d+)__[A-Za-z0-9_]+\\.sql");
    private static final Object JVM_LOCK = new Object();

    private SchemaInstaller() {
    }

    /**
     * Applies the scripts of {@code module} that the database does not have yet; does nothing
     * when the application installs the schema itself ({@code jdbc.withSchemaInstall(false)}:
     * Flyway or Liquibase runs the same scripts).
     *
     * @param scripts file names under {@code db/<module>/}, e.g. {@code List.of("V1__ledger.sql")}
     */
    public static void install(Jdbc jdbc, String module, List<String> scripts) {
        Check.notNull(jdbc, "jdbc");
        Check.notBlank(module, "module");
        Check.notNull(scripts, "scripts");
        if (!jdbc.installsSchema()) {
            return; // the application's migrations own the schema
        }
        Jdbc db = jdbc.unfencedHelper(); // installing writes for no tenant
        synchronized (JVM_LOCK) {
            db.inTransactionRun(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE IF NOT EXISTS backoffice_schema_history ("
                            + "module VARCHAR(64) NOT NULL, version INT NOT NULL, script VARCHAR(200) NOT NULL, "
                            + "installed_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (module, version))");
                }
            });
            for (String script : scripts) {
                Matcher m = SCRIPT_NAME.matcher(script);
                Check.that(m.matches(), "scripts", "must be named like V1__name.sql", script);
                int version = Integer.parseInt(m.group(1));
                String sql = read("db/" + module + "/" + script);
                db.inTransactionRun(c -> {
                    db.dialect().advisoryLock(c, ("backoffice-schema:" + module).hashCode());
                    boolean applied = Jdbc.queryOne(c,
                            "SELECT 1 FROM backoffice_schema_history WHERE module = ? AND version = ?",
                            rs -> true, module, version).isPresent();
                    if (applied) {
                        return;
                    }
                    try (Statement st = c.createStatement()) {
                        for (String statement : statements(sql)) {
                            st.execute(statement);
                        }
                    }
                    Jdbc.update(c, "INSERT INTO backoffice_schema_history (module, version, script, installed_at) VALUES (?, ?, ?, ?)",
                            module, version, script, Instant.now());
                });
            }
        }
    }

    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                out.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static String read(String resource) {
        try (InputStream in = SchemaInstaller.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw CoreErrorCode.STORAGE_SCHEMA_MISSING.storage("schema script not found on the class path: " + resource, null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CoreErrorCode.STORAGE_SCHEMA_MISSING.storage("cannot read schema script " + resource, e);
        }
    }
}
