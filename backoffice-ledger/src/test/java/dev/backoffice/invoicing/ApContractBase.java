package dev.backoffice.invoicing;

import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.invoicing.jdbc.JdbcInvoiceStore;
import dev.backoffice.invoicing.jdbc.JdbcPayableStore;
import dev.backoffice.invoicing.memory.InMemoryInvoiceStore;
import dev.backoffice.invoicing.memory.InMemoryPayableStore;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.LedgerStore;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import dev.backoffice.ledger.memory.InMemoryLedgerStore;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The base of the suites of the purchase ledger, the reports and the corrections, run on each
 * store kind: one database (or none) per class, a fresh tenant per test, invoices, payables,
 * ledger and audit on one data source (one transaction).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApContractBase {

    protected static final LocalDate MARCH_16 = LocalDate.of(2026, 3, 16);

    protected final StoreKind kind;
    private TestDatabase db;
    private InvoiceStore invoiceStore;
    private PayableStore payableStore;
    private LedgerStore ledgerStore;

    protected AdjustableClock clock;
    protected TenantId tenant;
    protected Ledger ledgers;
    protected TenantLedger ledger;
    protected AuditStore audit;
    protected TenantInvoicing invoicing;
    protected TenantPayables payables;

    protected ApContractBase(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeAll
    void openStores() {
        if (kind.jdbc()) {
            db = kind.openDatabase();
            invoiceStore = JdbcInvoiceStore.create(db.dataSource());
            payableStore = JdbcPayableStore.create(db.dataSource());
            ledgerStore = JdbcLedgerStore.create(db.dataSource());
        } else {
            invoiceStore = InMemoryInvoiceStore.create();
            payableStore = InMemoryPayableStore.create();
            ledgerStore = InMemoryLedgerStore.create();
        }
    }

    @AfterAll
    void closeStores() throws Exception {
        if (ledgerStore instanceof AutoCloseable closeable) {
            closeable.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void freshTenant() {
        clock = AdjustableClock.startingAt(Instant.parse("2026-03-16T09:00:00Z"));
        tenant = TenantId.of("t-" + UUID.randomUUID());
        audit = kind.jdbc() ? JdbcAuditStore.create(Jdbc.of(db.dataSource()), clock) : InMemoryAuditStore.create(clock);
        ledgers = Ledger.builder().store(ledgerStore).clock(clock).audit(audit).build();
        ledger = ledgers.forTenant(tenant);
        ledger.openAll(ApFixtures.chart());
        invoicing = invoicing(null).forTenant(tenant);
        payables = invoicing.payables();
    }

    /** An invoicing front door over the stores of this class, with {@code rates} (or none). */
    protected Invoicing invoicing(FxRates rates) {
        Invoicing.Builder b = Invoicing.builder().store(invoiceStore).payables(payableStore).ledger(ledgers, ApFixtures.ACCOUNTS)
                .clock(clock).audit(audit);
        if (rates != null) {
            b.fxRates(rates);
        }
        return b.build();
    }

    /** Asserts {@code call} fails with {@code code}; returns the exception. */
    protected static BackofficeException fails(String code, ThrowableAssert.ThrowingCallable call) {
        BackofficeException e = catchThrowableOfType(BackofficeException.class, call);
        assertThat(e).as("expected a failure with code %s", code).isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        return e;
    }

    /** Asserts {@code call} fails with {@code code} naming {@code field} (as a violation, or leading the message). */
    protected static BackofficeException failsNaming(String code, String field, ThrowableAssert.ThrowingCallable call) {
        BackofficeException e = fails(code, call);
        if (e instanceof dev.backoffice.core.error.InvalidRequestException invalid) {
            assertThat(invalid.violations().get(0).field()).isEqualTo(field);
        } else {
            assertThat(e.getMessage()).startsWith(field + ":");
        }
        return e;
    }
}
