package dev.backoffice.core.testing;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * The statement check every {@link TestDatabases} database runs when it is closed: each statement
 * the SDK sent to it must follow {@link TenantStatements}. A violation fails the test class that
 * closed the database (an {@link AssertionError} naming the statement and its sender).
 *
 * <p>System property {@code backoffice.statementCheck}: {@code enforce} (the default),
 * {@code report} (print violations to standard error and go on, for exploring) or {@code off}
 * (no recording at all).
 */
public final class StatementCheck {

    /** The system property that sets the mode. */
    public static final String PROPERTY = "backoffice.statementCheck";

    private StatementCheck() {
    }

    static String mode() {
        return System.getProperty(PROPERTY, "enforce").toLowerCase(Locale.ROOT);
    }

    /** {@code real} behind a recorder, unless the check is off. */
    static DataSource wrap(DataSource real) {
        return mode().equals("off") ? real : RecordingDataSource.over(real);
    }

    /** Checks what {@code dataSource} recorded, if it is a recorder. */
    static void check(DataSource dataSource) {
        if (!(dataSource instanceof RecordingDataSource recorded)) {
            return;
        }
        List<String> violations = TenantStatements.violations(recorded);
        if (violations.isEmpty()) {
            return;
        }
        String message = "statements the SDK sent without one tenant by equality (see TenantStatements):\n  "
                + String.join("\n  ", violations);
        if (mode().equals("report")) {
            System.err.println("[backoffice statement check] " + message);
        } else {
            throw new AssertionError(message);
        }
    }

    /** The recorder behind a test database's data source (the check is on unless switched off). */
    public static RecordingDataSource recorder(TestDatabase db) {
        try {
            return db.dataSource().unwrap(RecordingDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException("the statement check is off (-D" + PROPERTY + "=off)", e);
        }
    }
}
