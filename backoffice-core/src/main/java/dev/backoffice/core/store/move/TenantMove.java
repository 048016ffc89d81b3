package dev.backoffice.core.store.move;

import dev.backoffice.core.audit.AuditVerification;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.error.CoreErrorCode;
import dev.backoffice.core.export.ExportManifest;
import dev.backoffice.core.export.TenantExport;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.jdbc.SchemaInstaller;
import dev.backoffice.core.jdbc.TenantFence;
import dev.backoffice.core.store.placement.MovablePlacement;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Moves one tenant, every module of it, from one database to another while the application
 * runs:
 *
 * <pre>{@code
 * MoveReport r = TenantMove.of(tenant).from("eu", euDataSource).to("uk", ukDataSource)
 *         .modules(Map.of("core", JdbcAuditStore.SCHEMA, "ledger", JdbcLedgerStore.SCRIPTS, ...))
 *         .placement(movablePlacement).workDir(dir).run();
 * }</pre>
 *
 * <p>The steps ({@link MoveStep}): prepare the target (the tenant's writes refused there), fence
 * the source ({@code storage.tenant_moving}: the fencing update waits for the writes in flight,
 * see {@link TenantFence}), export every module from the source ({@link TenantExport}, format
 * version 1), import into the target (after removing what an interrupted earlier attempt left
 * there; the ledger's entry-number sequence advanced past the imported numbers), verify (the
 * target re-exported gives every table's row count and SHA-256 of the export; the audit chain
 * verifies; the {@link MoveCheck}s pass), open the target, mark the source moved
 * ({@code storage.tenant_moved} for good) and switch the {@link MovablePlacement}.
 *
 * <p>The journal is the tenant's fence rows on both databases (state, step, move id, the other
 * database's key), written before each next step. A move interrupted at any step (the mover's
 * JVM killed) is finished by running the same move again, or undone by {@link #rollback()}. The
 * tenant is never writable in two places: the target opens only after the source is fenced and
 * the copy verified, and the source is never unfenced once the target has opened unless the
 * rollback closed the target first.
 *
 * <p>The tenant's writes are refused from the fence to the target's opening: export, import and
 * verify of its whole state. Applications retry {@code storage.tenant_moving} (and
 * {@code storage.tenant_moved}, which a routed store answers with the new database once its
 * placement is switched).
 */
public final class TenantMove {

    private final TenantId tenant;
    private String fromKey;
    private DataSource from;
    private String toKey;
    private DataSource to;
    private final Map<String, List<String>> modules = new LinkedHashMap<>();
    private MovablePlacement placement;
    private Path workDir;
    private final List<MoveCheck> checks = new ArrayList<>();
    private MoveStep stopAfter;
    private Consumer<MoveStep> onStep = step -> { };
    private Clock clock = Clock.systemUTC();

    private TenantMove(TenantId tenant) {
        this.tenant = tenant;
    }

    /** A move of {@code tenant}; name its source, target and modules next. */
    public static TenantMove of(TenantId tenant) {
        return new TenantMove(Check.notNull(tenant, "tenant"));
    }

    /** The database the tenant lives in now, and its placement key. */
    public TenantMove from(String key, DataSource source) {
        this.fromKey = Check.notBlank(key, "from.key");
        this.from = TenantFence.unfenced(Check.notNull(source, "from.source"));
        return this;
    }

    /** The database the tenant moves to, and its placement key. */
    public TenantMove to(String key, DataSource target) {
        this.toKey = Check.notBlank(key, "to.key");
        this.to = TenantFence.unfenced(Check.notNull(target, "to.target"));
        return this;
    }

    /**
     * The modules to move: module name to its schema scripts under {@code db/<module>/} (the
     * stores' {@code SCRIPTS}/{@code SCHEMA} lists). Every module the tenant has rows in must be
     * named; the target gets the schemas installed if it lacks them.
     */
    public TenantMove modules(Map<String, List<String>> moduleScripts) {
        Check.notNull(moduleScripts, "modules");
        moduleScripts.forEach((m, s) -> {
            Check.that(!TenantFence.MODULE.equals(m), "modules", "the fence table is the move's journal, not a module to move", m);
            modules.put(Check.notBlank(m, "modules.key"), List.copyOf(Check.notNull(s, "modules." + m)));
        });
        return this;
    }

    /** The placement to switch when the move is done (optional: without it, switch your own). */
    public TenantMove placement(MovablePlacement movable) {
        this.placement = Check.notNull(movable, "placement");
        return this;
    }

    /** Where the export is written (default: a directory under {@code java.io.tmpdir}); kept after the move. */
    public TenantMove workDir(Path dir) {
        this.workDir = Check.notNull(dir, "workDir");
        return this;
    }

    /** A domain check of the imported tenant on the target, run in the verify step. */
    public TenantMove check(MoveCheck check) {
        checks.add(Check.notNull(check, "check"));
        return this;
    }

    /** The clock of the audit store used to verify chains (default: system UTC). */
    public TenantMove clock(Clock c) {
        this.clock = Check.notNull(c, "clock");
        return this;
    }

    /**
     * For drills and tests: stop after {@code step} as if the mover died there (the journal
     * says so); run the move again to finish it or roll it back.
     */
    public TenantMove stopAfter(MoveStep step) {
        this.stopAfter = Check.notNull(step, "stopAfter");
        return this;
    }

    /**
     * Called after each step is done and journaled (progress reports; drills that kill the mover
     * at a known point).
     */
    public TenantMove onStep(Consumer<MoveStep> listener) {
        this.onStep = Check.notNull(listener, "onStep");
        return this;
    }

    /**
     * Runs the move, or finishes the one an earlier run left unfinished.
     *
     * @throws dev.backoffice.core.error.ConflictException {@code storage.move_conflict} when another
     *         move of the tenant (to another database) is under way, or the verification found a
     *         difference (the tenant stays fenced on the source: run again or roll back)
     */
    public MoveReport run() {
        requireEnds();
        long start = System.nanoTime();
        Jdbc src = Jdbc.of(from);
        Jdbc dst = Jdbc.of(to);
        TenantFence.install(src);
        TenantFence.install(dst);
        modules.forEach((m, scripts) -> {
            SchemaInstaller.install(src, m, scripts); // a module the source never used exports empty
            SchemaInstaller.install(dst, m, scripts);
        });
        Row s = row(src);
        Row d = row(dst);
        if (TenantFence.MOVED.equals(s.state)) {
            if (!toKey.equals(s.peer)) {
                throw conflict("tenant " + tenant + " has already moved away from '" + fromKey + "' to another database");
            }
            switchPlacement();
            return report(s.moveId, MoveStep.MOVED, Map.of(), start, 0, true);
        }
        if (TenantFence.FENCED.equals(s.state) && !toKey.equals(s.peer)) {
            throw conflict("a move of tenant " + tenant + " from '" + fromKey + "' to another database is under way: "
                    + "run that move again or roll it back first");
        }
        if (TenantFence.OPEN.equals(d.state) && d.exists && !TenantFence.FENCED.equals(s.state)) {
            throw conflict("tenant " + tenant + " is open on '" + toKey + "' already: it cannot move there");
        }
        boolean resumed = TenantFence.FENCED.equals(s.state);
        String moveId = resumed && s.moveId != null ? s.moveId : UUID.randomUUID().toString();
        Map<String, Long> rows = new TreeMap<>();
        long fencedAt;
        if (resumed && (MoveStep.VERIFIED.name().equals(s.step) || MoveStep.OPENED.name().equals(s.step))) {
            fencedAt = System.nanoTime(); // verified by the earlier run: only the switch is left
        } else {
            write(dst, TenantFence.INCOMING, MoveStep.PREPARED, moveId, fromKey);
            if (stop(MoveStep.PREPARED)) {
                return report(moveId, MoveStep.PREPARED, rows, start, 0, resumed);
            }
            fencedAt = System.nanoTime();
            write(src, TenantFence.FENCED, MoveStep.FENCED, moveId, toKey); // waits for the writes in flight
            if (stop(MoveStep.FENCED)) {
                return report(moveId, MoveStep.FENCED, rows, start, fencedAt, resumed);
            }
            Path dir = directory(moveId);
            Map<String, ExportManifest> exported = new LinkedHashMap<>();
            modules.forEach((m, scripts) -> exported.put(m,
                    TenantExport.export(src, tenant, m, TenantExport.tablesOf(m, scripts), dir.resolve("export").resolve(m))));
            exported.values().forEach(x -> x.tables().forEach(t -> rows.put(t.table(), t.rows())));
            step(src, MoveStep.EXPORTED);
            if (stop(MoveStep.EXPORTED)) {
                return report(moveId, MoveStep.EXPORTED, rows, start, fencedAt, resumed);
            }
            removeFrom(dst); // what an interrupted earlier attempt imported
            for (String m : exported.keySet()) {
                TenantExport.importInto(dst, dir.resolve("export").resolve(m));
            }
            if (rows.containsKey("ledger_entry")) {
                TenantExport.advanceSequence(dst, tenant, "ledger_sequence_block", "ledger_entry", "sequence");
            }
            step(src, MoveStep.IMPORTED);
            if (stop(MoveStep.IMPORTED)) {
                return report(moveId, MoveStep.IMPORTED, rows, start, fencedAt, resumed);
            }
            verify(dst, dir, exported);
            step(src, MoveStep.VERIFIED);
            if (stop(MoveStep.VERIFIED)) {
                return report(moveId, MoveStep.VERIFIED, rows, start, fencedAt, resumed);
            }
        }
        step(src, MoveStep.OPENED);
        write(dst, TenantFence.OPEN, MoveStep.OPENED, moveId, fromKey);
        long openedAt = System.nanoTime();
        if (stop(MoveStep.OPENED)) {
            return report(moveId, MoveStep.OPENED, rows, start, fencedAt, openedAt, resumed);
        }
        write(src, TenantFence.MOVED, MoveStep.MOVED, moveId, toKey);
        switchPlacement();
        onStep.accept(MoveStep.MOVED);
        return report(moveId, MoveStep.MOVED, rows, start, fencedAt, openedAt, resumed);
    }

    /**
     * Undoes a move that has not finished: closes the target to the tenant, removes what was
     * imported there, and opens the source again. Nothing to undo answers a report with
     * {@code reached} null.
     *
     * @throws dev.backoffice.core.error.ConflictException {@code storage.move_conflict} when the
     *         move has finished (the tenant lives on the target: move it back instead)
     */
    public MoveReport rollback() {
        requireEnds();
        long start = System.nanoTime();
        Jdbc src = Jdbc.of(from);
        Jdbc dst = Jdbc.of(to);
        TenantFence.install(src);
        TenantFence.install(dst);
        Row s = row(src);
        if (TenantFence.MOVED.equals(s.state)) {
            throw conflict("the move of tenant " + tenant + " has finished; it lives on '" + s.peer + "' now: move it back instead");
        }
        if (TenantFence.FENCED.equals(s.state) && !toKey.equals(s.peer)) {
            throw conflict("the move of tenant " + tenant + " under way goes to another database: roll that one back");
        }
        Row d = row(dst);
        if (d.exists && !(TenantFence.INCOMING.equals(d.state) || TenantFence.FENCED.equals(s.state))) {
            throw conflict("tenant " + tenant + " is " + d.state + " on '" + toKey + "' and not being moved there: nothing to roll back");
        }
        if (d.exists) {
            write(dst, TenantFence.INCOMING, MoveStep.PREPARED, s.moveId, fromKey); // closes the target first
            removeFrom(dst);
            dst.inTransactionRun(c -> Jdbc.update(c, "DELETE FROM " + TenantFence.TABLE + " WHERE tenant_id = ?", tenant.value()));
        }
        if (s.exists) {
            src.inTransactionRun(c -> Jdbc.update(c, "UPDATE " + TenantFence.TABLE
                    + " SET state = ?, step = NULL, move_id = NULL, peer = NULL, changed_at = ? WHERE tenant_id = ?",
                    TenantFence.OPEN, Instant.now(), tenant.value()));
        }
        return new MoveReport(tenant, fromKey, toKey, s.moveId, null, Map.of(), Duration.ofNanos(System.nanoTime() - start),
                Duration.ZERO, s.exists);
    }

    /**
     * After a finished move: deletes the tenant's rows of the modules from the source (its fence
     * row stays, refusing its writes there for good).
     *
     * @return rows deleted
     * @throws dev.backoffice.core.error.ConflictException {@code storage.move_conflict} unless the
     *         tenant has moved away from the source
     */
    public long purgeSource() {
        requireEnds();
        Jdbc src = Jdbc.of(from);
        Row s = row(src);
        if (!TenantFence.MOVED.equals(s.state)) {
            throw conflict("tenant " + tenant + " has not moved away from '" + fromKey + "': nothing is purged");
        }
        return removeFrom(src);
    }

    /** The journal of {@code tenant} on a database: state and step, as the fence row says. */
    public static String journalOf(DataSource db, TenantId tenant) {
        Jdbc j = Jdbc.of(TenantFence.unfenced(db));
        TenantFence.install(j);
        Row r = readRow(j, tenant);
        return r.state + (r.step == null ? "" : "/" + r.step);
    }

    // ---- steps -----------------------------------------------------------------------------------

    private void verify(Jdbc dst, Path dir, Map<String, ExportManifest> exported) {
        for (Map.Entry<String, ExportManifest> e : exported.entrySet()) {
            ExportManifest again = TenantExport.export(dst, tenant, e.getKey(), tables(e.getValue()), dir.resolve("verify").resolve(e.getKey()));
            Map<String, String> want = sums(e.getValue());
            Map<String, String> got = sums(again);
            for (String table : want.keySet()) {
                if (!want.get(table).equals(got.get(table))) {
                    throw conflict("verification failed: table " + table + " on '" + toKey + "' has " + got.get(table)
                            + " (rows sha256), the export " + want.get(table) + "; the tenant stays fenced on '" + fromKey + "'");
                }
            }
        }
        if (modules.containsKey("core")) {
            // over the target as its stores see it (fences checked): verify is a read, and reads are
            // never fenced, so it runs while the tenant is still incoming there
            Jdbc asStoresSeeIt = Jdbc.of(TenantFence.moveable(to, false));
            AuditVerification v = JdbcAuditStore.create(asStoresSeeIt, clock).forTenant(tenant).verify();
            if (!v.intact()) {
                throw conflict("verification failed: the audit chain of tenant " + tenant + " on '" + toKey + "' is broken at "
                        + v.firstBroken().orElse(-1L) + " (" + v.reason().orElse("") + ")");
            }
        }
        for (MoveCheck c : checks) {
            c.check(tenant, dst);
        }
    }

    private long removeFrom(Jdbc db) {
        List<String> tables = new ArrayList<>();
        modules.forEach((m, scripts) -> tables.addAll(TenantExport.tablesOf(m, scripts)));
        return db.inTransaction(c -> {
            long n = 0;
            for (int i = tables.size() - 1; i >= 0; i--) {
                n += Jdbc.update(c, "DELETE FROM " + tables.get(i) + " WHERE tenant_id = ?", tenant.value());
            }
            return n;
        });
    }

    private void switchPlacement() {
        if (placement != null) {
            placement.place(tenant, toKey);
        }
    }

    private void write(Jdbc db, String state, MoveStep step, String moveId, String peer) {
        db.inTransactionRun(c -> {
            Jdbc.update(c, "INSERT INTO " + TenantFence.TABLE + " (tenant_id, state) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    tenant.value(), TenantFence.OPEN);
            Jdbc.update(c, "UPDATE " + TenantFence.TABLE + " SET state = ?, step = ?, move_id = ?, peer = ?, changed_at = ? WHERE tenant_id = ?",
                    state, step.name(), moveId, peer, Instant.now(), tenant.value());
        });
    }

    private void step(Jdbc db, MoveStep step) {
        db.inTransactionRun(c -> Jdbc.update(c, "UPDATE " + TenantFence.TABLE + " SET step = ?, changed_at = ? WHERE tenant_id = ?",
                step.name(), Instant.now(), tenant.value()));
    }

    private boolean stop(MoveStep step) {
        onStep.accept(step);
        return step == stopAfter;
    }

    private Path directory(String moveId) {
        Path base = workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"), "backoffice-move");
        Path dir = base.resolve(tenant.value() + "-" + moveId);
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    private MoveReport report(String moveId, MoveStep reached, Map<String, Long> rows, long start, long fencedAt, boolean resumed) {
        return report(moveId, reached, rows, start, fencedAt, System.nanoTime(), resumed);
    }

    private MoveReport report(String moveId, MoveStep reached, Map<String, Long> rows, long start, long fencedAt, long openedAt,
                              boolean resumed) {
        long now = System.nanoTime();
        return new MoveReport(tenant, fromKey, toKey, moveId, reached, Map.copyOf(rows), Duration.ofNanos(now - start),
                fencedAt == 0 ? Duration.ZERO : Duration.ofNanos(openedAt - fencedAt), resumed);
    }

    private void requireEnds() {
        Check.that(from != null, "from", "name the source database", null);
        Check.that(to != null, "to", "name the target database", null);
        Check.that(!fromKey.equals(toKey) && from != to, "to", "must be another database than the source", toKey);
        Check.that(!modules.isEmpty(), "modules", "name the modules to move", modules);
    }

    private static List<String> tables(ExportManifest m) {
        return m.tables().stream().map(ExportManifest.Table::table).toList();
    }

    private static Map<String, String> sums(ExportManifest m) {
        Map<String, String> out = new TreeMap<>();
        m.tables().forEach(t -> out.put(t.table(), t.rows() + " " + t.sha256()));
        return out;
    }

    private static dev.backoffice.core.error.BackofficeException conflict(String message) {
        return CoreErrorCode.STORAGE_MOVE_CONFLICT.conflict(message);
    }

    private Row row(Jdbc db) {
        return readRow(db, tenant);
    }

    private static Row readRow(Jdbc db, TenantId tenant) {
        Optional<Row> r = db.inReadTransaction(c -> Jdbc.queryOne(c,
                "SELECT state, step, move_id, peer FROM " + TenantFence.TABLE + " WHERE tenant_id = ?",
                rs -> new Row(true, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), tenant.value()));
        return r.orElse(new Row(false, TenantFence.OPEN, null, null, null));
    }

    /** A fence row: the journal. */
    private record Row(boolean exists, String state, String step, String moveId, String peer) {
    }
}
