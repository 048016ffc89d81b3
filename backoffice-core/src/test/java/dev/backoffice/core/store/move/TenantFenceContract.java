package dev.backoffice.core.store.move;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.export.ExportManifest;
import dev.backoffice.core.export.TenantExport;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.jdbc.TenantFence;
import dev.backoffice.core.store.placement.Placement;
import dev.backoffice.core.store.placement.TenantPlacement;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.SeparateDatabases;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #20 item 2, the fence: a tenant's writes on a moveable database are refused with a typed
 * retryable error while it is fenced ({@code storage.tenant_moving}) or gone
 * ({@code storage.tenant_moved}); other tenants never notice; the fence waits for a write in
 * flight; a write over a moveable database outside any tenant's call is refused.
 */
abstract class TenantFenceContract {

    private static final TenantId MOVING = TenantId.of("moving-co");
    private static final TenantId STAYING = TenantId.of("staying-co");

    private final StoreKind kind;
    private TestDatabase db;
    private DataSource moveable;
    private AuditStore audit;

    @TempDir
    Path dir;

    TenantFenceContract(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void open() {
        db = SeparateDatabases.open(kind);
        moveable = TenantFence.moveable(db.dataSource());
        Placement<Jdbc> placement = Placement.of(TenantPlacement.single("a"), Map.of("a", Jdbc.of(moveable)));
        audit = placement.route(AuditStore.class, j -> JdbcAuditStore.create(j, Clock.systemUTC()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void setState(TenantId tenant, String state) {
        db.jdbc().inTransactionRun(c -> {
            Jdbc.update(c, "INSERT INTO backoffice_tenant_fence (tenant_id, state) VALUES (?, 'open') ON CONFLICT DO NOTHING", tenant.value());
            Jdbc.update(c, "UPDATE backoffice_tenant_fence SET state = ? WHERE tenant_id = ?", state, tenant.value());
        });
    }

    private static AuditEvent event(String subject) {
        return AuditEvent.of("tester", "test.write", subject);
    }

    @Test
    void a_fenced_tenants_writes_are_refused_with_a_typed_retryable_error_and_other_tenants_carry_on() {
        audit.forTenant(MOVING).append(event("before"));
        audit.forTenant(STAYING).append(event("before"));

        setState(MOVING, TenantFence.FENCED);
        assertThatThrownBy(() -> audit.forTenant(MOVING).append(event("during")))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo("storage.tenant_moving"))
                .hasMessageContaining("moving-co").hasMessageContaining("again");
        audit.forTenant(STAYING).append(event("during"));
        assertThat(audit.forTenant(MOVING).size()).isEqualTo(1);
        assertThat(audit.forTenant(STAYING).size()).isEqualTo(2);

        setState(MOVING, TenantFence.MOVED);
        assertThatThrownBy(() -> audit.forTenant(MOVING).append(event("after")))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo("storage.tenant_moved"))
                .hasMessageNotContaining(db.url()).hasMessageNotContaining("jdbc:");
        assertThat(audit.forTenant(MOVING).size()).isEqualTo(1);

        setState(MOVING, TenantFence.OPEN);
        audit.forTenant(MOVING).append(event("reopened"));
        assertThat(audit.forTenant(MOVING).size()).isEqualTo(2);
        assertThat(audit.forTenant(MOVING).verify().intact()).isTrue();
    }

    @Test
    void reads_are_never_fenced_a_fenced_tenants_audit_chain_verifies_and_its_export_reads() {
        audit.forTenant(MOVING).append(event("one"));
        audit.forTenant(MOVING).append(event("two"));
        AuditStore direct = JdbcAuditStore.create(Jdbc.of(moveable), Clock.systemUTC()); // no routing: no tenant set by it
        for (String state : List.of(TenantFence.FENCED, TenantFence.INCOMING, TenantFence.MOVED)) {
            setState(MOVING, state);
            assertThat(audit.forTenant(MOVING).verify().recordsChecked()).as("verify while %s", state).isEqualTo(2);
            assertThat(direct.forTenant(MOVING).verify().intact()).as("verify while %s, store used directly", state).isTrue();
            assertThat(direct.forTenant(MOVING).read(1, 10)).hasSize(2);
            ExportManifest export = TenantExport.export(Jdbc.of(moveable), MOVING, "core",
                    TenantExport.tablesOf("core", JdbcAuditStore.SCHEMA), dir.resolve(state));
            assertThat(export.tables()).filteredOn(t -> t.table().equals("audit_log")).singleElement()
                    .satisfies(t -> assertThat(t.rows()).isEqualTo(2));
            assertThatThrownBy(() -> audit.forTenant(MOVING).append(event("refused")))
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).startsWith("storage.tenant_mov"));
        }
    }

    @Test
    void a_tenant_on_its_way_in_is_refused_on_the_target_until_it_opens() {
        setState(MOVING, TenantFence.INCOMING);
        assertThatThrownBy(() -> audit.forTenant(MOVING).append(event("early")))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo("storage.tenant_moving"));
        assertThat(audit.forTenant(MOVING).size()).isZero();
    }

    @Test
    void the_fence_waits_for_a_write_in_flight_and_every_later_write_sees_it() throws Exception {
        audit.forTenant(MOVING).append(event("first")); // the fence row exists
        Jdbc writes = Jdbc.of(moveable);
        CountDownLatch checked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // a write of the tenant that has passed its fence check and not yet committed
            Future<?> inFlight = pool.submit(() -> {
                try (TenantFence.Scope ignored = TenantFence.enter(MOVING)) {
                    writes.inTransactionRun(c -> {
                        Jdbc.queryOne(c, "SELECT state FROM backoffice_tenant_fence WHERE tenant_id = ? FOR UPDATE",
                                rs -> rs.getString(1), MOVING.value());
                        checked.countDown();
                        await(release);
                        Jdbc.update(c, "INSERT INTO audit_head (tenant_id, last_seq, last_hash) VALUES (?, 0, ?) ON CONFLICT DO NOTHING",
                                "in-flight-marker", "x".repeat(64));
                    });
                }
                return null;
            });
            assertThat(checked.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> fence = pool.submit(() -> {
                setState(MOVING, TenantFence.FENCED);
                return null;
            });
            Thread.sleep(300);
            assertThat(fence.isDone()).as("the fence waits for the write in flight").isFalse();
            release.countDown();
            inFlight.get(10, TimeUnit.SECONDS);
            fence.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThatThrownBy(() -> audit.forTenant(MOVING).append(event("late")))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo("storage.tenant_moving"));
    }

    @Test
    void a_write_over_a_moveable_database_outside_any_tenants_call_is_refused() {
        Jdbc writes = Jdbc.of(moveable);
        assertThat(writes.checksFences()).isTrue();
        assertThat(db.jdbc().checksFences()).as("a plain data source pays nothing").isFalse();
        assertThatThrownBy(() -> writes.inTransactionRun(c -> Jdbc.update(c,
                "INSERT INTO audit_head (tenant_id, last_seq, last_hash) VALUES (?, 0, ?)", "nobody", "x".repeat(64))))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo("storage.failure"))
                .hasMessageContaining("TenantFence.enter");
        long heads = db.jdbc().inTransaction(c -> Jdbc.queryOne(c, "SELECT COUNT(*) FROM audit_head WHERE tenant_id = ?",
                rs -> rs.getLong(1), "nobody").orElseThrow());
        assertThat(heads).isZero();
        // reads need no tenant
        long read = writes.inReadTransaction(c -> Jdbc.queryOne(c, "SELECT COUNT(*) FROM audit_head WHERE tenant_id = ?",
                rs -> rs.getLong(1), "nobody").orElseThrow());
        assertThat(read).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
