package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.OpenAccount;
import dev.backoffice.ledger.TenantLedger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A fresh tenant's books for the commit-outcome contracts of the modules that post to the ledger
 * (invoicing, payables, prepayments, inventory): its ledger and the audit log on the contract's one
 * faulty database, so a write, its journal entry and its audit record are one transaction, with the
 * chart opened and the clock at the fixtures' issue date. The module under test is built on
 * {@link #ledgers()}, {@link #clock()} and {@link #audit()} for {@link #tenant()}.
 *
 * @param tenant  a tenant no other test has used
 * @param clock   starts at Monday 16 March 2026, 09:00 UTC (the fixtures' issue date)
 * @param audit   the audit log on the faulty database
 * @param ledgers the ledger front door on the shared store
 * @param ledger  {@code tenant}'s ledger, its chart open
 */
public record TenantBooks(TenantId tenant, AdjustableClock clock, AuditStore audit, Ledger ledgers, TenantLedger ledger) {

    private static final Instant START = Instant.parse("2026-03-16T09:00:00Z");

    /**
     * Opens a fresh tenant's books.
     *
     * @param store the contract's ledger store (on its faulty data source)
     * @param jdbc  the faulty data source, for the audit log
     * @param chart the accounts the module under test posts to
     */
    public static TenantBooks open(JdbcLedgerStore store, Jdbc jdbc, List<OpenAccount> chart) {
        AdjustableClock clock = AdjustableClock.startingAt(START);
        TenantId tenant = TenantId.of("t-" + UUID.randomUUID());
        AuditStore audit = JdbcAuditStore.create(jdbc, clock);
        Ledger ledgers = Ledger.builder().store(store).clock(clock).audit(audit).build();
        TenantLedger ledger = ledgers.forTenant(tenant);
        ledger.openAll(chart);
        return new TenantBooks(tenant, clock, audit, ledgers, ledger);
    }
}
