package dev.backoffice.core.store.move;

import dev.backoffice.core.audit.AuditVerification;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.error.CoreErrorCode;
import dev.backoffice.core.export.TenantExport;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.jdbc.SchemaInstaller;
import dev.backoffice.core.jdbc.TenantFence;
import dev.backoffice.core.store.placement.MovablePlacement;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Moves one tenant, every module of it, from one database to another while the application
 * runs:
 *
 * <pre>{@code
 * MoveReport r = TenantMove.of(tenant).from("eu", euDataSource).to("uk", ukDataSource)
 *         .modules(Map.of("core", JdbcAuditStore.SCHEMA, "ledger", JdbcLedgerStore.SCRIPTS, ...))
 *         .placement(movablePlacement).run();
 * }</pre>
 *
 * <p>Two phases. While the tenant keeps writing on the source: prepare the target (the tenant's
 * writes refused there), copy one consistent snapshot of every module's rows into it (a
 * read-only {@code REPEATABLE READ} transaction on the source; PostgreSQL to PostgreSQL streams
 * with {@code COPY}) and hash the copy equal to the snapshot, then catch up with newer
 * snapshots until little has changed. Then, fenced: fence the source
 * ({@code storage.tenant_moving}: the fencing update waits for the writes in flight, see
 * {@link TenantFence}), copy what changed since the last snapshot (inserts, updates and deletes
 * of every table, found generically: see {@code TenantRows}), verify (row counts and hashes;
 * the audit chain verifies; the {@link MoveCheck}s pass; the ledger's entry-number sequence is
 * advanced past the imported numbers), open the target, mark the source moved
 * ({@code storage.tenant_moved} for good) and switch the {@link MovablePlacement}. The tenant's
 * writes are refused only for the fenced phase: the delta, not the bulk copy.
 *
 * <p>The journal is the tenant's fence rows (state, step, move id, the other database's key):
 * on the target until the source is fenced, on the source from then on, written after each
 * step. A move interrupted at any step (the mover's JVM killed) is finished by running the same
 * move again, or undone by {@link #rollback()}. The tenant is never writable in two places: the
 * target opens only after the source is fenced and the copy verified, and the source is never
 * unfenced once the target has opened unless the rollback closed the target first.
 *
 * <p>Applications retry {@code storage.tenant_moving} (and {@code storage.tenant_moved}, which a
 * routed store answers with the new database once its placement is switched).
 */
public final class TenantMove {

    private final TenantId tenant;
    private String fromKey;
    private DataSource from;
    private String toKey;
    private DataSource to;
    private final Map<String, List<String>> modules = new LinkedHashMap<>();
    private MovablePlacement placement;
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
        Jdbc src = withFenceTable(from);
        Jdbc dst = withFenceTable(to);
        modules.forEach((m, scripts) -> {
            SchemaInstaller.install(src, m, scripts); // a module the source never used moves empty
            SchemaInstaller.install(dst, m, scripts);
        });
        Row s = row(src);
        Row d = row(dst);
        if (TenantFence.MOVED.equals(s.state)) {
            if (!toKey.equals(s.peer)) {
                throw conflict("tenant " + tenant + " has already moved away from '" + fromKey + "' to another database");
            }
            switchPlacement();
            return new Run(start, s.moveId, true).report(MoveStep.MOVED, Map.of());
        }
        if (TenantFence.FENCED.equals(s.state) && !toKey.equals(s.peer)) {
            throw conflict("a move of tenant " + tenant + " from '" + fromKey + "' to another database is under way: "
                    + "run that move again or roll it back first");
        }
        if (TenantFence.OPEN.equals(d.state) && d.exists && !TenantFence.FENCED.equals(s.state)) {
            throw conflict("tenant " + tenant + " is open on '" + toKey + "' already: it cannot move there");
        }
        boolean fenced = TenantFence.FENCED.equals(s.state);
        boolean copied = !fenced && TenantFence.INCOMING.equals(d.state) && fromKey.equals(d.peer)
                && (MoveStep.COPIED.name().equals(d.step) || MoveStep.CAUGHT_UP.name().equals(d.step));
        String moveId = fenced && s.moveId != null ? s.moveId : copied && d.moveId != null ? d.moveId : UUID.randomUUID().toString();
        Run run = new Run(start, moveId, fenced || copied);
        TenantRows rows = new TenantRows(tenant, from, to, tables());
        TenantRows.Pass pass = null;
        if (fenced && (MoveStep.VERIFIED.name().equals(s.step) || MoveStep.OPENED.name().equals(s.step))) {
            run.fencedAt = System.nanoTime(); // verified by the earlier run: only the switch is left
        } else {
            String since = null; // a pass's snapshot mark: known only within one run
            if (!fenced) {
                if (!copied) {
                    write(dst, TenantFence.INCOMING, MoveStep.PREPARED, moveId, fromKey);
                    if (run.stop(MoveStep.PREPARED)) {
                        return run.report(MoveStep.PREPARED, Map.of());
                    }
                    removeFrom(dst); // what an interrupted earlier attempt copied
                    pass = rows.copySnapshot();
                    since = pass.since();
                    advanceSequences(dst, pass.rows());
                    step(dst, MoveStep.COPIED);
                    if (run.stop(MoveStep.COPIED)) {
                        return run.report(MoveStep.COPIED, pass.rows());
                    }
                }
                // unfenced catch-up passes while the tenant keeps writing, until little is left for the fence
                for (int i = 0; i < CATCH_UP_PASSES; i++) {
                    pass = rows.catchUp(since);
                    since = pass.since();
                    if (pass.changed() <= CAUGHT_UP_ROWS) {
                        break;
                    }
                }
                step(dst, MoveStep.CAUGHT_UP);
                if (run.stop(MoveStep.CAUGHT_UP)) {
                    return run.report(MoveStep.CAUGHT_UP, pass.rows());
                }
                run.fencedAt = System.nanoTime();
                write(src, TenantFence.FENCED, MoveStep.FENCED, moveId, toKey); // waits for the writes in flight
                if (run.stop(MoveStep.FENCED)) {
                    return run.report(MoveStep.FENCED, pass.rows());
                }
            } else {
                run.fencedAt = System.nanoTime(); // an earlier run fenced the source
            }
            pass = rows.catchUp(since); // with the source fenced: the last delta
            run.delta = pass.changed();
            advanceSequences(dst, pass.rows());
            step(src, MoveStep.DELTA_COPIED);
            if (run.stop(MoveStep.DELTA_COPIED)) {
                return run.report(MoveStep.DELTA_COPIED, pass.rows());
            }
            rows.verify(pass, since != null);
            verify(dst);
            step(src, MoveStep.VERIFIED);
            if (run.stop(MoveStep.VERIFIED)) {
                return run.report(MoveStep.VERIFIED, pass.rows());
            }
        }
        Map<String, Long> moved = pass == null ? Map.of() : pass.rows();
        step(src, MoveStep.OPENED);
        write(dst, TenantFence.OPEN, MoveStep.OPENED, moveId, fromKey);
        run.openedAt = System.nanoTime();
        if (run.stop(MoveStep.OPENED)) {
            return run.report(MoveStep.OPENED, moved);
        }
        write(src, TenantFence.MOVED, MoveStep.MOVED, moveId, toKey);
        switchPlacement();
        run.stop(MoveStep.MOVED);
        return run.report(MoveStep.MOVED, moved);
    }

    /** The database's {@code Jdbc}, its fence table installed (the move's journal lives there). */
    private static Jdbc withFenceTable(DataSource ds) {
        Jdbc j = Jdbc.of(ds);
        TenantFence.install(j);
        return j;
    }

    /** Unfenced catch-up passes at most, before the fence. */
    private static final int CATCH_UP_PASSES = 3;
    /** A catch-up pass that changed no more rows than this is the last before the fence. */
    private static final long CAUGHT_UP_ROWS = 10_000;

    /** The bookkeeping of one run: times, journal, report. */
    private final class Run {
        private final long start;
        private final String moveId;
        private final boolean resumed;
        private final Map<MoveStep, Duration> steps = new EnumMap<>(MoveStep.class);
        private long last;
        private long fencedAt;
        private long openedAt;
        private long delta;

        Run(long start, String moveId, boolean resumed) {
            this.start = start;
            this.last = start;
            this.moveId = moveId;
            this.resumed = resumed;
        }

        /** Records {@code step} as done; true when the run stops after it. */
        boolean stop(MoveStep step) {
            long now = System.nanoTime();
            steps.put(step, Duration.ofNanos(now - last));
            last = now;
            onStep.accept(step);
            return step == stopAfter;
        }

        MoveReport report(MoveStep reached, Map<String, Long> rows) {
            long now = System.nanoTime();
            long open = openedAt == 0 ? now : openedAt;
            return new MoveReport(tenant, fromKey, toKey, moveId, reached, Map.copyOf(new TreeMap<>(rows)), Duration.ofNanos(now - start),
                    fencedAt == 0 ? Duration.ZERO : Duration.ofNanos(open - fencedAt), resumed, Collections.unmodifiableMap(steps), delta);
        }
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
        Jdbc src = withFenceTable(from);
        Jdbc dst = withFenceTable(to);
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
                Duration.ZERO, s.exists, Map.of(), 0);
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
        Row r = readRow(withFenceTable(TenantFence.unfenced(db)), tenant);
        return r.state + (r.step == null ? "" : "/" + r.step);
    }

    // ---- steps -----------------------------------------------------------------------------------

    /** The audit chain and the domain checks on the target (the rows are verified by {@link TenantRows#verify}). */
    private void verify(Jdbc dst) {
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

    /** The modules' tables, in script order (a table of several modules is listed once). */
    private List<String> tables() {
        List<String> tables = new ArrayList<>();
        modules.forEach((m, scripts) -> TenantExport.tablesOf(m, scripts).stream().filter(t -> !tables.contains(t)).forEach(tables::add));
        return tables;
    }

    /**
     * The ledger's entry-number sequence advanced past the tenant's imported numbers (after the
     * snapshot copy, so that the fenced pass has only the last few numbers to pass).
     */
    private void advanceSequences(Jdbc dst, Map<String, Long> rows) {
        if (rows.containsKey("ledger_entry")) {
            TenantExport.advanceSequence(dst, tenant, "ledger_sequence_block", "ledger_entry", "sequence");
        }
    }

    private long removeFrom(Jdbc db) {
        List<String> tables = tables();
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

    private void requireEnds() {
        Check.that(from != null, "from", "name the source database", null);
        Check.that(to != null, "to", "name the target database", null);
        Check.that(!fromKey.equals(toKey) && from != to, "to", "must be another database than the source", toKey);
        Check.that(!modules.isEmpty(), "modules", "name the modules to move", modules);
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
