package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.CommitOutcomeContract;
import dev.backoffice.core.testing.CommitOutcomes.Fault;
import dev.backoffice.core.testing.CommitOutcomes.Probe;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.ledger.Account;
import dev.backoffice.ledger.AccountRef;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.EntryKind;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.OpenAccount;
import dev.backoffice.ledger.TenantLedger;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static dev.backoffice.ledger.AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a failure of a ledger write means (DESIGN.md section 11, issue #14 item 2), with faults
 * injected between the JDBC store and a real database: a commit that lands and loses its
 * acknowledgement, a connection dropped while committing, and every statement of the write in
 * turn failing (by a lost connection, or by a plain database error). For every write path and
 * every fault, what the caller was told matches what is stored: told done, the result is stored
 * exactly once; told not done, nothing is stored; nothing is ever doubled or lost.
 * One subclass per JDBC {@link StoreKind} and {@link Commit} path.
 */
abstract class LedgerCommitOutcomeContract extends CommitOutcomeContract {

    private static final CurrencyUnit EUR = CurrencyUnit.EUR;
    private static final LocalDate D1 = LocalDate.of(2026, 3, 1);

    /** The store's write path under test. */
    protected enum Commit {
        /** Group commit on (the default): units of work are coalesced by the committer. */
        GROUP,
        /** Group commit off: each unit of work is its own transaction. */
        DIRECT
    }

    private final Commit commit;
    private JdbcLedgerStore store;
    private AuditStore audit;
    private TenantId tenant;
    private TenantLedger ledger;
    private AdjustableClock clock;
    private int serial;

    protected LedgerCommitOutcomeContract(StoreKind kind, Commit commit) {
        super(kind);
        this.commit = commit;
    }

    @BeforeAll
    void open() {
        store = closeAfterAll(JdbcLedgerStore.builder(faulty()).groupCommit(commit == Commit.GROUP).build());
        audit = JdbcAuditStore.create(store.jdbc(), AdjustableClock.startingAt(Instant.parse("2026-03-05T10:00:00Z")));
    }

    @BeforeEach
    void freshTenant() {
        tenant = TenantId.of("t-" + UUID.randomUUID());
        clock = AdjustableClock.startingAt(Instant.parse("2026-03-05T10:00:00Z"));
        ledger = Ledger.builder().store(store).clock(clock)
                .audit(audit).build().forTenant(tenant);
        ledger.openAll(List.of(
                OpenAccount.of("1000", "Cash", AccountType.ASSET, EUR),
                OpenAccount.of("2010", "Alice wallet", AccountType.LIABILITY, EUR).flags(DEBITS_MUST_NOT_EXCEED_CREDITS),
                OpenAccount.of("3000", "Capital", AccountType.EQUITY, EUR)));
        ledger.post(EntryRequest.builder(D1, "deposit").debit("1000", eur(1000)).credit("2010", eur(1000)).build());
    }

    private static Money eur(long units) {
        return Money.ofMajor(EUR, units);
    }

    private List<JournalEntry> journal() {
        return ledger.journal(0, 10_000);
    }

    private int entriesDescribed(String description) {
        return (int) journal().stream().filter(e -> e.description().equals(description)).count();
    }

    private String next(String what) {
        return what + " " + (++serial);
    }

    private JournalEntry hold(long units) {
        return ledger.post(EntryRequest.builder(D1, next("hold")).debit("2010", eur(units)).credit("1000", eur(units)).pending().build());
    }

    private int resolutionsOf(JournalEntry hold, EntryKind kind) {
        return (int) journal().stream().filter(e -> e.pendingId().equals(Optional.of(hold.id())) && e.kind() == kind).count();
    }

    private int stored(JournalEntry told) {
        return (int) journal().stream().filter(e -> e.equals(told)).count();
    }

    /** The wallet's posted balance (a liability: credits less debits) is what the stored entries moved. */
    private void walletMatchesTheJournal() {
        long out = 0;
        for (JournalEntry e : journal()) {
            if (e.kind() == EntryKind.PENDING) {
                continue;
            }
            for (var l : e.lines()) {
                if (l.account().equals(ledger.account("2010").id())) {
                    long minor = l.amount().getAmountMinorLong();
                    boolean debit = l.side() == dev.backoffice.ledger.Side.DEBIT;
                    if (e.kind() == EntryKind.VOID_PENDING || e.kind() == EntryKind.EXPIRE_PENDING) {
                        continue; // releases a hold: no posted movement
                    }
                    out += debit ? minor : -minor;
                }
            }
        }
        assertThat(ledger.balance("2010").posted().getAmountMinorLong()).isEqualTo(-out);
    }

    // ------------------------------------------------------------------ the write paths

    @Test
    void aPostIsStoredExactlyOnceWhateverTheFaultAndTheCallerIsToldSo() {
        Probe statements = probe(() -> ledger.post(EntryRequest.builder(D1, "probe").debit("2010", eur(1)).credit("3000", eur(1)).build()),
                () -> ledger.post(EntryRequest.builder(D1, "probe").debit("2010", eur(1)).credit("3000", eur(1)).build()));
        for (Fault fault : faults(statements)) {
            String d = next("post");
            toldMatchesStored(fault, () -> ledger.post(EntryRequest.builder(D1, d).debit("2010", eur(1)).credit("3000", eur(1)).build()),
                    this::stored, () -> entriesDescribed(d), 1);
        }
        walletMatchesTheJournal();
    }

    @Test
    void aPostWithAnIdempotencyKeyIsStoredExactlyOnceWhateverTheFault() {
        Probe statements = probe(() -> ledger.post(EntryRequest.builder(D1, "probe").debit("2010", eur(1)).credit("3000", eur(1))
                .idempotencyKey("probe 1").build()), () -> ledger.post(EntryRequest.builder(D1, "probe").debit("2010", eur(1))
                .credit("3000", eur(1)).idempotencyKey("probe 2").build()));
        for (Fault fault : faults(statements)) {
            String d = next("keyed");
            toldMatchesStored(fault, () -> ledger.post(EntryRequest.builder(D1, d).debit("2010", eur(1)).credit("3000", eur(1))
                    .idempotencyKey(d).build()), this::stored, () -> entriesDescribed(d), 1);
        }
        walletMatchesTheJournal();
    }

    @Test
    void aBatchIsStoredExactlyOnceAndWholeWhateverTheFault() {
        Runnable probe = () -> ledger.postAll(List.of(
                EntryRequest.builder(D1, "probe a").debit("2010", eur(1)).credit("3000", eur(1)).build(),
                EntryRequest.builder(D1, "probe b").debit("1000", eur(1)).credit("3000", eur(1)).build()));
        Probe statements = probe(probe, probe);
        for (Fault fault : faults(statements)) {
            String d = next("batch");
            toldMatchesStored(fault, () -> ledger.postAll(List.of(
                            EntryRequest.builder(D1, d).debit("2010", eur(1)).credit("3000", eur(1)).build(),
                            EntryRequest.builder(D1, d).debit("1000", eur(1)).credit("3000", eur(1)).build())),
                    told -> told.stream().mapToInt(this::stored).sum(), () -> entriesDescribed(d), 2);
        }
        walletMatchesTheJournal();
    }

    @Test
    void postingAHoldIsStoredExactlyOnceWhateverTheFault() {
        JournalEntry probe1 = hold(1);
        JournalEntry probe2 = hold(1);
        Probe statements = probe(() -> ledger.postPending(probe1.id()), () -> ledger.postPending(probe2.id()));
        for (Fault fault : faults(statements)) {
            JournalEntry h = hold(2);
            toldMatchesStored(fault, () -> ledger.postPending(h.id()), this::stored, () -> resolutionsOf(h, EntryKind.POST_PENDING), 1);
        }
        walletMatchesTheJournal();
    }

    @Test
    void postingPartOfAHoldIsStoredExactlyOnceWhateverTheFault() {
        JournalEntry probe1 = hold(3);
        JournalEntry probe2 = hold(3);
        Probe statements = probe(() -> ledger.postPending(probe1.id(), eur(1)), () -> ledger.postPending(probe2.id(), eur(1)));
        for (Fault fault : faults(statements)) {
            JournalEntry h = hold(3);
            toldMatchesStored(fault, () -> ledger.postPending(h.id(), eur(1)), this::stored,
                    () -> resolutionsOf(h, EntryKind.POST_PENDING), 1);
        }
        walletMatchesTheJournal();
    }

    @Test
    void voidingAHoldIsStoredExactlyOnceWhateverTheFault() {
        JournalEntry probe1 = hold(1);
        JournalEntry probe2 = hold(1);
        Probe statements = probe(() -> ledger.voidPending(probe1.id()), () -> ledger.voidPending(probe2.id()));
        for (Fault fault : faults(statements)) {
            JournalEntry h = hold(2);
            toldMatchesStored(fault, () -> ledger.voidPending(h.id()), this::stored, () -> resolutionsOf(h, EntryKind.VOID_PENDING), 1);
        }
        assertThat(ledger.balance("2010").debitsPending().getAmountMinorLong())
                .as("no hold is left pending but the ones never voided")
                .isEqualTo(journal().stream().filter(e -> e.kind() == EntryKind.PENDING)
                        .filter(e -> journal().stream().noneMatch(r -> r.pendingId().equals(Optional.of(e.id()))))
                        .mapToLong(e -> e.lines().get(0).amount().getAmountMinorLong()).sum());
    }

    @Test
    void aReversalIsStoredExactlyOnceWhateverTheFault() {
        JournalEntry probe1 = ledger.post(EntryRequest.builder(D1, "probe").debit("2010", eur(1)).credit("3000", eur(1)).build());
        JournalEntry probe2 = ledger.post(EntryRequest.builder(D1, "probe").debit("2010", eur(1)).credit("3000", eur(1)).build());
        Probe statements = probe(() -> ledger.reverse(probe1.id(), "probe"), () -> ledger.reverse(probe2.id(), "probe"));
        for (Fault fault : faults(statements)) {
            JournalEntry original = ledger.post(EntryRequest.builder(D1, next("original")).debit("2010", eur(1)).credit("3000", eur(1)).build());
            toldMatchesStored(fault, () -> ledger.reverse(original.id(), "mistake"), this::stored,
                    () -> (int) journal().stream().filter(e -> e.reverses().equals(Optional.of(original.id()))).count(), 1);
        }
        walletMatchesTheJournal();
    }

    @Test
    void openingAnAccountIsStoredExactlyOnceWhateverTheFault() {
        Probe statements = probe(() -> ledger.open(OpenAccount.of("9998", "probe", AccountType.ASSET, EUR)),
                () -> ledger.open(OpenAccount.of("9999", "probe", AccountType.ASSET, EUR)));
        for (Fault fault : faults(statements)) {
            String code = "8" + (++serial);
            toldMatchesStored(fault, () -> ledger.open(OpenAccount.of(code, "Account " + code, AccountType.ASSET, EUR)),
                    told -> (int) ledger.accounts().stream().filter(told::equals).count(),
                    () -> (int) ledger.accounts().stream().map(Account::code).filter(code::equals).count(), 1);
        }
    }

    @Test
    void closingAPeriodIsStoredAndAuditedExactlyOnceWhateverTheFault() {
        Probe statements = probe(() -> ledger.closePeriod(LocalDate.of(2024, 12, 31), "probe"),
                () -> ledger.closePeriod(LocalDate.of(2025, 1, 1), "probe"));
        LocalDate through = LocalDate.of(2025, 1, 1);
        for (Fault fault : faults(statements)) {
            LocalDate day = through = through.plusDays(1);
            long audited = audit.forTenant(tenant).size();
            toldMatchesStored(fault, () -> ledger.closePeriod(day, "controller"),
                    told -> told.closedThrough().equals(Optional.of(day)) ? 1 : 0,
                    () -> {
                        boolean closed = ledger.periodStatus().closedThrough().equals(Optional.of(day));
                        int records = (int) (audit.forTenant(tenant).size() - audited);
                        assertThat(records).as("one audit record per close that landed").isEqualTo(closed ? 1 : 0);
                        return records;
                    }, 1);
        }
        assertThat(audit.forTenant(tenant).verify().intact()).isTrue();
    }

    @Test
    void reopeningAPeriodIsStoredAndAuditedExactlyOnceWhateverTheFault() {
        LocalDate day = LocalDate.of(2025, 6, 1);
        Probe statements = probe(() -> {
            ledger.closePeriod(day, "probe");
            ledger.reopenPeriod(day, "probe", "probe");
            ledger.closePeriod(day, "probe");
        }, () -> ledger.reopenPeriod(day, "probe", "probe"));
        for (Fault fault : faults(statements)) {
            ledger.closePeriod(day, "controller");
            long audited = audit.forTenant(tenant).size();
            toldMatchesStored(fault, () -> ledger.reopenPeriod(day, "controller", "correction"),
                    told -> told.closedThrough().equals(Optional.of(day.minusDays(1))) ? 1 : 0,
                    () -> {
                        boolean reopened = ledger.periodStatus().closedThrough().equals(Optional.of(day.minusDays(1)));
                        int records = (int) (audit.forTenant(tenant).size() - audited);
                        assertThat(records).as("one audit record per reopening that landed").isEqualTo(reopened ? 1 : 0);
                        return records;
                    }, 1);
        }
        assertThat(audit.forTenant(tenant).verify().intact()).isTrue();
    }

    @Test
    void expiringAHoldVoidsItExactlyOnceWhateverTheFault() {
        // each hold expires an hour after it is posted; a sweep runs two hours later by the clock
        // (expirePending never runs ahead of the clock, #21 item 6)
        Supplier<JournalEntry> expiring = () -> ledger.post(EntryRequest.builder(D1, next("expiring")).debit("2010", eur(1))
                .credit("1000", eur(1)).pendingUntil(clock.instant().plusSeconds(3600)).build());
        Supplier<List<JournalEntry>> sweepTwoHoursLater = () -> {
            clock.advance(Duration.ofHours(2));
            return ledger.expirePending();
        };
        JournalEntry probe1 = expiring.get();
        Probe statements = probe(() -> {
            sweepTwoHoursLater.get();
            expiring.get();
        }, sweepTwoHoursLater::get);
        assertThat(resolutionsOf(probe1, EntryKind.EXPIRE_PENDING)).isEqualTo(1);
        for (Fault fault : faults(statements)) {
            JournalEntry h = expiring.get();
            toldMatchesStored(fault, sweepTwoHoursLater::get,
                    told -> (int) told.stream().filter(v -> v.pendingId().equals(Optional.of(h.id())) && stored(v) == 1).count(),
                    () -> resolutionsOf(h, EntryKind.EXPIRE_PENDING), 1);
            faulty().disarm();
            ledger.expirePending(); // a sweep after a failed one voids what is left, once
            assertThat(resolutionsOf(h, EntryKind.EXPIRE_PENDING)).as(fault.name() + ": voided once in the end").isEqualTo(1);
        }
    }

    @Test
    void aYearEndCloseIsStoredAndAuditedExactlyOnceWhateverTheFault() {
        ledger.open(OpenAccount.of("4000", "Sales", AccountType.INCOME, EUR));
        int[] year = {2000};
        Supplier<Optional<JournalEntry>> closeNextYear = () -> {
            LocalDate end = LocalDate.of(++year[0], 12, 31);
            ledger.post(EntryRequest.builder(end.withDayOfYear(1), next("sale")).debit("1000", eur(5)).credit("4000", eur(5)).build());
            return ledger.closeYear(end, "controller", List.of(AccountRef.code("3000")));
        };
        closeNextYear.get(); // warms up: the probe below counts a second close only
        LocalDate probeEnd = LocalDate.of(year[0] + 1, 12, 31);
        ledger.post(EntryRequest.builder(probeEnd.withDayOfYear(1), next("sale")).debit("1000", eur(5)).credit("4000", eur(5)).build());
        int beforeClose = faulty().statementsExecuted();
        int commitsBefore = faulty().commits();
        year[0]++;
        ledger.closeYear(probeEnd, "controller", List.of(AccountRef.code("3000")));
        Probe statements = new Probe(faulty().statementsExecuted() - beforeClose, faulty().commits() - commitsBefore);
        for (Fault fault : faults(statements)) {
            LocalDate end = LocalDate.of(year[0] + 1, 12, 31);
            ledger.post(EntryRequest.builder(end.withDayOfYear(1), next("sale")).debit("1000", eur(5)).credit("4000", eur(5)).build());
            year[0]++;
            long audited = audit.forTenant(tenant).size();
            toldMatchesStored(fault, () -> ledger.closeYear(end, "controller", List.of(AccountRef.code("3000"))),
                    told -> told.map(this::stored).orElse(0),
                    () -> {
                        int closings = (int) journal().stream().filter(e -> e.kind() == EntryKind.CLOSING && e.effectiveDate().equals(end)).count();
                        boolean closed = ledger.periodStatus().closedThrough().equals(Optional.of(end));
                        assertThat(closed).as(fault.name() + ": closed with its closing entry, or neither").isEqualTo(closings == 1);
                        assertThat(audit.forTenant(tenant).size() - audited).as(fault.name() + ": one audit record per landed close")
                                .isEqualTo(closings);
                        return closings;
                    }, 1);
        }
        LocalDate lastClose = ledger.periodStatus().closedThrough().orElseThrow();
        assertThat(ledger.balance(AccountRef.code("4000"), lastClose).posted().isZero())
                .as("the last year-end close emptied the income account, exactly").isTrue();
    }
}
