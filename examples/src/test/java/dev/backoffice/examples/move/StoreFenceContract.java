package dev.backoffice.examples.move;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.jdbc.TenantFence;
import dev.backoffice.core.logging.LogContext;
import dev.backoffice.core.store.MultiTenantStore;
import dev.backoffice.core.store.TenantStore;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.SchemaScripts;
import dev.backoffice.core.testing.SeparateDatabases;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.docs.jdbc.JdbcDocumentStore;
import dev.backoffice.inventory.jdbc.JdbcInventoryStore;
import dev.backoffice.invoicing.jdbc.JdbcInvoiceStore;
import dev.backoffice.invoicing.jdbc.JdbcPayableStore;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import dev.backoffice.orders.jdbc.JdbcOrderStore;
import dev.backoffice.payroll.jdbc.JdbcPayrollStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #20, the fence's call context: whose write a transaction is comes from the store that
 * opens it for its tenant, not from the logging context. Every module's JDBC store, used
 * directly (no front door, no placement), writes for its tenant on a moveable database and is
 * fenced for it; a {@code LogContext} alone does not make a raw write a tenant's; a transaction
 * that writes for two tenants is checked against both fences.
 */
abstract class StoreFenceContract {

    private static final TenantId MOVING = TenantId.of("moving-co");
    private static final TenantId STAYING = TenantId.of("staying-co");

    private final StoreKind kind;
    private TestDatabase db;
    private Jdbc moveable;
    private final Map<String, MultiTenantStore<? extends TenantStore<?, ?>>> stores = new LinkedHashMap<>();
    private JdbcLedgerStore ledger;

    StoreFenceContract(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void open() {
        db = SeparateDatabases.open(kind);
        SchemaScripts.installAll(db.jdbc());
        moveable = Jdbc.of(TenantFence.moveable(db.dataSource()));
        ledger = JdbcLedgerStore.builder(moveable).build();
        stores.put("ledger", ledger);
        stores.put("orders", JdbcOrderStore.create(moveable));
        stores.put("payroll", JdbcPayrollStore.create(moveable));
        stores.put("docs", JdbcDocumentStore.create(moveable));
        stores.put("invoices", JdbcInvoiceStore.builder(moveable).build());
        stores.put("payables", JdbcPayableStore.create(moveable));
        stores.put("inventory", JdbcInventoryStore.builder(moveable).build());
    }

    @AfterEach
    void close() {
        ledger.close();
        db.close();
    }

    private void setState(TenantId tenant, String state) {
        db.jdbc().inTransactionRun(c -> {
            Jdbc.update(c, "INSERT INTO backoffice_tenant_fence (tenant_id, state) VALUES (?, 'open') ON CONFLICT DO NOTHING", tenant.value());
            Jdbc.update(c, "UPDATE backoffice_tenant_fence SET state = ? WHERE tenant_id = ?", state, tenant.value());
        });
    }

    private static String emptyWrite(MultiTenantStore<? extends TenantStore<?, ?>> store, TenantId tenant) {
        return store.forTenant(tenant).write(tx -> "written");
    }

    @Test
    void every_store_used_directly_writes_for_its_tenant_and_is_fenced_for_it() {
        stores.forEach((name, store) -> assertThat(emptyWrite(store, MOVING)).as(name).isEqualTo("written"));
        setState(MOVING, TenantFence.FENCED);
        stores.forEach((name, store) -> {
            assertThatThrownBy(() -> emptyWrite(store, MOVING)).as(name)
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo("storage.tenant_moving"));
            assertThat(emptyWrite(store, STAYING)).as(name + ", another tenant").isEqualTo("written");
        });
    }

    @Test
    void a_log_context_alone_does_not_make_a_raw_write_a_tenants() {
        try (LogContext ignored = LogContext.open(MOVING, "test.raw")) {
            assertThatThrownBy(() -> moveable.inTransactionRun(c -> { }))
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo("storage.failure"));
        }
        try (TenantFence.Scope ignored = TenantFence.enter(MOVING)) {
            moveable.inTransactionRun(c -> { }); // the explicit way for a host's own writes
        }
    }

    @Test
    void a_transaction_writing_for_two_tenants_is_checked_against_both_fences() {
        JdbcAuditStore audit = JdbcAuditStore.create(moveable, Clock.systemUTC());
        setState(MOVING, TenantFence.FENCED);
        assertThatThrownBy(() -> moveable.inTransactionRun(c -> {
            audit.forTenant(STAYING).append(AuditEvent.of("tester", "test.write", "staying"));
            audit.forTenant(MOVING).append(AuditEvent.of("tester", "test.write", "moving"));
        })).isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo("storage.tenant_moving"));
        assertThat(audit.forTenant(STAYING).size()).as("nothing of the transaction landed").isZero();

        setState(MOVING, TenantFence.OPEN);
        moveable.inTransactionRun(c -> {
            audit.forTenant(STAYING).append(AuditEvent.of("tester", "test.write", "staying"));
            audit.forTenant(MOVING).append(AuditEvent.of("tester", "test.write", "moving"));
        });
        assertThat(audit.forTenant(STAYING).size()).isEqualTo(1);
        assertThat(audit.forTenant(MOVING).size()).isEqualTo(1);
    }
}
