package dev.backoffice.docs.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.backoffice.core.error.OutcomeUnknownException;
import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.metrics.Meters;
import dev.backoffice.core.jdbc.SchemaInstaller;
import dev.backoffice.core.json.BackofficeJson;
import dev.backoffice.core.store.TenantScope;
import dev.backoffice.core.store.TenantScopedStore;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.docs.ContentHash;
import dev.backoffice.docs.DocsErrorCode;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentClass;
import dev.backoffice.docs.DocumentId;
import dev.backoffice.docs.DocumentQuery;
import dev.backoffice.docs.DocumentReads;
import dev.backoffice.docs.DocumentStore;
import dev.backoffice.docs.DocumentTx;
import dev.backoffice.docs.DocumentVersion;
import dev.backoffice.docs.HoldId;
import dev.backoffice.docs.LegalHold;
import dev.backoffice.docs.Lifecycle;
import dev.backoffice.docs.OwnerRef;
import dev.backoffice.docs.TenantDocumentStore;
import dev.backoffice.docs.retention.RetentionPolicy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Documents in a database (H2 or PostgreSQL), schema {@code db/docs/V1__docs.sql} and
 * {@code V2__docs_retention_extension.sql} (a person's extension, stored apart from the policy's date).
 *
 * <p>Handles are made per call ({@code forTenant} is cheap and keeps nothing).
 * {@link TenantDocumentStore#write} is one {@link Jdbc} transaction (joining one in progress); a {@code JdbcAuditStore}
 * over the same data source joins it, so each disposal and its certificate commit together.
 * The tenant lock is a {@code SELECT ... FOR UPDATE} of the tenant's row in {@code docs_tenant};
 * lifecycle changes are compare-and-set updates on (lifecycle, trigger_date, retain_until,
 * version_count, extended_until). The due listing reads the index {@code (tenant_id, lifecycle, retain_until, id)}.
 */
public final class JdbcDocumentStore extends TenantScopedStore<TenantDocumentStore> implements DocumentStore {

    /** Schema scripts, under {@code db/docs/}. */
    public static final List<String> SCHEMA = List.of("V1__docs.sql", "V2__docs_retention_extension.sql");

    private static final String DOC_COLUMNS = "d.id, d.doc_class, d.title, d.media_type, d.created_at, d.lifecycle, "
            + "d.trigger_date, d.retain_until, d.disposed_at, d.version_count, d.extended_until";

    private final Jdbc jdbc;

    /**
     * The due listing: parameters tenant, asOf, [cursor retainUntil, cursor id,] limit. A range
     * scan of {@code docs_document_due}; see {@code PostgresDueIndexTest} for the plan.
     */
    static String dueSql(boolean withCursor) {
        return "SELECT " + DOC_COLUMNS + " FROM docs_document d WHERE d.tenant_id = ? AND d.lifecycle = 'ACTIVE'"
                + " AND d.retain_until < ?"
                + (withCursor ? " AND (d.retain_until, d.id) > (?, ?)" : "")
                + " ORDER BY d.retain_until, d.id LIMIT ?";
    }

    private JdbcDocumentStore(Jdbc jdbc) {
        super(Handles.PER_CALL); // a handle is a view: nothing per tenant is kept
        this.jdbc = jdbc;
    }

    /** A store over {@code jdbc}; installs the schema if it is missing. */
    public static JdbcDocumentStore create(Jdbc jdbc) {
        Check.notNull(jdbc, "jdbc");
        SchemaInstaller.install(jdbc, "docs", SCHEMA);
        return new JdbcDocumentStore(jdbc);
    }

    /** The transaction helper in use (pass a {@code JdbcAuditStore} over the same data source). */
    public Jdbc jdbc() {
        return jdbc;
    }

    @Override
    protected TenantDocumentStore open(TenantId tenant) {
        return new Tenant(tenant);
    }

    /** One tenant's handle: reads of committed data, and writes in one {@link Jdbc} transaction. */
    private final class Tenant extends TenantScope implements TenantDocumentStore {

        Tenant(TenantId tenant) {
            super(tenant);
        }

        @Override
        public DocumentReads read() {
            return new Reads(tenant);
        }

        @Override
        public <T> T write(Function<? super DocumentTx, ? extends T> work) {
            Check.notNull(work, "work");
            try {
                return jdbc.inTransaction(tenant, c -> work.apply(new Tx(tenant)));
            } catch (OutcomeUnknownException e) {
                // Never rerun blindly: an archive write (a disposal, a hold, its audit record) has no
                // identity this store could look up. Say what to read, and that an ingest is safe to repeat.
                jdbc.metrics().count(Meters.OUTCOME_UNKNOWN, 1, "module", "docs");
                throw new OutcomeUnknownException("an archive write of tenant " + tenant + " may or may not have landed: read "
                        + "the document (find(id)), the holds or the audit log; repeating an ingest with the same document id "
                        + "and content is safe (it returns the stored document)", e);
            }
        }
    }

    /**
     * The reads of one tenant. Each runs in its own {@link Jdbc} transaction, or joins the one
     * in progress (so reads through a {@link Tx} see its writes).
     */
    private class Reads extends TenantScope implements DocumentReads {

        Reads(TenantId tenant) {
            super(tenant);
        }

        /**
         * A read: a lost commit acknowledgement of a read transaction is retried, never answered
         * {@code storage.outcome_unknown} (a read has no outcome to be unknown; the failover drill
         * saw an ingest answered so by its look-up of an existing document).
         */
        <T> T run(SqlWork<T> work) {
            return jdbc.inReadTransaction(work::run);
        }

        @Override
        public Optional<Document> find(DocumentId id) {
            return run(c -> {
                List<Document> one = load(c, "SELECT " + DOC_COLUMNS + " FROM docs_document d WHERE d.tenant_id = ? AND d.id = ?",
                        List.of(t, id.value()));
                return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
            });
        }

        @Override
        public Optional<RetentionPolicy> policy(DocumentClass c) {
            return run(conn -> Jdbc.queryOne(conn, "SELECT policy_json FROM docs_policy WHERE tenant_id = ? AND doc_class = ?",
                    rs -> fromJson(rs.getString(1), RetentionPolicy.class), t, c.code()));
        }

        @Override
        public List<RetentionPolicy> policies() {
            return run(conn -> Jdbc.query(conn, "SELECT policy_json FROM docs_policy WHERE tenant_id = ? ORDER BY doc_class",
                    rs -> fromJson(rs.getString(1), RetentionPolicy.class), t));
        }

        @Override
        public List<LegalHold> holds() {
            return run(conn -> Jdbc.query(conn, "SELECT hold_json FROM docs_hold WHERE tenant_id = ? ORDER BY id",
                    rs -> fromJson(rs.getString(1), LegalHold.class), t));
        }

        @Override
        public List<LegalHold> activeHolds() {
            return run(conn -> Jdbc.query(conn, "SELECT hold_json FROM docs_hold WHERE tenant_id = ? AND active ORDER BY id",
                    rs -> fromJson(rs.getString(1), LegalHold.class), t));
        }

        @Override
        public Optional<LegalHold> hold(HoldId id) {
            return run(conn -> Jdbc.queryOne(conn, "SELECT hold_json FROM docs_hold WHERE tenant_id = ? AND id = ?",
                    rs -> fromJson(rs.getString(1), LegalHold.class), t, id.value()));
        }

        @Override
        public Optional<LocalDate> event(OwnerRef owner, String event) {
            return run(conn -> Jdbc.queryOne(conn, "SELECT occurred_on FROM docs_event WHERE tenant_id = ? AND owner_type = ? "
                    + "AND owner_id = ? AND event_name = ?", rs -> Jdbc.date(rs, "occurred_on"), t, owner.type(), owner.id(), event));
        }

        @Override
        public List<Document> search(DocumentQuery q, Optional<DocumentId> after, int limit) {
            Check.positive(limit, "limit");
            StringBuilder sql = new StringBuilder("SELECT " + DOC_COLUMNS + " FROM docs_document d WHERE d.tenant_id = ?");
            List<Object> params = new ArrayList<>();
            params.add(t);
            if (!q.includeDisposed()) {
                sql.append(" AND d.lifecycle <> 'DISPOSED'");
            }
            q.documentClass().ifPresent(c -> {
                sql.append(" AND d.doc_class = ?");
                params.add(c.code());
            });
            q.owner().ifPresent(o -> {
                sql.append(" AND EXISTS (SELECT 1 FROM docs_owner o WHERE o.tenant_id = d.tenant_id AND o.document_id = d.id"
                        + " AND o.owner_type = ? AND o.owner_id = ?)");
                params.add(o.type());
                params.add(o.id());
            });
            q.metadata().forEach((k, v) -> {
                sql.append(" AND EXISTS (SELECT 1 FROM docs_metadata m WHERE m.tenant_id = d.tenant_id AND m.document_id = d.id"
                        + " AND m.meta_key = ? AND m.meta_value = ?)");
                params.add(k);
                params.add(v);
            });
            q.createdFrom().ifPresent(f -> {
                sql.append(" AND d.created_at >= ?");
                params.add(f);
            });
            q.createdBefore().ifPresent(b -> {
                sql.append(" AND d.created_at < ?");
                params.add(b);
            });
            q.retainUntilFrom().ifPresent(f -> {
                sql.append(" AND d.retain_until >= ?");
                params.add(f);
            });
            q.retainUntilBefore().ifPresent(b -> {
                sql.append(" AND d.retain_until < ?");
                params.add(b);
            });
            after.ifPresent(a -> {
                sql.append(" AND d.id > ?");
                params.add(a.value());
            });
            sql.append(" ORDER BY d.id LIMIT ?");
            params.add(limit);
            return run(c -> load(c, sql.toString(), params));
        }

        @Override
        public List<Document> due(LocalDate asOf, Optional<DueCursor> after, int limit) {
            Check.notNull(asOf, "asOf");
            Check.positive(limit, "limit");
            List<Object> params = new ArrayList<>(List.of(t, asOf));
            if (after.isPresent()) {
                params.add(after.get().retainUntil());
                params.add(after.get().id().value());
            }
            params.add(limit);
            return run(c -> load(c, dueSql(after.isPresent()), params));
        }

        @Override
        public List<Document> inState(Lifecycle lifecycle, Optional<DocumentId> after, int limit) {
            Check.positive(limit, "limit");
            List<Object> params = new ArrayList<>(List.of(t, lifecycle.name()));
            String sql = "SELECT " + DOC_COLUMNS + " FROM docs_document d WHERE d.tenant_id = ? AND d.lifecycle = ?";
            if (after.isPresent()) {
                sql += " AND d.id > ?";
                params.add(after.get().value());
            }
            sql += " ORDER BY d.id LIMIT ?";
            params.add(limit);
            String s = sql;
            return run(c -> load(c, s, params));
        }

        @Override
        public boolean contentInUse(ContentHash hash) {
            return run(c -> Jdbc.queryOne(c, "SELECT 1 FROM docs_version WHERE tenant_id = ? AND content_hash = ? AND live LIMIT 1",
                    rs -> true, t, hash.hex()).isPresent());
        }

        @Override
        public java.util.Set<ContentHash> contentInUse(java.util.Collection<ContentHash> hashes) {
            if (hashes.isEmpty()) {
                return java.util.Set.of();
            }
            List<Object> p = new ArrayList<>();
            p.add(t);
            hashes.forEach(h -> p.add(h.hex()));
            String in = String.join(", ", Collections.nCopies(hashes.size(), "?"));
            return run(c -> new java.util.HashSet<>(Jdbc.query(c, "SELECT DISTINCT content_hash FROM docs_version WHERE tenant_id = ? "
                    + "AND live AND content_hash IN (" + in + ")", rs -> ContentHash.of(rs.getString(1)), p.toArray())));
        }

        @Override
        public List<ContentHash> pendingPurges(int limit) {
            return run(c -> Jdbc.query(c, "SELECT content_hash FROM docs_purge WHERE tenant_id = ? ORDER BY content_hash LIMIT ?",
                    rs -> ContentHash.of(rs.getString(1)), t, limit));
        }

        // ---- loading whole documents ----

        private List<Document> load(Connection c, String sql, List<Object> params) throws SQLException {
            Map<UUID, Row> rows = new LinkedHashMap<>();
            for (Row r : Jdbc.query(c, sql, Row::of, params.toArray())) {
                rows.put(r.id, r);
            }
            if (rows.isEmpty()) {
                return List.of();
            }
            String in = " IN (" + String.join(", ", Collections.nCopies(rows.size(), "?")) + ")";
            List<Object> p = new ArrayList<>();
            p.add(t);
            p.addAll(rows.keySet());
            Map<UUID, List<DocumentVersion>> versions = new HashMap<>();
            Jdbc.query(c, "SELECT document_id, number, content_hash, size_bytes, media_type, file_name, added_at, added_by "
                    + "FROM docs_version WHERE tenant_id = ? AND document_id" + in + " ORDER BY document_id, number", rs -> {
                        versions.computeIfAbsent(Jdbc.uuid(rs, "document_id"), k -> new ArrayList<>()).add(new DocumentVersion(
                                rs.getInt("number"), ContentHash.of(rs.getString("content_hash")), rs.getLong("size_bytes"),
                                rs.getString("media_type"), Optional.ofNullable(rs.getString("file_name")),
                                Jdbc.instant(rs, "added_at"), rs.getString("added_by")));
                        return null;
                    }, p.toArray());
            Map<UUID, List<OwnerRef>> owners = new HashMap<>();
            Jdbc.query(c, "SELECT document_id, owner_type, owner_id FROM docs_owner WHERE tenant_id = ? AND document_id" + in, rs -> {
                owners.computeIfAbsent(Jdbc.uuid(rs, "document_id"), k -> new ArrayList<>())
                        .add(OwnerRef.of(rs.getString("owner_type"), rs.getString("owner_id")));
                return null;
            }, p.toArray());
            Map<UUID, TreeMap<String, String>> meta = new HashMap<>();
            Jdbc.query(c, "SELECT document_id, meta_key, meta_value FROM docs_metadata WHERE tenant_id = ? AND document_id" + in, rs -> {
                meta.computeIfAbsent(Jdbc.uuid(rs, "document_id"), k -> new TreeMap<>()).put(rs.getString("meta_key"), rs.getString("meta_value"));
                return null;
            }, p.toArray());
            List<Document> out = new ArrayList<>(rows.size());
            for (Row r : rows.values()) {
                out.add(new Document(new DocumentId(r.id), DocumentClass.of(r.docClass), r.title, r.mediaType,
                        owners.getOrDefault(r.id, List.of()), meta.getOrDefault(r.id, new TreeMap<>()), r.createdAt,
                        versions.getOrDefault(r.id, List.of()), Lifecycle.valueOf(r.lifecycle), Optional.ofNullable(r.triggerDate),
                        Optional.ofNullable(r.retainUntil), Optional.ofNullable(r.disposedAt), Optional.ofNullable(r.extendedUntil)));
            }
            return out;
        }
    }

    /** The write unit: the reads, and writes that join the transaction {@link Tenant#write} runs. */
    private final class Tx extends Reads implements DocumentTx {

        Tx(TenantId tenant) {
            super(tenant);
        }

        /** Reads and writes of the unit of work: always inside the transaction {@code write} opened. */
        @Override
        <T> T run(SqlWork<T> work) {
            return jdbc.inTransaction(tenant, work::run);
        }

        @Override
        public void lockTenant() {
            run(c -> {
                Jdbc.update(c, "INSERT INTO docs_tenant (tenant_id) VALUES (?) ON CONFLICT DO NOTHING", t);
                return Jdbc.queryOne(c, "SELECT tenant_id FROM docs_tenant WHERE tenant_id = ? FOR UPDATE", rs -> true, t);
            });
        }

        @Override
        public Optional<RetentionPolicy> lockPolicy(DocumentClass dc) {
            return run(conn -> Jdbc.queryOne(conn, "SELECT policy_json FROM docs_policy WHERE tenant_id = ? AND doc_class = ? FOR UPDATE",
                    rs -> fromJson(rs.getString(1), RetentionPolicy.class), t, dc.code()));
        }

        @Override
        public void putPolicy(RetentionPolicy p) {
            String json = toJson(p);
            run(c -> {
                if (Jdbc.update(c, "UPDATE docs_policy SET policy_json = ? WHERE tenant_id = ? AND doc_class = ?", json, t,
                        p.documentClass().code()) == 0) {
                    Jdbc.update(c, "INSERT INTO docs_policy (tenant_id, doc_class, policy_json) VALUES (?, ?, ?)", t,
                            p.documentClass().code(), json);
                }
                return null;
            });
        }

        @Override
        public void insert(Document d) {
            insertAll(List.of(d));
        }

        @Override
        public void insertAll(List<Document> docs) {
            if (docs.isEmpty()) {
                return;
            }
            run(c -> {
                List<Object[]> rows = new ArrayList<>();
                List<Object[]> versions = new ArrayList<>();
                List<Object[]> owners = new ArrayList<>();
                List<Object[]> meta = new ArrayList<>();
                for (Document d : docs) {
                    rows.add(new Object[]{t, d.id().value(), d.documentClass().code(), d.title(), d.mediaType(), d.createdAt(),
                            d.lifecycle().name(), d.triggerDate().orElse(null), d.retainUntil().orElse(null),
                            d.disposedAt().orElse(null), d.versions().size(), d.extendedUntil().orElse(null)});
                    boolean live = d.lifecycle() != Lifecycle.DISPOSED;
                    for (DocumentVersion v : d.versions()) {
                        versions.add(versionRow(d.id(), v, live));
                    }
                    for (OwnerRef o : d.owners()) {
                        owners.add(new Object[]{t, d.id().value(), o.type(), o.id()});
                    }
                    d.metadata().forEach((k, v) -> meta.add(new Object[]{t, d.id().value(), k, v}));
                }
                try {
                    Jdbc.batch(c, "INSERT INTO docs_document (tenant_id, id, doc_class, title, media_type, created_at, lifecycle, "
                            + "trigger_date, retain_until, disposed_at, version_count, extended_until) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, 500);
                } catch (SQLException e) {
                    if (jdbc.dialect().isUniqueViolation(e)) {
                        throw DocsErrorCode.ALREADY_EXISTS.conflict("a document with id "
                                + (docs.size() == 1 ? docs.get(0).id() : "among " + docs.size()) + " already exists in tenant " + tenant);
                    }
                    throw e;
                }
                insertVersions(c, versions);
                Jdbc.batch(c, "INSERT INTO docs_owner (tenant_id, document_id, owner_type, owner_id) VALUES (?, ?, ?, ?)", owners, 500);
                Jdbc.batch(c, "INSERT INTO docs_metadata (tenant_id, document_id, meta_key, meta_value) VALUES (?, ?, ?, ?)", meta, 500);
                return null;
            });
        }

        private Object[] versionRow(DocumentId id, DocumentVersion v, boolean live) {
            return new Object[]{t, id.value(), v.number(), v.contentHash().hex(), v.size(), v.mediaType(),
                    v.fileName().orElse(null), v.addedAt(), v.addedBy(), live};
        }

        private void insertVersions(Connection c, List<Object[]> versions) throws SQLException {
            Jdbc.batch(c, "INSERT INTO docs_version (tenant_id, document_id, number, content_hash, size_bytes, media_type, file_name, "
                    + "added_at, added_by, live) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", versions, 500);
        }

        @Override
        public boolean replace(Document expected, Document updated) {
            Check.that(expected.id().equals(updated.id()), "updated", "must have the same id", updated.id());
            return run(c -> {
                int n = Jdbc.update(c, "UPDATE docs_document SET title = ?, lifecycle = ?, trigger_date = ?, retain_until = ?, "
                                + "disposed_at = ?, version_count = ?, extended_until = ? WHERE tenant_id = ? AND id = ? AND lifecycle = ? "
                                + "AND trigger_date IS NOT DISTINCT FROM ? AND retain_until IS NOT DISTINCT FROM ? AND version_count = ? "
                                + "AND extended_until IS NOT DISTINCT FROM ?",
                        updated.title(), updated.lifecycle().name(), updated.triggerDate().orElse(null),
                        updated.retainUntil().orElse(null), updated.disposedAt().orElse(null), updated.versions().size(),
                        updated.extendedUntil().orElse(null),
                        t, expected.id().value(), expected.lifecycle().name(), expected.triggerDate().orElse(null),
                        expected.retainUntil().orElse(null), expected.versions().size(), expected.extendedUntil().orElse(null));
                if (n == 0) {
                    return false;
                }
                UUID id = expected.id().value();
                if (updated.versions().size() > expected.versions().size()) {
                    List<Object[]> added = new ArrayList<>();
                    for (DocumentVersion v : updated.versions().subList(expected.versions().size(), updated.versions().size())) {
                        added.add(versionRow(updated.id(), v, updated.lifecycle() != Lifecycle.DISPOSED));
                    }
                    insertVersions(c, added);
                }
                if (updated.lifecycle() == Lifecycle.DISPOSED && expected.lifecycle() != Lifecycle.DISPOSED) {
                    Jdbc.update(c, "UPDATE docs_version SET live = FALSE, file_name = NULL WHERE tenant_id = ? AND document_id = ?", t, id);
                    Jdbc.update(c, "DELETE FROM docs_owner WHERE tenant_id = ? AND document_id = ?", t, id);
                    Jdbc.update(c, "DELETE FROM docs_metadata WHERE tenant_id = ? AND document_id = ?", t, id);
                }
                return true;
            });
        }

        @Override
        public void putHold(LegalHold h) {
            String json = toJson(h);
            run(c -> {
                if (Jdbc.update(c, "UPDATE docs_hold SET active = ?, hold_json = ? WHERE tenant_id = ? AND id = ?", h.active(), json, t,
                        h.id().value()) == 0) {
                    Jdbc.update(c, "INSERT INTO docs_hold (tenant_id, id, active, hold_json) VALUES (?, ?, ?, ?)", t, h.id().value(),
                            h.active(), json);
                }
                return null;
            });
        }

        @Override
        public void putEvent(OwnerRef owner, String event, LocalDate date) {
            run(c -> {
                if (Jdbc.update(c, "UPDATE docs_event SET occurred_on = ? WHERE tenant_id = ? AND owner_type = ? AND owner_id = ? "
                        + "AND event_name = ?", date, t, owner.type(), owner.id(), event) == 0) {
                    Jdbc.update(c, "INSERT INTO docs_event (tenant_id, owner_type, owner_id, event_name, occurred_on) VALUES (?, ?, ?, ?, ?)",
                            t, owner.type(), owner.id(), event, date);
                }
                return null;
            });
        }

        @Override
        public void addPurge(ContentHash hash) {
            run(c -> Jdbc.update(c, "INSERT INTO docs_purge (tenant_id, content_hash) VALUES (?, ?) ON CONFLICT DO NOTHING", t, hash.hex()));
        }

        @Override
        public void addPurges(java.util.Collection<ContentHash> hashes) {
            List<Object[]> rows = new ArrayList<>();
            for (ContentHash h : new java.util.LinkedHashSet<>(hashes)) {
                rows.add(new Object[]{t, h.hex()});
            }
            run(c -> Jdbc.batch(c, "INSERT INTO docs_purge (tenant_id, content_hash) VALUES (?, ?) ON CONFLICT DO NOTHING", rows, 500));
        }

        @Override
        public void removePurges(java.util.Collection<ContentHash> hashes) {
            if (hashes.isEmpty()) {
                return;
            }
            List<Object> p = new ArrayList<>();
            p.add(t);
            hashes.forEach(h -> p.add(h.hex()));
            String in = String.join(", ", Collections.nCopies(hashes.size(), "?"));
            run(c -> Jdbc.update(c, "DELETE FROM docs_purge WHERE tenant_id = ? AND content_hash IN (" + in + ")", p.toArray()));
        }

        @Override
        public void removePurge(ContentHash hash) {
            run(c -> Jdbc.update(c, "DELETE FROM docs_purge WHERE tenant_id = ? AND content_hash = ?", t, hash.hex()));
        }
    }

    private record Row(UUID id, String docClass, String title, String mediaType, Instant createdAt, String lifecycle,
                       LocalDate triggerDate, LocalDate retainUntil, Instant disposedAt, LocalDate extendedUntil) {
        static Row of(ResultSet rs) throws SQLException {
            return new Row(Jdbc.uuid(rs, "id"), rs.getString("doc_class"), rs.getString("title"), rs.getString("media_type"),
                    Jdbc.instant(rs, "created_at"), rs.getString("lifecycle"), Jdbc.date(rs, "trigger_date"),
                    Jdbc.date(rs, "retain_until"), Jdbc.instant(rs, "disposed_at"), Jdbc.date(rs, "extended_until"));
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private static String toJson(Object o) {
        try {
            return BackofficeJson.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw DocsErrorCode.IO_FAILURE.storage("cannot serialize " + o.getClass().getSimpleName(), e);
        }
    }

    private static <T> T fromJson(String json, Class<T> type) throws SQLException {
        try {
            return BackofficeJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored " + type.getSimpleName() + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
