package dev.backoffice.core.store.move;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * PostgreSQL's {@code COPY} through pgjdbc's {@link CopyManager}, for {@link TenantRows}: rows
 * stream from one server to the other as the servers' own text format (every type written and
 * read by the server, escaping included), one row in memory at a time. Loaded only when both
 * databases are PostgreSQL, so pgjdbc stays an optional dependency of core.
 */
final class PostgresCopy {

    private PostgresCopy() {
    }

    /**
     * Runs {@code out} ({@code COPY (SELECT ...) TO STDOUT}) on {@code source} and feeds every
     * row to {@code in} ({@code COPY t (...) FROM STDIN}) on {@code target}, hashing the rows
     * into {@code digest} as they pass. Both connections stay in their transactions.
     *
     * @return rows copied
     */
    static long copy(Connection source, Connection target, String out, String in, MessageDigest digest) throws SQLException {
        CopyManager from = source.unwrap(PGConnection.class).getCopyAPI();
        CopyManager to = target.unwrap(PGConnection.class).getCopyAPI();
        CopyOut reading = from.copyOut(out);
        CopyIn writing = to.copyIn(in);
        long rows = 0;
        try {
            byte[] row;
            while ((row = reading.readFromCopy()) != null) {
                digest.update(row);
                writing.writeToCopy(row, 0, row.length);
                rows++;
            }
            writing.endCopy();
        } finally {
            if (reading.isActive()) {
                reading.cancelCopy();
            }
            if (writing.isActive()) {
                writing.cancelCopy();
            }
        }
        return rows;
    }

    /** Hashes the rows of {@code out} ({@code COPY (SELECT ...) TO STDOUT}) into {@code digest}; answers how many. */
    static long hash(Connection c, String out, MessageDigest digest) throws SQLException {
        CopyOut reading = c.unwrap(PGConnection.class).getCopyAPI().copyOut(out);
        long rows = 0;
        try {
            byte[] row;
            while ((row = reading.readFromCopy()) != null) {
                digest.update(row);
                rows++;
            }
        } finally {
            if (reading.isActive()) {
                reading.cancelCopy();
            }
        }
        return rows;
    }
}
