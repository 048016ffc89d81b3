package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestHost;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.OpenAccount;
import dev.backoffice.ledger.TenantLedger;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static dev.backoffice.ledger.AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JDBC ledger inside a host application's transaction (issue #18 item 1): with group commit
 * on, a post made inside the host's transaction is carried by the host's connection (the group
 * committer steps aside), so the host's commit lands it and its rollback takes it back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LedgerHostTransactionContract {

    private static final CurrencyUnit EUR = CurrencyUnit.EUR;
    private static final LocalDate D1 = LocalDate.of(2026, 3, 1);

    private final StoreKind kind;
    private TestDatabase db;
    private TestHost host;
    private JdbcLedgerStore store;
    private Jdbc plain;
    private TenantId tenant;
    private TenantLedger ledger;

    LedgerHostTransactionContract(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeAll
    void open() {
        db = kind.openDatabase();
        host = TestHost.over(db.dataSource());
        plain = Jdbc.of(db.dataSource());
        store = JdbcLedgerStore.builder(Jdbc.of(db.dataSource()).withHostTransactions(host)).groupCommit(true).build();
    }

    @AfterAll
    void close() {
        if (store != null) {
            store.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void freshTenant() {
        tenant = TenantId.of("t-" + UUID.randomUUID());
        ledger = Ledger.builder().store(store).clock(AdjustableClock.startingAt(Instant.parse("2026-03-05T10:00:00Z")))
                .build().forTenant(tenant);
        ledger.openAll(List.of(
                OpenAccount.of("1000", "Cash", AccountType.ASSET, EUR),
                OpenAccount.of("2010", "Alice wallet", AccountType.LIABILITY, EUR).flags(DEBITS_MUST_NOT_EXCEED_CREDITS)));
        ledger.post(EntryRequest.builder(D1, "deposit").debit("1000", eur(100)).credit("2010", eur(100)).build());
    }

    @AfterEach
    void theLedgerNeverCommittedOrClosedTheHostsConnection() {
        assertThat(host.forbiddenCalls()).isEmpty();
    }

    private static Money eur(long units) {
        return Money.ofMajor(EUR, units);
    }

    /** Entries of the tenant that are committed, read on another thread (outside any host transaction). */
    private long committedEntries() {
        return CompletableFuture.supplyAsync(() -> plain.inTransaction(c -> Jdbc.queryOne(c,
                "SELECT COUNT(*) FROM ledger_entry WHERE tenant_id = ?", rs -> rs.getLong(1), tenant.value()).orElseThrow())).join();
    }

    private EntryRequest withdrawal(long units) {
        return EntryRequest.builder(D1, "withdrawal " + units).debit("2010", eur(units)).credit("1000", eur(units)).build();
    }

    @Test
    void aPostInsideTheHostsTransactionLandsWithTheHostsCommit() {
        host.begin();
        JournalEntry entry;
        try {
            entry = ledger.post(withdrawal(30));
            assertThat(committedEntries()).as("not committed by a group of its own").isEqualTo(1);
        } finally {
            host.commit();
        }
        assertThat(committedEntries()).isEqualTo(2);
        assertThat(ledger.entry(entry.id()).id()).isEqualTo(entry.id());
    }

    @Test
    void aPostInsideTheHostsTransactionIsTakenBackByTheHostsRollback() {
        host.begin();
        JournalEntry entry;
        try {
            entry = ledger.post(withdrawal(30));
            assertThat(ledger.entry(entry.id()).id()).as("the host's transaction sees its own entry").isEqualTo(entry.id());
        } finally {
            host.rollback();
        }
        assertThat(committedEntries()).isEqualTo(1);
        assertThat(ledger.journal(0, 100)).extracting(JournalEntry::id).doesNotContain(entry.id());
        // the balance is what it was: all 100 can still be withdrawn, and no more
        ledger.post(withdrawal(100));
        assertThatThrownBy(() -> ledger.post(withdrawal(1))).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aRefusedPostLeavesTheHostsTransactionUsableAndTheRestLands() {
        host.begin();
        try {
            assertThatThrownBy(() -> ledger.post(withdrawal(1000))).isInstanceOf(RuleViolationException.class);
            ledger.post(withdrawal(40));
        } finally {
            host.commit();
        }
        assertThat(committedEntries()).isEqualTo(2);
    }
}
