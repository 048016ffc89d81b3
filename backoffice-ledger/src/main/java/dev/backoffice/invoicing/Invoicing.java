package dev.backoffice.invoicing;

import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.page.CursorSigner;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.invoicing.internal.InvoicingService;
import dev.backoffice.invoicing.internal.PayablesService;
import dev.backoffice.ledger.Ledger;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The front door of invoicing: built once over an {@link InvoiceStore} (and, to post, a
 * {@link Ledger} with an {@link AccountMapping}), hands out one {@link TenantInvoicing} per
 * tenant.
 * <pre>{@code
 * Invoicing invoicing = Invoicing.builder()
 *         .store(InMemoryInvoiceStore.create())
 *         .ledger(ledger, AccountMapping.builder().currency(PLN, "1100", "4100", "2200", "1010", "2400").build())
 *         .clock(clock)
 *         .build();
 * TenantInvoicing acme = invoicing.forTenant(TenantId.of("acme"));
 * }</pre>
 * An invoice and its journal entry commit in one transaction when both stores are in memory,
 * or both are JDBC stores over the same {@code DataSource} (the ledger joins the invoice's
 * transaction). Over different data sources the entry is posted inside the invoice's
 * transaction but commits on its own, just before it. Thread-safe.
 */
public final class Invoicing {

    private final InvoiceStore store;
    private final Ledger ledger;
    private final AccountMapping accounts;
    private final FxRates fxRates;
    private final Clock clock;
    private final AuditStore audit;
    private final CursorSigner cursors;
    private final PayableStore payables;
    private final ConcurrentMap<TenantId, TenantInvoicing> tenants = new ConcurrentHashMap<>();

    private Invoicing(Builder b) {
        this.store = Check.notNull(b.store, "store");
        this.ledger = b.ledger;
        this.accounts = b.accounts;
        this.fxRates = b.fxRates;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.audit = b.audit == null ? InMemoryAuditStore.create(clock) : b.audit;
        this.cursors = b.cursors == null ? CursorSigner.random() : b.cursors;
        this.payables = b.payables;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The sales ledger of {@code tenant}. */
    public TenantInvoicing forTenant(TenantId tenant) {
        Check.notNull(tenant, "tenant");
        TenantInvoicing t = tenants.get(tenant);
        return t != null ? t : tenants.computeIfAbsent(tenant, id -> InvoicingService.create(id, store.forTenant(id),
                ledger == null ? null : ledger.forTenant(id), accounts, fxRates, clock, audit.forTenant(id), cursors, store.metrics(),
                payables == null ? null : PayablesService.create(id, payables.forTenant(id), ledger == null ? null : ledger.forTenant(id),
                        accounts, fxRates, clock, audit.forTenant(id), payables.metrics())));
    }

    /** Builder of {@link Invoicing}. */
    public static final class Builder {
        private InvoiceStore store;
        private Ledger ledger;
        private AccountMapping accounts;
        private FxRates fxRates;
        private Clock clock;
        private AuditStore audit;
        private CursorSigner cursors;
        private PayableStore payables;

        private Builder() {
        }

        /**
         * Where the purchase ledger is kept ({@link TenantInvoicing#payables()}; default: none).
         * Give it the data source of the ledger, so an approval and its journal entry commit together.
         */
        public Builder payables(PayableStore store) {
            this.payables = Check.notNull(store, "payables");
            return this;
        }

        /** The store (required). */
        public Builder store(InvoiceStore store) {
            this.store = Check.notNull(store, "store");
            return this;
        }

        /**
         * The general ledger invoices, credit notes and payments are posted to, and which account
         * plays each role (default: no ledger, nothing posted). Give it the same clock.
         */
        public Builder ledger(Ledger ledger, AccountMapping accounts) {
            this.ledger = Check.notNull(ledger, "ledger");
            this.accounts = Check.notNull(accounts, "accounts");
            return this;
        }

        /**
         * Where exchange rates come from, for the local VAT amounts of a foreign-currency invoice
         * of a Polish seller (default: none; such an invoice then fails with
         * {@link InvoicingErrorCode#FX_RATE_MISSING}).
         */
        public Builder fxRates(FxRates rates) {
            this.fxRates = Check.notNull(rates, "fxRates");
            return this;
        }

        /** The clock for "today" (issue dates, the overdue sweep) and stored instants (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Check.notNull(clock, "clock");
            return this;
        }

        /**
         * Where series definitions and cancellations are audited (default: an in-memory log). With
         * a JDBC store pass a {@code JdbcAuditStore} on the same data source, so the audit record
         * commits with the change.
         */
        public Builder audit(AuditStore audit) {
            this.audit = Check.notNull(audit, "audit");
            return this;
        }

        /**
         * The key that signs listing cursors (at least 32 bytes, copied); give every node the same
         * one. Default: a random key per {@code Invoicing}.
         */
        public Builder cursorKey(byte[] key) {
            this.cursors = CursorSigner.withKey(key);
            return this;
        }

        /** The invoicing front door. */
        public Invoicing build() {
            return new Invoicing(this);
        }
    }
}
