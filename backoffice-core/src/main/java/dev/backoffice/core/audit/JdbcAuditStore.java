package dev.backoffice.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.backoffice.core.error.OutcomeUnknownException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.metrics.Meters;
import dev.backoffice.core.jdbc.SchemaInstaller;
import dev.backoffice.core.json.BackofficeJson;
import dev.backoffice.core.store.TenantScope;
import dev.backoffice.core.store.TenantScopedStore;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.TreeMap;

/**
 * Audit logs in a database (H2 or PostgreSQL), schema {@code db/core/V1__audit.sql}.
 *
 * <p>Appends lock the tenant's row in {@code audit_head} ({@code SELECT ... FOR UPDATE}), so
 * concurrent appenders, in one JVM or many, queue up and the chain never forks; the primary
 * key {@code (tenant_id, seq)} is a second guard. Called inside a transaction of the same
 * {@link Jdbc}, an append joins it. A tenant's log is a view made per {@link #forTenant} call,
 * holding nothing but the tenant.
 */
public final class JdbcAuditStore extends TenantScopedStore<AuditLog> implements AuditStore {

    /** Schema scripts of the audit log, under {@code db/core/}. */
    public static final List<String> SCHEMA = List.of("V1__audit.sql");

    private static final TypeReference<TreeMap<String, String>> DETAILS = new TypeReference<>() {
    };
    private static final int VERIFY_PAGE = 1000;

    private final Jdbc jdbc;
    private final Clock clock;

    private JdbcAuditStore(Jdbc jdbc, Clock clock) {
        super(Handles.PER_CALL);
        this.jdbc = Check.notNull(jdbc, "jdbc");
        this.clock = Check.notNull(clock, "clock");
    }

    /** A store over {@code jdbc}; installs the audit schema if it is missing. */
    public static JdbcAuditStore create(Jdbc jdbc, Clock clock) {
        JdbcAuditStore store = new JdbcAuditStore(jdbc, clock);
        SchemaInstaller.install(jdbc, "core", SCHEMA);
        return store;
    }

    /** A view of {@code tenant}'s log. */
    @Override
    protected AuditLog open(TenantId tenant) {
        return new Log(tenant);
    }

    private final class Log extends TenantScope implements AuditLog {

        Log(TenantId tenant) {
            super(tenant);
        }

        @Override
        public AuditRecord append(AuditEvent event) {
            Check.notNull(event, "event");
            String details = toJson(event);
            try {
                return appendOnce(event, details);
            } catch (OutcomeUnknownException e) {
                // An audit event has no identity of its own to look up (two equal events are two
                // records), so an unknown outcome is not resolved by a rerun: it is reported.
                jdbc.metrics().count(Meters.OUTCOME_UNKNOWN, 1, "module", "audit");
                throw new OutcomeUnknownException("an audit record (" + event.action() + " of " + event.subject() + " by "
                        + event.actor() + ") may or may not have been appended: read the last records of the log", e);
            }
        }

        private AuditRecord appendOnce(AuditEvent event, String details) {
            return jdbc.inTransaction(tenant, c -> {
                // Make sure the head row exists, then lock it: the queue every appender waits in.
                Jdbc.update(c, "INSERT INTO audit_head (tenant_id, last_seq, last_hash) VALUES (?, 0, ?) ON CONFLICT DO NOTHING",
                        t, AuditChain.GENESIS);
                long lastSeq;
                String lastHash;
                try (var ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE tenant_id = ? FOR UPDATE")) {
                    ps.setString(1, t);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        lastSeq = rs.getLong(1);
                        lastHash = rs.getString(2);
                    }
                }
                AuditRecord previous = lastSeq == 0 ? null
                        : new AuditRecord(tenant, lastSeq, null, null, null, lastHash);
                AuditRecord record = AuditChain.next(tenant, previous, clock.instant(), event);
                Jdbc.update(c, "INSERT INTO audit_log (tenant_id, seq, recorded_at, actor, action, subject, details, previous_hash, hash) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        t, record.sequence(), record.recordedAt(), event.actor(), event.action(), event.subject(),
                        details, record.previousHash(), record.hash());
                Jdbc.update(c, "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE tenant_id = ?",
                        record.sequence(), record.hash(), t);
                return record;
            });
        }

        @Override
        public List<AuditRecord> read(long fromSequence, int limit) {
            Check.that(fromSequence >= 1, "fromSequence", "must be at least 1", fromSequence);
            Check.positive(limit, "limit");
            return jdbc.inReadTransaction(c -> Jdbc.query(c,
                    "SELECT seq, recorded_at, actor, action, subject, details, previous_hash, hash FROM audit_log "
                            + "WHERE tenant_id = ? AND seq >= ? ORDER BY seq LIMIT ?",
                    this::map, t, fromSequence, limit));
        }

        @Override
        public long size() {
            return jdbc.inReadTransaction(c -> Jdbc.queryOne(c, "SELECT COUNT(*) FROM audit_log WHERE tenant_id = ?",
                    rs -> rs.getLong(1), t).orElse(0L));
        }

        /**
         * Reads the chain head first, then every record up to it, page by page in one
         * transaction. Records appended after the head was read are not part of this check;
         * records deleted from the end (or all of them) leave the head pointing past the chain,
         * and a record that cannot be read (details that are not JSON) is named, not thrown.
         * What this cannot see: a writer with DELETE rights on both tables who removes a tenant's
         * head and every record leaves nothing to compare with; anchor {@link AuditVerification}'s
         * figures outside the database if that matters.
         *
         * <p>A read transaction: it writes nothing, so a tenant fenced for a move
         * ({@code TenantFence}) is verified like any other (reads are never fenced).
         */
        @Override
        public AuditVerification verify() {
            return jdbc.inReadTransaction(c -> {
                long headSequence = 0;
                String headHash = AuditChain.GENESIS;
                try (var ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE tenant_id = ?")) {
                    ps.setString(1, t);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            headSequence = rs.getLong(1);
                            headHash = rs.getString(2);
                        }
                    }
                }
                AuditChain.Verifier verifier = new AuditChain.Verifier();
                long from = 1;
                boolean reading = true;
                while (reading) {
                    int rows = 0;
                    try (var ps = c.prepareStatement("SELECT seq, recorded_at, actor, action, subject, details, previous_hash, hash "
                            + "FROM audit_log WHERE tenant_id = ? AND seq >= ? AND seq <= ? ORDER BY seq LIMIT ?")) {
                        Jdbc.bind(ps, t, from, Math.max(headSequence, from), VERIFY_PAGE);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next() && reading) {
                                rows++;
                                long seq = rs.getLong("seq");
                                from = seq + 1;
                                TreeMap<String, String> details;
                                try {
                                    details = parseDetails(rs.getString("details"));
                                } catch (JsonProcessingException e) {
                                    reading = verifier.unreadable(seq, "its details are not valid JSON (" + e.getOriginalMessage() + ")");
                                    continue;
                                }
                                reading = verifier.accept(record(rs, details));
                            }
                        }
                    }
                    reading &= rows == VERIFY_PAGE;
                }
                verifier.endsAt(headSequence, headHash);
                return verifier.result();
            });
        }

        private AuditRecord map(ResultSet rs) throws SQLException {
            return record(rs, fromJson(rs.getString("details")));
        }

        private AuditRecord record(ResultSet rs, TreeMap<String, String> details) throws SQLException {
            AuditEvent event = new AuditEvent(rs.getString("actor"), rs.getString("action"), rs.getString("subject"), details);
            return new AuditRecord(tenant, rs.getLong("seq"), Jdbc.instant(rs, "recorded_at"), event,
                    rs.getString("previous_hash"), rs.getString("hash"));
        }
    }

    private static String toJson(AuditEvent event) {
        try {
            return BackofficeJson.mapper().writeValueAsString(event.details());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }

    private static TreeMap<String, String> parseDetails(String json) throws JsonProcessingException {
        return BackofficeJson.mapper().readValue(json, DETAILS);
    }

    private static TreeMap<String, String> fromJson(String json) throws SQLException {
        try {
            return parseDetails(json);
        } catch (JsonProcessingException e) {
            throw new SQLException("audit details are not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
