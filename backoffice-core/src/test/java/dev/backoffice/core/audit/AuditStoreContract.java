package dev.backoffice.core.audit;

import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.time.AdjustableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every audit store promises. One subclass per {@link StoreKind}; the store (and its
 * database) is made once per class and shared by its tests, which each use a fresh tenant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditStoreContract {

    protected final AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-01-31T12:00:00.123456789Z"));
    protected final StoreKind kind;
    /** The database of a JDBC kind (null for the in-memory store). */
    protected TestDatabase db;
    private AuditStore store;

    protected AuditStoreContract(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeAll
    void openStore() {
        if (kind.jdbc()) {
            db = kind.openDatabase();
            store = JdbcAuditStore.create(db.jdbc(), clock);
        } else {
            store = InMemoryAuditStore.create(clock);
        }
    }

    @AfterAll
    void closeStore() {
        if (db != null) {
            db.close();
        }
    }

    protected AuditStore store() {
        return store;
    }

    /** Alters a stored record behind the store's back, as an attacker with database access would. */
    protected void tamperWithActor(TenantId tenant, long sequence, String newActor) {
        if (store instanceof InMemoryAuditStore memory) {
            AuditRecord r = memory.forTenant(tenant).read(sequence, 1).get(0);
            AuditEvent altered = new AuditEvent(newActor, r.event().action(), r.event().subject(), r.event().details());
            memory.tamper(tenant, sequence, new AuditRecord(tenant, sequence, r.recordedAt(), altered, r.previousHash(), r.hash()));
        } else {
            db.jdbc().inTransactionRun(c -> Jdbc.update(c, "UPDATE audit_log SET actor = ? WHERE tenant_id = ? AND seq = ?",
                    newActor, tenant.value(), sequence));
        }
    }

    protected TenantId freshTenant() {
        return TenantId.of("t-" + UUID.randomUUID());
    }

    @Test
    void recordsAreNumberedFromOneAndChained() {
        AuditLog log = store().forTenant(freshTenant());
        AuditRecord first = log.append(AuditEvent.of("alice", "ledger.period_closed", "period/2026-01", Map.of("closedTo", "2026-01-31")));
        clock.advance(Duration.ofMinutes(1));
        AuditRecord second = log.append(AuditEvent.of("bob", "payroll.run_approved", "run/2026-01"));
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(log.read(1, 10)).containsExactly(first, second);
        assertThat(log.size()).isEqualTo(2);
    }

    @Test
    void anUntouchedLogVerifies() {
        AuditLog log = store().forTenant(freshTenant());
        for (int i = 0; i < 5; i++) {
            log.append(AuditEvent.of("svc", "docs.disposed", "doc/" + i, Map.of("sha256", "ab" + i)));
        }
        AuditVerification v = log.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.recordsChecked()).isEqualTo(5);
    }

    @Test
    void verifyNamesTheFirstAlteredRecord() {
        TenantId tenant = freshTenant();
        AuditLog log = store().forTenant(tenant);
        for (int i = 0; i < 6; i++) {
            log.append(AuditEvent.of("svc", "docs.disposed", "doc/" + i));
        }
        tamperWithActor(tenant, 3, "mallory");
        AuditVerification v = log.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).contains(3L);
        assertThat(v.reason().orElseThrow()).contains("altered");
    }

    @Test
    void tenantsHaveSeparateChains() {
        AuditLog a = store().forTenant(freshTenant());
        AuditLog b = store().forTenant(freshTenant());
        a.append(AuditEvent.of("x", "a.one", "s"));
        a.append(AuditEvent.of("x", "a.two", "s"));
        assertThat(b.size()).isZero();
        assertThat(b.append(AuditEvent.of("y", "b.one", "s")).sequence()).isEqualTo(1);
    }

    @Test
    void concurrentAppendersNeverForkTheChain() throws Exception {
        AuditLog log = store().forTenant(freshTenant());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<AuditRecord>> tasks = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                tasks.add(() -> log.append(AuditEvent.of("w" + (n % 8), "test.append", "item/" + n)));
            }
            for (Future<AuditRecord> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(log.size()).isEqualTo(200);
        assertThat(log.verify().intact()).isTrue();
    }
}
