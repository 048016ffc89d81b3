package dev.backoffice.ledger;

import dev.backoffice.core.audit.AuditRecord;
import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.error.ConflictException;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.NotFoundException;
import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import dev.backoffice.ledger.memory.InMemoryLedgerStore;
import org.assertj.core.api.ThrowableAssert;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.backoffice.ledger.AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS;
import static dev.backoffice.ledger.AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS;
import static dev.backoffice.ledger.AccountType.ASSET;
import static dev.backoffice.ledger.AccountType.EQUITY;
import static dev.backoffice.ledger.AccountType.EXPENSE;
import static dev.backoffice.ledger.AccountType.INCOME;
import static dev.backoffice.ledger.AccountType.LIABILITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The behaviour every {@link LedgerStore} must show, run through the public {@link TenantLedger}
 * API. One subclass per {@link StoreKind}; the store (and its database) is made once per class
 * and shared by its tests, each of which uses a fresh tenant. The JDBC stores run with group
 * commit on and audit into the same database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LedgerStoreContract {

    protected static final CurrencyUnit EUR = CurrencyUnit.EUR;
    protected static final CurrencyUnit USD = CurrencyUnit.USD;
    protected static final LocalDate D1 = LocalDate.of(2026, 3, 1);
    protected static final LocalDate D2 = LocalDate.of(2026, 3, 2);
    protected static final LocalDate D3 = LocalDate.of(2026, 3, 3);

    private final StoreKind kind;
    private TestDatabase db;
    private LedgerStore shared;

    protected LedgerStoreContract(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeAll
    void openStore() {
        if (kind.jdbc()) {
            db = kind.openDatabase();
            shared = JdbcLedgerStore.create(db.dataSource());
        } else {
            shared = InMemoryLedgerStore.create();
        }
    }

    @AfterAll
    void closeStore() {
        if (shared instanceof JdbcLedgerStore jdbc) {
            jdbc.close();
        }
        if (db != null) {
            db.close();
        }
    }

    /** Where period changes are audited: with a JDBC store, the same database. */
    private AuditStore newAuditStore(Clock clock) {
        return shared instanceof JdbcLedgerStore jdbc ? JdbcAuditStore.create(jdbc.jdbc(), clock) : InMemoryAuditStore.create(clock);
    }

    protected AdjustableClock clock;
    protected AuditStore audit;
    protected TenantId tenant;
    protected LedgerStore store;
    protected TenantLedger ledger;

    @BeforeEach
    void setUpLedger() {
        clock = AdjustableClock.startingAt(Instant.parse("2026-03-05T10:00:00Z"));
        audit = newAuditStore(clock);
        tenant = TenantId.of("t-" + UUID.randomUUID());
        store = shared;
        ledger = Ledger.builder().store(store).clock(clock).audit(audit).build().forTenant(tenant);
        ledger.openAll(List.of(
                OpenAccount.of("1000", "Cash", ASSET, EUR),
                OpenAccount.of("1100", "Receivables", ASSET, EUR),
                OpenAccount.of("2000", "Wallets", LIABILITY, EUR),
                OpenAccount.of("2010", "Alice wallet", LIABILITY, EUR).parent("2000").flags(DEBITS_MUST_NOT_EXCEED_CREDITS),
                OpenAccount.of("2020", "Bob wallet", LIABILITY, EUR).parent("2000").flags(DEBITS_MUST_NOT_EXCEED_CREDITS),
                OpenAccount.of("2200", "VAT payable", LIABILITY, EUR),
                OpenAccount.of("3000", "Capital", EQUITY, EUR),
                OpenAccount.of("3200", "Retained earnings", EQUITY, EUR),
                OpenAccount.of("4000", "Sales", INCOME, EUR),
                OpenAccount.of("6000", "Expenses", EXPENSE, EUR),
                OpenAccount.of("1900", "Cash USD", ASSET, USD),
                OpenAccount.of("3900", "FX EUR", EQUITY, EUR),
                OpenAccount.of("3910", "FX USD", EQUITY, USD),
                OpenAccount.of("3210", "Retained earnings USD", EQUITY, USD),
                OpenAccount.of("4900", "Sales USD", INCOME, USD)));
    }

    protected static Money eur(String amount) {
        return Money.of(EUR, new BigDecimal(amount));
    }

    protected static Money usd(String amount) {
        return Money.of(USD, new BigDecimal(amount));
    }

    protected JournalEntry transfer(String debit, String credit, Money amount, LocalDate date) {
        return ledger.post(EntryRequest.builder(date, "transfer").debit(debit, amount).credit(credit, amount).build());
    }

    /** Alice deposits {@code amount} in cash into her wallet. */
    protected void deposit(String wallet, Money amount) {
        transfer("1000", wallet, amount, D1);
    }

    private static <T extends BackofficeException> T fails(Class<T> type, String code, ThrowableAssert.ThrowingCallable call) {
        T e = catchThrowableOfType(type, call);
        assertThat(e).as("expected %s with code %s", type.getSimpleName(), code).isNotNull();
        assertThat(e.code()).isEqualTo(code);
        return e;
    }

    private long journalSize() {
        return ledger.journal(0, 10_000).size();
    }

    // ------------------------------------------------------------------ chart of accounts

    @Test
    void openedAccountsAreListedByCode() {
        List<Account> accounts = ledger.accounts();
        assertThat(accounts).extracting(Account::code).isSorted().contains("1000", "2010", "4900");
        Account alice = ledger.account("2010");
        assertThat(alice.parent()).contains(ledger.account("2000").id());
        assertThat(alice.flags()).containsExactly(DEBITS_MUST_NOT_EXCEED_CREDITS);
        assertThat(alice.currency()).isEqualTo(EUR);
        assertThat(ledger.account(AccountRef.id(alice.id()))).isEqualTo(alice);
    }

    @Test
    void openingADuplicateCodeIsAConflict() {
        fails(ConflictException.class, "ledger.account_exists",
                () -> ledger.open(OpenAccount.of("1000", "Again", ASSET, EUR)));
    }

    @Test
    void aParentOfAnotherTypeOrCurrencyIsRejected() {
        fails(InvalidRequestException.class, "ledger.invalid_parent",
                () -> ledger.open(OpenAccount.of("1010", "Petty cash", ASSET, USD).parent("1000")));
        fails(InvalidRequestException.class, "ledger.invalid_parent",
                () -> ledger.open(OpenAccount.of("1010", "Petty cash", LIABILITY, EUR).parent("1000")));
    }

    @Test
    void anUnknownAccountIsNotFound() {
        fails(NotFoundException.class, "ledger.account_not_found", () -> ledger.account("9999"));
    }

    @Test
    void openAllIsAtomic() {
        fails(ConflictException.class, "ledger.account_exists", () -> ledger.openAll(List.of(
                OpenAccount.of("7000", "New", EXPENSE, EUR), OpenAccount.of("1000", "Dup", ASSET, EUR))));
        fails(NotFoundException.class, "ledger.account_not_found", () -> ledger.account("7000"));
    }

    @Test
    void accountsOfAnotherTenantAreInvisible() {
        TenantLedger other = Ledger.builder().store(store).clock(clock).build().forTenant(TenantId.of("o-" + UUID.randomUUID()));
        Account mine = ledger.account("1000");
        fails(NotFoundException.class, "ledger.account_not_found", () -> other.account(AccountRef.id(mine.id())));
        other.open(OpenAccount.of("1000", "Their cash", ASSET, EUR));
        other.open(OpenAccount.of("4000", "Their sales", INCOME, EUR));
        BackofficeException e = fails(NotFoundException.class, "ledger.account_not_found", () -> other.post(
                EntryRequest.builder(D1, "steal").debit(mine.id(), eur("1")).credit("4000", eur("1")).build()));
        assertThat(e.getMessage()).contains("postings[0].account");
        assertThat(ledger.balance("1000").posted()).isEqualTo(eur("0"));
    }

    // ------------------------------------------------------------------ posting

    @Test
    void aSaleMovesPostedCountersOnBothSides() {
        JournalEntry e = ledger.post(EntryRequest.builder(D1, "Invoice 1")
                .debit("1100", eur("123.00")).credit("4000", eur("100.00")).credit("2200", eur("23.00"))
                .metadata("invoice", "2026/1").build());
        assertThat(e.kind()).isEqualTo(EntryKind.STANDARD);
        assertThat(e.lines()).hasSize(3);
        assertThat(e.metadata()).containsEntry("invoice", "2026/1");
        assertThat(e.bookedAt()).isEqualTo(clock.instant());
        assertThat(ledger.balance("1100").posted()).isEqualTo(eur("123.00"));
        assertThat(ledger.balance("4000").posted()).isEqualTo(eur("100.00"));
        assertThat(ledger.balance("2200").creditsPosted()).isEqualTo(eur("23.00"));
        assertThat(ledger.entry(e.id())).isEqualTo(e);
    }

    @Test
    void entriesAreReadBackExactly() {
        JournalEntry e = ledger.post(EntryRequest.builder(D2, "Exact").debit("1000", eur("0.01")).credit("3000", eur("0.01"))
                .metadata("a", "1").metadata("b", "2").idempotencyKey("exact-1").build());
        assertThat(ledger.entry(e.id())).isEqualTo(e);
        assertThat(ledger.journal(0, 100)).contains(e);
    }

    @Test
    void anUnbalancedEntryIsRejectedAndNothingIsWritten() {
        long before = journalSize();
        BackofficeException e = fails(InvalidRequestException.class, "ledger.unbalanced", () -> ledger.post(
                EntryRequest.builder(D1, "bad").debit("1000", eur("10")).credit("4000", eur("9.99")).build()));
        assertThat(((InvalidRequestException) e).violations().get(0).field()).isEqualTo("postings");
        assertThat(journalSize()).isEqualTo(before);
        assertThat(ledger.balance("1000").posted()).isEqualTo(eur("0"));
    }

    @Test
    void aSinglePostingIsRejected() {
        fails(InvalidRequestException.class, "ledger.too_few_postings",
                () -> ledger.post(EntryRequest.builder(D1, "one").debit("1000", eur("10")).build()));
    }

    @Test
    void zeroAndNegativeAmountsAreRejected() {
        fails(InvalidRequestException.class, "ledger.non_positive_amount", () -> ledger.post(
                EntryRequest.builder(D1, "zero").debit("1000", eur("0")).credit("4000", eur("0")).build()));
        InvalidRequestException e = fails(InvalidRequestException.class, "ledger.non_positive_amount", () -> ledger.post(
                EntryRequest.builder(D1, "neg").debit("1000", eur("-5")).credit("4000", eur("-5")).build()));
        assertThat(e.violations().get(0).field()).isEqualTo("postings[0].amount");
    }

    @Test
    void aPostingInAnotherCurrencyThanItsAccountIsRejected() {
        InvalidRequestException e = fails(InvalidRequestException.class, "ledger.currency_mismatch", () -> ledger.post(
                EntryRequest.builder(D1, "usd into eur").debit("1000", usd("5")).credit("4000", usd("5")).build()));
        assertThat(e.violations().get(0).field()).isEqualTo("postings[0].amount");
    }

    @Test
    void anUnknownAccountInAPostingIsRejected() {
        fails(NotFoundException.class, "ledger.account_not_found", () -> ledger.post(
                EntryRequest.builder(D1, "x").debit("1000", eur("5")).credit("9999", eur("5")).build()));
    }

    @Test
    void aClosedAccountRefusesPostings() {
        ledger.close(AccountRef.code("6000"));
        assertThat(ledger.account("6000").closed()).isTrue();
        fails(RuleViolationException.class, "ledger.account_closed", () -> transfer("6000", "1000", eur("1"), D1));
        assertThat(ledger.close(AccountRef.code("6000")).closed()).isTrue();
    }

    @Test
    void overflowingAmountsAreRejected() {
        Money huge = Money.ofMinor(EUR, Long.MAX_VALUE - 10);
        transfer("1000", "3000", huge, D1);
        fails(RuleViolationException.class, "ledger.overflow", () -> transfer("1000", "3000", huge, D1));
        fails(RuleViolationException.class, "ledger.overflow", () -> ledger.post(EntryRequest.builder(D1, "sum overflow")
                .debit("1100", huge).debit("1100", huge).credit("3000", eur("1")).build()));
        assertThat(ledger.balance("1000").debitsPosted()).isEqualTo(huge);
    }

    // ------------------------------------------------------------------ idempotency

    @Test
    void theSameKeyAndContentReturnsTheOriginalAndWritesNothing() {
        EntryRequest r = EntryRequest.builder(D1, "Invoice 7").debit("1100", eur("50")).credit("4000", eur("50"))
                .idempotencyKey("inv-7").build();
        JournalEntry first = ledger.post(r);
        clock.advance(Duration.ofMinutes(1));
        JournalEntry again = ledger.post(r);
        assertThat(again).isEqualTo(first);
        assertThat(ledger.balance("1100").posted()).isEqualTo(eur("50"));
        assertThat(journalSize()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithOtherContentIsAConflict() {
        ledger.post(EntryRequest.builder(D1, "Invoice 7").debit("1100", eur("50")).credit("4000", eur("50"))
                .idempotencyKey("inv-7").build());
        fails(ConflictException.class, "ledger.idempotency_conflict", () -> ledger.post(EntryRequest.builder(D1, "Invoice 7")
                .debit("1100", eur("51")).credit("4000", eur("51")).idempotencyKey("inv-7").build()));
        assertThat(ledger.balance("1100").posted()).isEqualTo(eur("50"));
    }

    @Test
    void aCallerSuppliedEntryIdIsIdempotentToo() {
        EntryId id = EntryId.newId();
        EntryRequest r = EntryRequest.builder(D1, "with id").id(id).debit("1100", eur("5")).credit("4000", eur("5")).build();
        JournalEntry first = ledger.post(r);
        assertThat(first.id()).isEqualTo(id);
        assertThat(ledger.post(r)).isEqualTo(first);
        fails(ConflictException.class, "ledger.idempotency_conflict", () -> ledger.post(EntryRequest.builder(D1, "other")
                .id(id).debit("1100", eur("5")).credit("4000", eur("5")).build()));
    }

    @Test
    void postingsByCodeAndByIdAreTheSameContent() {
        Account receivables = ledger.account("1100");
        JournalEntry first = ledger.post(EntryRequest.builder(D1, "mixed").debit("1100", eur("5")).credit("4000", eur("5"))
                .idempotencyKey("k").build());
        JournalEntry again = ledger.post(EntryRequest.builder(D1, "mixed").debit(receivables.id(), eur("5"))
                .credit("4000", eur("5")).idempotencyKey("k").build());
        assertThat(again).isEqualTo(first);
    }

    // ------------------------------------------------------------------ reversal

    @Test
    void aReversalMirrorsTheOriginalAndLinksToIt() {
        JournalEntry sale = ledger.post(EntryRequest.builder(D1, "Invoice 9").debit("1100", eur("123"))
                .credit("4000", eur("100")).credit("2200", eur("23")).build());
        JournalEntry rev = ledger.reverse(sale.id(), "issued in error");
        assertThat(rev.kind()).isEqualTo(EntryKind.REVERSAL);
        assertThat(rev.reverses()).contains(sale.id());
        assertThat(rev.lines()).extracting(EntryLine::side).containsExactly(Side.CREDIT, Side.DEBIT, Side.DEBIT);
        assertThat(rev.metadata()).containsEntry("reversal.reason", "issued in error");
        assertThat(ledger.balance("1100").posted()).isEqualTo(eur("0"));
        assertThat(ledger.balance("4000").posted()).isEqualTo(eur("0"));
        assertThat(ledger.entry(sale.id())).isEqualTo(sale);
    }

    @Test
    void anEntryIsReversedOnlyOnceAndAReversalOnlyOnce() {
        JournalEntry sale = transfer("1100", "4000", eur("10"), D1);
        JournalEntry rev = ledger.reverse(sale.id(), "error");
        fails(RuleViolationException.class, "ledger.already_reversed", () -> ledger.reverse(sale.id(), "again"));
        JournalEntry revRev = ledger.reverse(rev.id(), "the error was not an error");
        assertThat(revRev.reverses()).contains(rev.id());
        fails(RuleViolationException.class, "ledger.already_reversed", () -> ledger.reverse(rev.id(), "twice"));
        assertThat(ledger.balance("1100").posted()).isEqualTo(eur("10"));
    }

    @Test
    void reversingAnUnknownEntryIsNotFound() {
        fails(NotFoundException.class, "ledger.entry_not_found", () -> ledger.reverse(EntryId.newId(), "x"));
    }

    @Test
    void aReversalRespectsBalanceLimits() {
        JournalEntry dep = transfer("1000", "2010", eur("100"), D1);
        transfer("2010", "1000", eur("60"), D1); // Alice withdraws 60
        fails(RuleViolationException.class, "ledger.insufficient_funds", () -> ledger.reverse(dep.id(), "chargeback"));
    }

    // ------------------------------------------------------------------ balance limits

    @Test
    void aFlaggedAccountCannotBeOverdrawn() {
        deposit("2010", eur("100"));
        transfer("2010", "2020", eur("100"), D2);
        RuleViolationException e = fails(RuleViolationException.class, "ledger.insufficient_funds",
                () -> transfer("2010", "2020", eur("0.01"), D2));
        assertThat(e.getMessage()).contains("2010");
        assertThat(ledger.balance("2010").posted()).isEqualTo(eur("0"));
    }

    @Test
    void pendingDebitsCountAgainstTheLimitButPendingCreditsDoNotHelp() {
        deposit("2010", eur("100"));
        // TigerBeetle: credits_posted = 100, debits_posted = 70, a pending debit of 50 fails
        transfer("2010", "1000", eur("70"), D1);
        fails(RuleViolationException.class, "ledger.insufficient_funds", () -> ledger.post(
                EntryRequest.builder(D2, "hold").debit("2010", eur("50")).credit("2020", eur("50")).pending().build()));
        ledger.post(EntryRequest.builder(D2, "hold").debit("2010", eur("30")).credit("2020", eur("30")).pending().build());
        // a pending credit into Alice does not raise what she can spend
        ledger.post(EntryRequest.builder(D2, "incoming").debit("1000", eur("50")).credit("2010", eur("50")).pending().build());
        fails(RuleViolationException.class, "ledger.insufficient_funds", () -> transfer("2010", "1000", eur("0.01"), D2));
        Balance b = ledger.balance("2010");
        assertThat(b.posted()).isEqualTo(eur("30"));
        assertThat(b.available()).isEqualTo(eur("0"));
        assertThat(b.pending()).isEqualTo(eur("20"));
    }

    @Test
    void creditsMustNotExceedDebitsIsEnforced() {
        ledger.open(OpenAccount.of("1500", "Prepaid limit", ASSET, EUR).flags(CREDITS_MUST_NOT_EXCEED_DEBITS));
        transfer("1500", "3000", eur("10"), D1);
        fails(RuleViolationException.class, "ledger.credits_exceed_debits", () -> transfer("1000", "1500", eur("10.01"), D1));
        transfer("1000", "1500", eur("10"), D1);
    }

    // ------------------------------------------------------------------ two-phase

    @Test
    void aHoldMovesPendingCountersOnly() {
        deposit("2010", eur("100"));
        JournalEntry hold = ledger.post(EntryRequest.builder(D2, "card auth").debit("2010", eur("40"))
                .credit("1000", eur("40")).pending().build());
        assertThat(hold.kind()).isEqualTo(EntryKind.PENDING);
        Balance b = ledger.balance("2010");
        assertThat(b.debitsPending()).isEqualTo(eur("40"));
        assertThat(b.posted()).isEqualTo(eur("100"));
        assertThat(b.available()).isEqualTo(eur("60"));
    }

    @Test
    void postingAHoldInFullMovesItToPosted() {
        deposit("2010", eur("100"));
        JournalEntry hold = ledger.post(EntryRequest.builder(D2, "card auth").debit("2010", eur("40"))
                .credit("1000", eur("40")).pending().build());
        JournalEntry post = ledger.postPending(hold.id());
        assertThat(post.kind()).isEqualTo(EntryKind.POST_PENDING);
        assertThat(post.pendingId()).contains(hold.id());
        Balance b = ledger.balance("2010");
        assertThat(b.debitsPending()).isEqualTo(eur("0"));
        assertThat(b.posted()).isEqualTo(eur("60"));
    }

    @Test
    void postingLessThanTheHoldReleasesTheRest() {
        deposit("2010", eur("100"));
        JournalEntry hold = ledger.post(EntryRequest.builder(D2, "card auth").debit("2010", eur("40"))
                .credit("1000", eur("40")).pending().build());
        JournalEntry post = ledger.postPending(hold.id(), eur("25"));
        assertThat(post.lines()).extracting(EntryLine::amount).containsOnly(eur("25"));
        Balance b = ledger.balance("2010");
        assertThat(b.debitsPending()).isEqualTo(eur("0"));
        assertThat(b.posted()).isEqualTo(eur("75"));
        assertThat(ledger.balance("1000").creditsPending()).isEqualTo(eur("0"));
    }

    @Test
    void postingMoreThanTheHoldIsRejected() {
        deposit("2010", eur("100"));
        JournalEntry hold = ledger.post(EntryRequest.builder(D2, "auth").debit("2010", eur("40"))
                .credit("1000", eur("40")).pending().build());
        fails(RuleViolationException.class, "ledger.exceeds_pending_amount", () -> ledger.postPending(hold.id(), eur("40.01")));
        fails(InvalidRequestException.class, "ledger.non_positive_amount", () -> ledger.postPending(hold.id(), eur("0")));
        fails(InvalidRequestException.class, "ledger.currency_mismatch", () -> ledger.postPending(hold.id(), usd("1")));
    }

    @Test
    void voidingAHoldRestoresTheAccounts() {
        deposit("2010", eur("100"));
        JournalEntry hold = ledger.post(EntryRequest.builder(D2, "auth").debit("2010", eur("40"))
                .credit("1000", eur("40")).pending().build());
        JournalEntry v = ledger.voidPending(hold.id());
        assertThat(v.kind()).isEqualTo(EntryKind.VOID_PENDING);
        Balance b = ledger.balance("2010");
        assertThat(b.debitsPending()).isEqualTo(eur("0"));
        assertThat(b.available()).isEqualTo(eur("100"));
    }

    @Test
    void aHoldIsResolvedOnlyOnce() {
        deposit("2010", eur("100"));
        JournalEntry a = ledger.post(EntryRequest.builder(D2, "a").debit("2010", eur("10")).credit("1000", eur("10")).pending().build());
        JournalEntry b = ledger.post(EntryRequest.builder(D2, "b").debit("2010", eur("10")).credit("1000", eur("10")).pending().build());
        ledger.postPending(a.id());
        ledger.voidPending(b.id());
        fails(RuleViolationException.class, "ledger.pending_already_posted", () -> ledger.postPending(a.id()));
        fails(RuleViolationException.class, "ledger.pending_already_posted", () -> ledger.voidPending(a.id()));
        fails(RuleViolationException.class, "ledger.pending_already_voided", () -> ledger.voidPending(b.id()));
        fails(RuleViolationException.class, "ledger.pending_already_voided", () -> ledger.postPending(b.id()));
        assertThat(ledger.balance("2010").posted()).isEqualTo(eur("90"));
    }

    // ---- resolutions with an id: a retry gets the stored resolution (issue #21 item 9)

    private JournalEntry hold(String amount) {
        return ledger.post(EntryRequest.builder(D2, "auth").debit("2010", eur(amount)).credit("1000", eur(amount)).pending().build());
    }

    @Test
    void aRetriedPostOfAHoldWithTheSameResolutionIdReturnsTheStoredResolution() {
        deposit("2010", eur("100"));
        JournalEntry h = hold("40");
        EntryId rid = EntryId.newId();
        JournalEntry first = ledger.postPending(h.id(), rid);
        long size = journalSize();
        JournalEntry retry = ledger.postPending(h.id(), rid);
        assertThat(first.id()).isEqualTo(rid);
        assertThat(retry).isEqualTo(first);
        assertThat(journalSize()).isEqualTo(size);
        assertThat(ledger.balance("2010").posted()).isEqualTo(eur("60"));
    }

    @Test
    void aRetriedPartialPostWithTheSameResolutionIdReturnsTheStoredResolution() {
        deposit("2010", eur("100"));
        JournalEntry h = hold("40");
        EntryId rid = EntryId.newId();
        JournalEntry first = ledger.postPending(h.id(), eur("25"), rid);
        assertThat(ledger.postPending(h.id(), eur("25"), rid)).isEqualTo(first);
        assertThat(ledger.balance("2010").posted()).isEqualTo(eur("75"));
        assertThat(ledger.balance("2010").debitsPending()).isEqualTo(eur("0"));
    }

    @Test
    void aRetriedVoidOfAHoldWithTheSameResolutionIdReturnsTheStoredResolution() {
        deposit("2010", eur("100"));
        JournalEntry h = hold("40");
        EntryId rid = EntryId.newId();
        JournalEntry first = ledger.voidPending(h.id(), rid);
        long size = journalSize();
        assertThat(ledger.voidPending(h.id(), rid)).isEqualTo(first);
        assertThat(journalSize()).isEqualTo(size);
        assertThat(ledger.balance("2010").available()).isEqualTo(eur("100"));
    }

    @Test
    void aResolutionIdReusedForAnotherResolutionOfTheHoldIsAConflict() {
        deposit("2010", eur("100"));
        JournalEntry h = hold("40");
        EntryId rid = EntryId.newId();
        ledger.postPending(h.id(), eur("25"), rid);
        fails(ConflictException.class, "ledger.idempotency_conflict", () -> ledger.voidPending(h.id(), rid));
        fails(ConflictException.class, "ledger.idempotency_conflict", () -> ledger.postPending(h.id(), eur("30"), rid));
        fails(ConflictException.class, "ledger.idempotency_conflict", () -> ledger.postPending(h.id(), rid));
        assertThat(ledger.balance("2010").posted()).isEqualTo(eur("75"));
    }

    @Test
    void aResolutionIdThatNamesAnotherEntryIsAConflictAndResolvesNothing() {
        deposit("2010", eur("100"));
        JournalEntry other = transfer("1000", "3000", eur("1"), D1);
        JournalEntry h = hold("40");
        long size = journalSize();
        fails(ConflictException.class, "ledger.idempotency_conflict", () -> ledger.postPending(h.id(), other.id()));
        assertThat(journalSize()).isEqualTo(size);
        assertThat(ledger.balance("2010").debitsPending()).isEqualTo(eur("40"));
    }

    @Test
    void aHoldResolvedUnderOneIdCannotBeResolvedAgainUnderAnother() {
        deposit("2010", eur("100"));
        JournalEntry h = hold("40");
        ledger.postPending(h.id(), EntryId.newId());
        fails(RuleViolationException.class, "ledger.pending_already_posted", () -> ledger.postPending(h.id(), EntryId.newId()));
        fails(RuleViolationException.class, "ledger.pending_already_posted", () -> ledger.voidPending(h.id(), EntryId.newId()));
    }

    @Test
    void onlyHoldsCanBePostedOrVoided() {
        JournalEntry plain = transfer("1000", "3000", eur("1"), D1);
        fails(RuleViolationException.class, "ledger.not_pending", () -> ledger.postPending(plain.id()));
        fails(RuleViolationException.class, "ledger.not_pending", () -> ledger.voidPending(plain.id()));
        fails(NotFoundException.class, "ledger.entry_not_found", () -> ledger.voidPending(EntryId.newId()));
    }

    @Test
    void expiredHoldsAreVoidedByExpirePending() {
        deposit("2010", eur("100"));
        Instant in1h = clock.instant().plus(Duration.ofHours(1));
        JournalEntry h1 = ledger.post(EntryRequest.builder(D2, "h1").debit("2010", eur("10")).credit("1000", eur("10"))
                .pendingUntil(in1h).build());
        JournalEntry h2 = ledger.post(EntryRequest.builder(D2, "h2").debit("2010", eur("20")).credit("1000", eur("20"))
                .pendingUntil(in1h.plus(Duration.ofHours(1))).build());
        JournalEntry h3 = ledger.post(EntryRequest.builder(D2, "h3").debit("2010", eur("30")).credit("1000", eur("30"))
                .pendingUntil(in1h).build());
        ledger.postPending(h3.id());
        clock.set(in1h.minusSeconds(1)); // expirePending never runs ahead of the clock
        assertThat(ledger.expirePending(in1h.minusSeconds(1))).isEmpty();
        clock.set(in1h);
        List<JournalEntry> voids = ledger.expirePending(in1h);
        assertThat(voids).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(EntryKind.EXPIRE_PENDING);
            assertThat(v.pendingId()).contains(h1.id());
        });
        assertThat(ledger.balance("2010").debitsPending()).isEqualTo(eur("20"));
        fails(RuleViolationException.class, "ledger.pending_expired", () -> ledger.postPending(h1.id()));
        clock.set(in1h.plus(Duration.ofHours(2)));
        // h2's expiry passed but expirePending has not run: it can no longer be posted
        fails(RuleViolationException.class, "ledger.pending_expired", () -> ledger.postPending(h2.id()));
        assertThat(ledger.expirePending(clock.instant())).hasSize(1);
        assertThat(ledger.balance("2010").debitsPending()).isEqualTo(eur("0"));
        assertThat(ledger.expirePending(clock.instant())).isEmpty();
    }

    @Test
    void anExpiryInThePastIsRejected() {
        fails(InvalidRequestException.class, "ledger.invalid_expiry", () -> ledger.post(EntryRequest.builder(D2, "late")
                .debit("1000", eur("1")).credit("3000", eur("1")).pendingUntil(clock.instant()).build()));
    }

    @Test
    void holdsCannotBeReversed() {
        JournalEntry hold = ledger.post(EntryRequest.builder(D2, "h").debit("1000", eur("1")).credit("3000", eur("1")).pending().build());
        fails(RuleViolationException.class, "ledger.not_reversible", () -> ledger.reverse(hold.id(), "no"));
    }

    // ------------------------------------------------------------------ batches

    @Test
    void aBatchLandsWhole() {
        List<JournalEntry> entries = ledger.postAll(List.of(
                EntryRequest.builder(D1, "a").debit("1000", eur("10")).credit("2010", eur("10")).build(),
                EntryRequest.builder(D1, "b").debit("2010", eur("10")).credit("2020", eur("10")).build()));
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).sequence()).isLessThan(entries.get(1).sequence());
        assertThat(ledger.balance("2020").posted()).isEqualTo(eur("10"));
    }

    @Test
    void aFailingBatchWritesNothingAndNamesTheFirstFailure() {
        long before = journalSize();
        BatchRejectedException e = catchThrowableOfType(BatchRejectedException.class, () -> ledger.postAll(List.of(
                EntryRequest.builder(D1, "a").debit("1000", eur("10")).credit("2010", eur("10")).build(),
                EntryRequest.builder(D1, "b").debit("2010", eur("10")).credit("2020", eur("10")).build(),
                EntryRequest.builder(D1, "c").debit("2010", eur("0.01")).credit("2020", eur("0.01")).build(),
                EntryRequest.builder(D1, "d").debit("1000", eur("1")).build())));
        assertThat(e.index()).isEqualTo(2);
        assertThat(e.code()).isEqualTo("ledger.insufficient_funds");
        assertThat(e.reason()).isInstanceOf(RuleViolationException.class);
        assertThat(journalSize()).isEqualTo(before);
        assertThat(ledger.balance("2010").posted()).isEqualTo(eur("0"));
        assertThat(ledger.balance("1000").posted()).isEqualTo(eur("0"));
    }

    @Test
    void aBatchWithTheSameKeyTwiceIsRejected() {
        BatchRejectedException e = catchThrowableOfType(BatchRejectedException.class, () -> ledger.postAll(List.of(
                EntryRequest.builder(D1, "a").debit("1000", eur("10")).credit("3000", eur("10")).idempotencyKey("k").build(),
                EntryRequest.builder(D1, "a").debit("1000", eur("10")).credit("3000", eur("10")).idempotencyKey("k").build())));
        assertThat(e.index()).isEqualTo(1);
        assertThat(e.code()).isEqualTo("ledger.duplicate_in_batch");
    }

    @Test
    void aRetriedBatchReturnsTheOriginals() {
        List<EntryRequest> batch = List.of(
                EntryRequest.builder(D1, "a").debit("1000", eur("10")).credit("3000", eur("10")).idempotencyKey("b-1").build(),
                EntryRequest.builder(D1, "b").debit("1000", eur("5")).credit("3000", eur("5")).idempotencyKey("b-2").build());
        List<JournalEntry> first = ledger.postAll(batch);
        assertThat(ledger.postAll(batch)).isEqualTo(first);
        assertThat(ledger.balance("1000").posted()).isEqualTo(eur("15"));
    }

    @Test
    void aBatchOfNewIdsLandsWholeLikeAnyBatch() {
        EntryId a = EntryId.newId();
        EntryId b = EntryId.newId();
        List<JournalEntry> entries = ledger.postAllNew(List.of(
                EntryRequest.builder(D1, "a").id(a).debit("1000", eur("10")).credit("3000", eur("10")).build(),
                EntryRequest.builder(D1, "b").id(b).debit("1000", eur("5")).credit("3000", eur("5")).metadata("number", "FV/1").build()));
        assertThat(entries).extracting(JournalEntry::id).containsExactly(a, b);
        assertThat(ledger.entry(b)).isEqualTo(entries.get(1));
        assertThat(entries.get(1).metadata()).containsEntry("number", "FV/1");
        assertThat(ledger.balance("1000").posted()).isEqualTo(eur("15"));
    }

    @Test
    void aBatchOfNewIdsIsCheckedLikeAnyBatch() {
        BatchRejectedException e = catchThrowableOfType(BatchRejectedException.class, () -> ledger.postAllNew(List.of(
                EntryRequest.builder(D1, "a").id(EntryId.newId()).debit("1000", eur("10")).credit("2010", eur("10")).build(),
                EntryRequest.builder(D1, "b").id(EntryId.newId()).debit("2010", eur("10.01")).credit("2020", eur("10.01")).build())));
        assertThat(e.index()).isEqualTo(1);
        assertThat(e.code()).isEqualTo("ledger.insufficient_funds");
        assertThat(ledger.balance("1000").posted()).isEqualTo(eur("0"));
    }

    @Test
    void aBatchOfNewIdsHoldingATakenIdWritesNothing() {
        EntryRequest taken = EntryRequest.builder(D1, "a").id(EntryId.newId()).debit("1000", eur("10")).credit("3000", eur("10")).build();
        ledger.post(taken);
        long before = journalSize();
        EntryId fresh = EntryId.newId();
        assertThatThrownBy(() -> ledger.postAllNew(List.of(
                EntryRequest.builder(D1, "b").id(fresh).debit("1000", eur("5")).credit("3000", eur("5")).build(), taken)))
                .isInstanceOf(BackofficeException.class);
        assertThat(journalSize()).isEqualTo(before);
        assertThatThrownBy(() -> ledger.entry(fresh)).isInstanceOf(BackofficeException.class);
        assertThat(ledger.balance("1000").posted()).isEqualTo(eur("10"));
        // postAll still answers the stored entry as a replay
        assertThat(ledger.postAll(List.of(taken))).extracting(JournalEntry::id).containsExactly(taken.id().orElseThrow());
    }

    // ------------------------------------------------------------------ multi-currency

    @Test
    void anExchangeBalancesPerCurrencyThroughTradingAccounts() {
        transfer("1000", "3000", eur("1000"), D1);
        List<Posting> fx = FxEntries.exchange(AccountRef.code("1000"), AccountRef.code("3900"), eur("100"),
                new BigDecimal("1.0825"), USD, RoundingMode.HALF_EVEN, AccountRef.code("3910"), AccountRef.code("1900"));
        JournalEntry e = ledger.post(EntryRequest.builder(D2, "Buy USD").postings(fx).build());
        assertThat(e.lines()).hasSize(4);
        assertThat(ledger.balance("1900").posted()).isEqualTo(usd("108.25"));
        assertThat(ledger.balance("1000").posted()).isEqualTo(eur("900"));
        TrialBalance tb = ledger.trialBalance(D3);
        assertThat(tb.totalDebits(USD)).isEqualTo(tb.totalCredits(USD));
        assertThat(tb.totalDebits(EUR)).isEqualTo(tb.totalCredits(EUR));
    }

    @Test
    void anEntryBalancedOnlyAcrossCurrenciesIsRejected() {
        fails(InvalidRequestException.class, "ledger.unbalanced", () -> ledger.post(EntryRequest.builder(D1, "bad fx")
                .debit("1900", usd("108")).credit("1000", eur("100")).build()));
    }

    // ------------------------------------------------------------------ queries

    @Test
    void balancesAsOfADateIgnoreLaterEntries() {
        transfer("1000", "3000", eur("10"), D1);
        transfer("1000", "3000", eur("5"), D3);
        assertThat(ledger.balance(AccountRef.code("1000"), D1).posted()).isEqualTo(eur("10"));
        assertThat(ledger.balance(AccountRef.code("1000"), D2).posted()).isEqualTo(eur("10"));
        assertThat(ledger.balance(AccountRef.code("1000"), D3).posted()).isEqualTo(eur("15"));
        assertThat(ledger.balance(AccountRef.code("1000"), D1.minusDays(1)).posted()).isEqualTo(eur("0"));
    }

    @Test
    void aStatementShowsRunningBalancesInValueDateOrderAcrossPages() {
        transfer("1000", "3000", eur("100"), D1);
        transfer("6000", "1000", eur("10"), D2);
        transfer("6000", "1000", eur("20"), D3);
        transfer("1000", "4000", eur("5"), D2); // booked later, dated earlier
        Statement p1 = ledger.statement(AccountRef.code("1000"), D2, D3, Optional.empty(), 2);
        assertThat(p1.openingBalance()).isEqualTo(eur("100"));
        assertThat(p1.lines()).extracting(StatementLine::runningBalance).containsExactly(eur("90"), eur("95"));
        assertThat(p1.nextCursor()).isPresent();
        transfer("1000", "4000", eur("1"), D1); // before the window: does not disturb the walk
        Statement p2 = ledger.statement(AccountRef.code("1000"), D2, D3, p1.nextCursor(), 2);
        assertThat(p2.lines()).extracting(StatementLine::runningBalance).containsExactly(eur("75"));
        assertThat(p2.lines().get(0).description()).isEqualTo("transfer");
        assertThat(p2.nextCursor()).isEmpty();
        assertThat(p2.closingBalance()).isEqualTo(eur("75"));
    }

    @Test
    void aForgedCursorIsRejected() {
        fails(InvalidRequestException.class, "page.invalid_cursor",
                () -> ledger.statement(AccountRef.code("1000"), D1, D2, Optional.of("garbage!"), 10));
    }

    @Test
    void theTrialBalanceBalancesPerCurrency() {
        transfer("1000", "3000", eur("100"), D1);
        ledger.post(EntryRequest.builder(D2, "sale").debit("1100", eur("123")).credit("4000", eur("100"))
                .credit("2200", eur("23")).build());
        transfer("6000", "1000", eur("30"), D2);
        transfer("1900", "4900", usd("7"), D2);
        TrialBalance tb = ledger.trialBalance(D3);
        assertThat(tb.currencies()).containsExactly(EUR, USD);
        assertThat(tb.totalDebits(EUR)).isEqualTo(eur("223")).isEqualTo(tb.totalCredits(EUR));
        assertThat(tb.totalDebits(USD)).isEqualTo(tb.totalCredits(USD));
        assertThat(tb.render()).contains("Trial balance", "1100");
    }

    @Test
    void theBalanceSheetRollsUpAndBalances() {
        transfer("1000", "3000", eur("100"), D1);
        transfer("1000", "2010", eur("40"), D1);
        transfer("1000", "2020", eur("2"), D1);
        transfer("1100", "4000", eur("50"), D2);
        transfer("6000", "1000", eur("20"), D2);
        BalanceSheet bs = ledger.balanceSheet(D3, EUR);
        assertThat(bs.totalAssets()).isEqualTo(eur("172"));
        assertThat(bs.liabilities()).extracting(ReportLine::code).containsExactly("2000", "2010", "2020");
        assertThat(bs.liabilities().get(0).total()).isEqualTo(eur("42"));
        assertThat(bs.liabilities().get(1).depth()).isEqualTo(1);
        assertThat(bs.currentEarnings()).isEqualTo(eur("30"));
        assertThat(bs.totalAssets()).isEqualTo(bs.totalLiabilities().plus(bs.totalEquity()).plus(bs.currentEarnings()));
        assertThat(bs.render()).contains("Assets", "Alice wallet");
    }

    @Test
    void theIncomeStatementCoversItsDates() {
        transfer("1100", "4000", eur("50"), D1);
        transfer("1100", "4000", eur("70"), D2);
        transfer("6000", "1000", eur("20"), D2);
        IncomeStatement is = ledger.incomeStatement(D2, D3, EUR);
        assertThat(is.totalIncome()).isEqualTo(eur("70"));
        assertThat(is.totalExpense()).isEqualTo(eur("20"));
        assertThat(is.netIncome()).isEqualTo(eur("50"));
        assertThat(is.render()).contains("Net income");
    }

    // ------------------------------------------------------------------ periods

    @Test
    void postingIntoAClosedPeriodFails() {
        ledger.closePeriod(D2, "controller");
        assertThat(ledger.periodStatus().closedThrough()).contains(D2);
        fails(RuleViolationException.class, "ledger.period_closed", () -> transfer("1000", "3000", eur("1"), D2));
        fails(RuleViolationException.class, "ledger.period_closed", () -> transfer("1000", "3000", eur("1"), D1));
        transfer("1000", "3000", eur("1"), D3);
    }

    @Test
    void reopeningIsAuditedWithItsReason() {
        ledger.closePeriod(D2, "controller");
        PeriodStatus s = ledger.reopenPeriod(D2, "cfo", "late supplier invoice");
        assertThat(s.closedThrough()).contains(D1);
        transfer("1000", "3000", eur("1"), D2);
        List<AuditRecord> records = audit.forTenant(tenant).read(1, 10);
        assertThat(records).hasSize(2);
        assertThat(records.get(1).event().action()).isEqualTo("ledger.period_reopened");
        assertThat(records.get(1).event().actor()).isEqualTo("cfo");
        assertThat(records.get(1).event().details()).containsEntry("reason", "late supplier invoice");
        assertThat(audit.forTenant(tenant).verify().intact()).isTrue();
        fails(RuleViolationException.class, "ledger.period_not_closed", () -> ledger.reopenPeriod(D3, "cfo", "nothing to reopen"));
    }

    @Test
    void yearEndCloseMovesIncomeAndExpenseIntoRetainedEarnings() {
        LocalDate yearEnd = LocalDate.of(2026, 12, 31);
        transfer("1100", "4000", eur("500"), D1);
        transfer("6000", "1000", eur("120"), D2);
        transfer("1900", "4900", usd("9"), D2);
        JournalEntry closing = ledger.closeYear(yearEnd, "controller",
                List.of(AccountRef.code("3200"), AccountRef.code("3210"))).orElseThrow();
        assertThat(closing.kind()).isEqualTo(EntryKind.CLOSING);
        assertThat(ledger.balance("4000").posted()).isEqualTo(eur("0"));
        assertThat(ledger.balance("6000").posted()).isEqualTo(eur("0"));
        assertThat(ledger.balance("3200").posted()).isEqualTo(eur("380"));
        assertThat(ledger.balance("3210").posted()).isEqualTo(usd("9"));
        assertThat(ledger.periodStatus().closedThrough()).contains(yearEnd);
        // the year's income statement still shows the year
        assertThat(ledger.incomeStatement(LocalDate.of(2026, 1, 1), yearEnd, EUR).netIncome()).isEqualTo(eur("380"));
        BalanceSheet bs = ledger.balanceSheet(yearEnd, EUR);
        assertThat(bs.currentEarnings()).isEqualTo(eur("0"));
        assertThat(bs.totalAssets()).isEqualTo(bs.totalLiabilities().plus(bs.totalEquity()));
        fails(RuleViolationException.class, "ledger.period_closed",
                () -> ledger.closeYear(yearEnd, "controller", List.of(AccountRef.code("3200"))));
    }

    @Test
    void closingAYearWithoutARetainedEarningsAccountForACurrencyFails() {
        transfer("1900", "4900", usd("9"), D2);
        fails(NotFoundException.class, "ledger.account_not_found",
                () -> ledger.closeYear(LocalDate.of(2026, 12, 31), "controller", List.of(AccountRef.code("3200"))));
        assertThat(ledger.periodStatus().closedThrough()).isEmpty();
    }

    // ------------------------------------------------------------------ concurrency

    @Test
    void concurrentWritersNeverOverdrawAFlaggedAccount() throws Exception {
        deposit("2010", eur("100"));
        int threads = 8;
        int attemptsPerThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger succeeded = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < attemptsPerThread; i++) {
                    try {
                        transfer("2010", "2020", eur("1"), D2);
                        succeeded.incrementAndGet();
                    } catch (RuleViolationException e) {
                        assertThat(e.code()).isEqualTo("ledger.insufficient_funds");
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(succeeded.get()).isEqualTo(100);
        assertThat(ledger.balance("2010").posted()).isEqualTo(eur("0"));
        assertThat(ledger.balance("2020").posted()).isEqualTo(eur("100"));
    }

    @Test
    void concurrentResolutionsOfOneHoldLetExactlyOneWin() throws Exception {
        deposit("2010", eur("100"));
        JournalEntry hold = ledger.post(EntryRequest.builder(D2, "auth").debit("2010", eur("40")).credit("1000", eur("40")).pending().build());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            boolean post = t % 2 == 0;
            futures.add(pool.submit(() -> {
                try {
                    if (post) {
                        ledger.postPending(hold.id());
                    } else {
                        ledger.voidPending(hold.id());
                    }
                    return true;
                } catch (RuleViolationException e) {
                    assertThat(e.code()).isIn("ledger.pending_already_posted", "ledger.pending_already_voided");
                    return false;
                }
            }));
        }
        int wins = 0;
        for (Future<Boolean> f : futures) {
            wins += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(wins).isEqualTo(1);
        assertThat(ledger.balance("2010").debitsPending()).isEqualTo(eur("0"));
    }

    @Test
    void concurrentRetriesOfOneKeyedEntryWriteItOnce() throws Exception {
        EntryRequest r = EntryRequest.builder(D1, "Invoice 99").debit("1100", eur("99")).credit("4000", eur("99"))
                .idempotencyKey("inv-99").build();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JournalEntry>> futures = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                return ledger.post(r);
            }));
        }
        start.countDown();
        List<EntryId> ids = new ArrayList<>();
        for (Future<JournalEntry> f : futures) {
            ids.add(f.get(60, TimeUnit.SECONDS).id());
        }
        pool.shutdown();
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(ledger.balance("1100").posted()).isEqualTo(eur("99"));
        assertThat(journalSize()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ more bad input and edge cases

    @Test
    void nullArgumentsAreInvalidRequestsNamingTheField() {
        InvalidRequestException e = fails(InvalidRequestException.class, "request.invalid", () -> ledger.post(null));
        assertThat(e.violations().get(0).field()).isEqualTo("request");
        fails(InvalidRequestException.class, "request.invalid", () -> ledger.postAll(List.of()));
        fails(InvalidRequestException.class, "request.invalid", () -> ledger.reverse(EntryId.newId(), " "));
        fails(InvalidRequestException.class, "request.invalid", () -> EntryRequest.builder(D1, "").build());
        fails(InvalidRequestException.class, "request.invalid", () -> OpenAccount.of("bad code!", "x", ASSET, EUR));
    }

    @Test
    void aHoldOnAnAccountClosedMeanwhileCanBeVoidedButNotPosted() {
        transfer("1000", "3000", eur("50"), D1);
        JournalEntry hold = ledger.post(EntryRequest.builder(D2, "h").debit("6000", eur("5")).credit("1000", eur("5")).pending().build());
        ledger.close(AccountRef.code("6000"));
        fails(RuleViolationException.class, "ledger.account_closed", () -> ledger.postPending(hold.id()));
        ledger.voidPending(hold.id());
        assertThat(ledger.balance("1000").creditsPending()).isEqualTo(eur("0"));
    }

    @Test
    void theJournalListsEntriesInBookingOrderAfterASequence() {
        JournalEntry a = transfer("1000", "3000", eur("1"), D2);
        JournalEntry b = transfer("1000", "3000", eur("2"), D1);
        JournalEntry c = transfer("1000", "3000", eur("3"), D3);
        assertThat(ledger.journal(0, 10)).containsExactly(a, b, c);
        assertThat(ledger.journal(a.sequence(), 1)).containsExactly(b);
    }

    @Test
    void closingAPeriodIsIdempotentAndAudited() {
        ledger.closePeriod(D2, "controller");
        assertThat(ledger.closePeriod(D1, "controller").closedThrough()).contains(D2);
        List<AuditRecord> records = audit.forTenant(tenant).read(1, 10);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.event().action()).isEqualTo("ledger.period_closed");
            assertThat(r.event().details()).containsEntry("closedThroughAfter", D2.toString());
        });
    }

    @Test
    void aStatementWithoutMovementsIsEmptyWithItsOpeningBalance() {
        transfer("1000", "3000", eur("10"), D1);
        Statement s = ledger.statement(AccountRef.code("1000"), D2, D3, Optional.empty(), 10);
        assertThat(s.lines()).isEmpty();
        assertThat(s.openingBalance()).isEqualTo(eur("10"));
        assertThat(s.closingBalance()).isEqualTo(eur("10"));
        assertThat(s.nextCursor()).isEmpty();
    }

    // ================================================================== issues #21 and #14:
    // where the ledger meets or departs from TigerBeetle, cursors, limits (branch ledger-semantics)

    private EntryRequest hold(String key, EntryId id, Instant expiry) {
        EntryRequest.Builder b = EntryRequest.builder(D2, "card authorisation").debit("2010", eur("10")).credit("1000", eur("10"))
                .pendingUntil(expiry);
        if (key != null) {
            b.idempotencyKey(key);
        }
        if (id != null) {
            b.id(id);
        }
        return b.build();
    }

    @Test
    void replayingAHoldByKeyAfterItsExpiryReturnsTheStoredEntryAndWritesNothing() {
        deposit("2010", eur("100"));
        EntryRequest r = hold("auth-1", null, clock.instant().plus(Duration.ofMinutes(5)));
        JournalEntry stored = ledger.post(r);
        clock.advance(Duration.ofHours(1));
        long before = journalSize();
        assertThat(ledger.post(r)).isEqualTo(stored);
        assertThat(ledger.postAll(List.of(r))).containsExactly(stored);
        assertThat(journalSize()).isEqualTo(before);
        assertThat(ledger.balance("2010").debitsPending()).isEqualTo(eur("10"));
    }

    @Test
    void replayingAHoldByIdAfterItsExpiryReturnsTheStoredEntryAndWritesNothing() {
        deposit("2010", eur("100"));
        EntryRequest r = hold(null, EntryId.newId(), clock.instant().plus(Duration.ofMinutes(5)));
        JournalEntry stored = ledger.post(r);
        clock.advance(Duration.ofHours(1));
        long before = journalSize();
        assertThat(ledger.post(r)).isEqualTo(stored);
        assertThat(journalSize()).isEqualTo(before);
    }

    @Test
    void aHoldReplayedAfterItsExpiryWithOtherContentIsAConflictNotAnExpiryError() {
        deposit("2010", eur("100"));
        Instant expiry = clock.instant().plus(Duration.ofMinutes(5));
        ledger.post(hold("auth-2", null, expiry));
        clock.advance(Duration.ofHours(1));
        fails(ConflictException.class, "ledger.idempotency_conflict", () -> ledger.post(EntryRequest.builder(D2, "card authorisation")
                .debit("2010", eur("11")).credit("1000", eur("11")).pendingUntil(expiry).idempotencyKey("auth-2").build()));
        // a new hold with that expiry is still refused
        fails(InvalidRequestException.class, "ledger.invalid_expiry", () -> ledger.post(hold("auth-3", null, expiry)));
    }

    @Test
    void replayingAKeyedEntryReturnsItEvenWhenPostingItNowWouldFail() {
        deposit("2010", eur("30"));
        EntryRequest pay = EntryRequest.builder(D1, "pay").debit("2010", eur("30")).credit("1000", eur("30")).idempotencyKey("pay-2").build();
        JournalEntry paid = ledger.post(pay);
        assertThat(ledger.post(pay)).as("the wallet is empty now").isEqualTo(paid);
        ledger.closePeriod(D1, "controller");
        assertThat(ledger.post(pay)).as("D1 is closed now").isEqualTo(paid);
        assertThat(ledger.postAll(List.of(pay))).containsExactly(paid);
        assertThat(ledger.balance("2010").posted()).isEqualTo(eur("0"));
    }

    @Test
    void expirePendingRefusesAnAsOfLaterThanTheClockAndReleasesNothing() {
        deposit("2010", eur("100"));
        Instant expiry = clock.instant().plus(Duration.ofHours(1));
        JournalEntry h = ledger.post(hold(null, null, expiry));
        long before = journalSize();
        InvalidRequestException e = fails(InvalidRequestException.class, "ledger.as_of_in_future",
                () -> ledger.expirePending(expiry.plus(Duration.ofHours(1))));
        assertThat(e.violations().get(0).field()).isEqualTo("asOf");
        assertThat(journalSize()).isEqualTo(before);
        assertThat(ledger.balance("2010").debitsPending()).isEqualTo(eur("10"));
        assertThat(ledger.expirePending()).isEmpty();
        ledger.postPending(h.id(), eur("4")); // still live: the clock has not reached its expiry
        assertThat(ledger.balance("2010").debitsPosted()).isEqualTo(eur("4"));
    }

    @Test
    void expirePendingWithoutAnAsOfReleasesWhatTheClockHasExpired() {
        deposit("2010", eur("100"));
        Instant expiry = clock.instant().plus(Duration.ofHours(1));
        JournalEntry h = ledger.post(hold(null, null, expiry));
        clock.set(expiry);
        assertThat(ledger.expirePending()).singleElement().satisfies(v -> assertThat(v.pendingId()).contains(h.id()));
        assertThat(ledger.balance("2010").debitsPending()).isEqualTo(eur("0"));
    }

    private static EntryRequest keyed(String key, String amount) {
        return EntryRequest.builder(D1, "batch " + key).debit("1000", eur(amount)).credit("3000", eur(amount)).idempotencyKey(key).build();
    }

    @Test
    void aBatchOfStoredAndNewEntriesIsAConflictNamingTheIndexAndWritesNothing() {
        ledger.post(keyed("a", "1"));
        long before = journalSize();
        BatchRejectedException e = catchThrowableOfType(BatchRejectedException.class,
                () -> ledger.postAll(List.of(keyed("a", "1"), keyed("b", "2"), keyed("c", "3"))));
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo("ledger.partial_batch_replay");
        assertThat(e.reason()).isInstanceOf(ConflictException.class);
        assertThat(e.index()).isEqualTo(1);
        BatchRejectedException e2 = catchThrowableOfType(BatchRejectedException.class,
                () -> ledger.postAll(List.of(keyed("b", "2"), keyed("c", "3"), keyed("a", "1"))));
        assertThat(e2.code()).isEqualTo("ledger.partial_batch_replay");
        assertThat(e2.index()).isEqualTo(2);
        assertThat(journalSize()).isEqualTo(before);
        assertThat(ledger.balance("1000").posted()).isEqualTo(eur("1"));
    }

    @Test
    void aBatchOfStoredEntriesByIdAndNewOnesIsAConflictToo() {
        EntryId id = EntryId.newId();
        EntryRequest stored = EntryRequest.builder(D1, "by id").id(id).debit("1000", eur("1")).credit("3000", eur("1")).build();
        ledger.post(stored);
        long before = journalSize();
        BatchRejectedException e = catchThrowableOfType(BatchRejectedException.class, () -> ledger.postAll(List.of(
                EntryRequest.builder(D1, "new").debit("1000", eur("2")).credit("3000", eur("2")).build(), stored)));
        assertThat(e.code()).isEqualTo("ledger.partial_batch_replay");
        assertThat(e.index()).isEqualTo(1);
        assertThat(journalSize()).isEqualTo(before);
    }

    @Test
    void aBatchWhoseEntriesWereStoredByDifferentCallsIsAWholeReplay() {
        JournalEntry a = ledger.post(keyed("a", "1"));
        JournalEntry b = ledger.postAll(List.of(keyed("b", "2"))).get(0);
        long before = journalSize();
        assertThat(ledger.postAll(List.of(keyed("b", "2"), keyed("a", "1")))).containsExactly(b, a);
        assertThat(journalSize()).isEqualTo(before);
    }

    @Test
    void anEntryDebitingAndCreditingTheSameAccountIsRejected() {
        InvalidRequestException e = fails(InvalidRequestException.class, "ledger.accounts_must_be_different",
                () -> transfer("1000", "1000", eur("5"), D1));
        assertThat(e.violations().get(0).field()).isEqualTo("postings[1].account");
        Account cash = ledger.account("1000");
        fails(InvalidRequestException.class, "ledger.accounts_must_be_different", () -> ledger.post(EntryRequest.builder(D1, "by id and code")
                .debit(cash.id(), eur("5")).credit("4000", eur("2")).credit("1000", eur("3")).build()));
        fails(InvalidRequestException.class, "ledger.accounts_must_be_different", () -> ledger.post(EntryRequest.builder(D1, "hold")
                .debit("1000", eur("5")).credit("1000", eur("5")).pending().build()));
        BatchRejectedException b = catchThrowableOfType(BatchRejectedException.class, () -> ledger.postAll(List.of(
                EntryRequest.builder(D1, "ok").debit("1000", eur("1")).credit("3000", eur("1")).build(),
                EntryRequest.builder(D1, "same").debit("3000", eur("1")).credit("3000", eur("1")).build())));
        assertThat(b.index()).isEqualTo(1);
        assertThat(b.code()).isEqualTo("ledger.accounts_must_be_different");
        assertThat(journalSize()).isZero();
        assertThat(ledger.balance("1000").debitsPosted()).isEqualTo(eur("0"));
    }

    @Test
    void anAccountMayAppearTwiceOnTheSameSideOfAnEntry() {
        JournalEntry e = ledger.post(EntryRequest.builder(D1, "two lines, one account").debit("1000", eur("2")).debit("1000", eur("3"))
                .credit("3000", eur("5")).build());
        assertThat(e.lines()).hasSize(3);
        assertThat(ledger.balance("1000").debitsPosted()).isEqualTo(eur("5"));
        assertThat(ledger.balance("1000").creditsPosted()).isEqualTo(eur("0"));
    }

    @Test
    void aKeyThatFailedForInsufficientFundsSucceedsOnceFundsArrive() {
        // decision (#21.10): failures are not remembered; a key or id that failed can succeed later
        EntryRequest pay = EntryRequest.builder(D1, "pay").debit("2010", eur("30")).credit("1000", eur("30")).idempotencyKey("pay-1").build();
        fails(RuleViolationException.class, "ledger.insufficient_funds", () -> ledger.post(pay));
        deposit("2010", eur("30"));
        JournalEntry paid = ledger.post(pay);
        assertThat(ledger.post(pay)).isEqualTo(paid);
        assertThat(ledger.balance("2010").posted()).isEqualTo(eur("0"));
    }

    @Test
    void zeroAmountsAreRejectedIncludingAZeroPostOfAHold() {
        // decision (#21.10): unlike TigerBeetle 0.16, no zero amounts; void a hold to post nothing of it
        deposit("2010", eur("10"));
        JournalEntry h = ledger.post(hold(null, null, clock.instant().plus(Duration.ofHours(1))));
        InvalidRequestException e = fails(InvalidRequestException.class, "ledger.non_positive_amount",
                () -> ledger.postPending(h.id(), eur("0")));
        assertThat(e.violations().get(0).field()).isEqualTo("amount");
        assertThat(ledger.balance("2010").debitsPending()).isEqualTo(eur("10"));
        assertThat(ledger.voidPending(h.id()).kind()).isEqualTo(EntryKind.VOID_PENDING);
    }

    @Test
    void balanceLimitsAreCheckedEntryByEntryInBatchOrder() {
        // decision (#21.10): like a TigerBeetle linked chain, each entry of a batch sees the ones before it
        EntryRequest fund = EntryRequest.builder(D1, "fund").debit("1000", eur("10")).credit("2010", eur("10")).build();
        EntryRequest spend = EntryRequest.builder(D1, "spend").debit("2010", eur("10")).credit("6000", eur("10")).build();
        BatchRejectedException e = catchThrowableOfType(BatchRejectedException.class, () -> ledger.postAll(List.of(spend, fund)));
        assertThat(e.index()).isZero();
        assertThat(e.code()).isEqualTo("ledger.insufficient_funds");
        assertThat(ledger.postAll(List.of(fund, spend))).hasSize(2);
        assertThat(ledger.balance("2010").posted()).isEqualTo(eur("0"));
    }

    @Test
    void countersAre64BitSignedAndOverflowIsATypedRuleViolation() {
        // decision (#21.10): Java long minor units (TigerBeetle: u128); an overflow never wraps
        Money max = Money.ofMinor(EUR, Long.MAX_VALUE);
        ledger.post(EntryRequest.builder(D1, "max").debit("1000", max).credit("2010", max).build());
        fails(RuleViolationException.class, "ledger.overflow", () -> transfer("1100", "2010", eur("0.01"), D1));
        assertThat(ledger.balance("2010").creditsPosted()).isEqualTo(max);
        assertThat(ledger.balance("1100").debitsPosted()).isEqualTo(eur("0"));
    }

    @Test
    void aStatementCursorOfAnotherTenantIsRejected() {
        Ledger shared = Ledger.builder().store(store).clock(clock).audit(audit).build();
        TenantLedger mine = shared.forTenant(tenant);
        TenantLedger other = shared.forTenant(TenantId.of("o-" + UUID.randomUUID()));
        other.openAll(List.of(OpenAccount.of("1000", "Cash", ASSET, EUR), OpenAccount.of("3000", "Capital", EQUITY, EUR)));
        for (int i = 0; i < 3; i++) {
            other.post(EntryRequest.builder(D1, "o").debit("1000", eur("1000")).credit("3000", eur("1000")).build());
            transfer("1000", "3000", eur("1"), D1);
        }
        Optional<String> foreign = other.statement(AccountRef.code("1000"), D1, D3, Optional.empty(), 1).nextCursor();
        assertThat(foreign).isPresent();
        InvalidRequestException e = fails(InvalidRequestException.class, "page.invalid_cursor",
                () -> mine.statement(AccountRef.code("1000"), D1, D3, foreign, 1));
        assertThat(e.violations().get(0).field()).isEqualTo("cursor");
    }

    @Test
    void aStatementCursorIsBoundToItsAccountAndRange() {
        for (int i = 0; i < 3; i++) {
            transfer("1000", "3000", eur("1"), D1);
        }
        Optional<String> c = ledger.statement(AccountRef.code("1000"), D1, D3, Optional.empty(), 1).nextCursor();
        assertThat(ledger.statement(AccountRef.code("1000"), D1, D3, c, 1).lines()).hasSize(1);
        fails(InvalidRequestException.class, "page.invalid_cursor", () -> ledger.statement(AccountRef.code("3000"), D1, D3, c, 1));
        fails(InvalidRequestException.class, "page.invalid_cursor", () -> ledger.statement(AccountRef.code("1000"), D1, D2, c, 1));
        fails(InvalidRequestException.class, "page.invalid_cursor", () -> ledger.statement(AccountRef.code("1000"), D2, D3, c, 1));
        TenantLedger otherKey = Ledger.builder().store(store).clock(clock).audit(audit).build().forTenant(tenant);
        fails(InvalidRequestException.class, "page.invalid_cursor", () -> otherKey.statement(AccountRef.code("1000"), D1, D3, c, 1));
    }

    @Test
    void aForgedPlainBase64CursorIsATypedErrorNotARawArithmeticException() {
        transfer("1000", "3000", eur("1"), D1);
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("v1|2026-03-01|0|0|" + Long.MAX_VALUE).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        fails(InvalidRequestException.class, "page.invalid_cursor",
                () -> ledger.statement(AccountRef.code("1000"), D1, D3, Optional.of(forged), 10));
    }

    @Test
    void cursorsWorkAcrossLedgersSharingACursorKey() {
        byte[] key = new byte[32];
        key[0] = 7;
        TenantLedger a = Ledger.builder().store(store).clock(clock).cursorKey(key).build().forTenant(tenant);
        TenantLedger b = Ledger.builder().store(store).clock(clock).cursorKey(key).build().forTenant(tenant);
        for (int i = 0; i < 3; i++) {
            transfer("1000", "3000", eur("1"), D1);
        }
        Statement p1 = a.statement(AccountRef.code("1000"), D1, D3, Optional.empty(), 2);
        Statement p2 = b.statement(AccountRef.code("1000"), D1, D3, p1.nextCursor(), 2);
        assertThat(p2.lines()).extracting(StatementLine::runningBalance).containsExactly(eur("3"));
    }

    @Test
    void metadataBeyondTheLimitIsRejectedAtTheDoorNamingTheLimit() {
        java.util.Map<String, String> big = new java.util.HashMap<>();
        big.put("note", "x".repeat(LedgerLimits.MAX_METADATA_CHARS));
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> new EntryRequest(Optional.empty(),
                Optional.empty(), D1, "big", big, List.of(Posting.debit("1000", eur("1")), Posting.credit("3000", eur("1"))),
                false, Optional.empty()));
        assertThat(e.code()).isEqualTo("ledger.metadata_too_large");
        assertThat(e.violations().get(0).field()).isEqualTo("metadata");
        assertThat(e.getMessage()).contains(String.valueOf(LedgerLimits.MAX_METADATA_CHARS));
        EntryRequest.Builder quotes = EntryRequest.builder(D1, "quotes").debit("1000", eur("1")).credit("3000", eur("1"));
        quotes.metadata("q", "\"".repeat(LedgerLimits.MAX_METADATA_CHARS / 6 + 1));
        fails(InvalidRequestException.class, "ledger.metadata_too_large", quotes::build);
        EntryRequest.Builder many = EntryRequest.builder(D1, "keys").debit("1000", eur("1")).credit("3000", eur("1"));
        for (int i = 0; i <= LedgerLimits.MAX_METADATA_KEYS; i++) {
            many.metadata("k" + i, "v");
        }
        fails(InvalidRequestException.class, "ledger.metadata_too_large", many::build);
    }

    @Test
    void metadataAtTheLimitIsStoredAndReadBackExactlyByEveryStore() {
        EntryRequest.Builder b = EntryRequest.builder(D1, "at the limit").debit("1000", eur("1")).credit("3000", eur("1"));
        int perValue = LedgerLimits.MAX_METADATA_CHARS / LedgerLimits.MAX_METADATA_KEYS - 4;
        for (int i = 0; i < LedgerLimits.MAX_METADATA_KEYS; i++) {
            String k = String.format("k%03d", i);
            b.metadata(k, (i % 2 == 0 ? "\u00e9\u20ac" : "\n\"") + "v".repeat(perValue - 2 - (i % 2 == 0 ? 0 : 10)));
        }
        JournalEntry e = ledger.post(b.build());
        assertThat(ledger.entry(e.id()).metadata()).isEqualTo(e.metadata()).hasSize(LedgerLimits.MAX_METADATA_KEYS);
    }

    @Test
    void datesOutsideTheSupportedRangeAreTypedErrorsEverywhere() {
        for (LocalDate bad : List.of(LocalDate.MAX, LocalDate.MIN, LedgerLimits.MAX_DATE.plusDays(1), LedgerLimits.MIN_DATE.minusDays(1))) {
            InvalidRequestException e = fails(InvalidRequestException.class, "ledger.date_out_of_range",
                    () -> EntryRequest.builder(bad, "x").debit("1000", eur("1")).credit("3000", eur("1")).build());
            assertThat(e.violations().get(0).field()).isEqualTo("effectiveDate");
            fails(InvalidRequestException.class, "ledger.date_out_of_range", () -> ledger.balance(AccountRef.code("1000"), bad));
            fails(InvalidRequestException.class, "ledger.date_out_of_range",
                    () -> ledger.statement(AccountRef.code("1000"), D1, bad, Optional.empty(), 10));
            fails(InvalidRequestException.class, "ledger.date_out_of_range", () -> ledger.trialBalance(bad));
            fails(InvalidRequestException.class, "ledger.date_out_of_range", () -> ledger.closePeriod(bad, "controller"));
        }
        fails(InvalidRequestException.class, "ledger.date_out_of_range", () -> ledger.expirePending(Instant.MIN));
        JournalEntry last = ledger.post(EntryRequest.builder(LedgerLimits.MAX_DATE, "last day").debit("1000", eur("1"))
                .credit("3000", eur("1")).build());
        JournalEntry first = ledger.post(EntryRequest.builder(LedgerLimits.MIN_DATE, "first day").debit("1000", eur("2"))
                .credit("3000", eur("2")).build());
        assertThat(ledger.entry(last.id())).isEqualTo(last);
        assertThat(ledger.entry(first.id())).isEqualTo(first);
        assertThat(ledger.balance(AccountRef.code("1000"), LedgerLimits.MAX_DATE).posted()).isEqualTo(eur("3"));
        assertThat(ledger.balance(AccountRef.code("1000"), LedgerLimits.MIN_DATE).posted()).isEqualTo(eur("2"));
        Statement all = ledger.statement(AccountRef.code("1000"), LedgerLimits.MIN_DATE, LedgerLimits.MAX_DATE, Optional.empty(), 1);
        assertThat(all.openingBalance()).isEqualTo(eur("0"));
        Statement rest = ledger.statement(AccountRef.code("1000"), LedgerLimits.MIN_DATE, LedgerLimits.MAX_DATE, all.nextCursor(), 1);
        assertThat(rest.closingBalance()).isEqualTo(eur("3"));
        assertThat(ledger.incomeStatement(LedgerLimits.MIN_DATE, LedgerLimits.MAX_DATE, EUR).netIncome()).isEqualTo(eur("0"));
    }

    // ================================================================== end of the ledger-semantics block

    @Test
    void theSmallBusinessTemplateOpensAsOneTree() {
        TenantLedger fresh = Ledger.builder().store(store).clock(clock).build().forTenant(TenantId.of("c-" + UUID.randomUUID()));
        List<Account> chart = fresh.openAll(ChartTemplates.smallBusiness(EUR));
        assertThat(chart).hasSize(22);
        assertThat(fresh.account("6100").parent()).contains(fresh.account("6000").id());
        assertThat(fresh.accounts()).extracting(Account::code).isSorted();
    }

    @Test
    void aYearWithoutIncomeOrExpenseClosesWithoutAnEntry() {
        transfer("1000", "3000", eur("10"), D1);
        assertThat(ledger.closeYear(LocalDate.of(2026, 12, 31), "controller", List.of(AccountRef.code("3200")))).isEmpty();
        assertThat(ledger.periodStatus().closedThrough()).contains(LocalDate.of(2026, 12, 31));
    }

    @Test
    void theExchangeHelperRejectsBadRates() {
        fails(InvalidRequestException.class, "request.invalid", () -> FxEntries.exchange(AccountRef.code("1000"),
                AccountRef.code("3900"), eur("1"), BigDecimal.ZERO, USD, RoundingMode.HALF_EVEN, AccountRef.code("3910"),
                AccountRef.code("1900")));
        fails(InvalidRequestException.class, "request.invalid", () -> FxEntries.exchange(AccountRef.code("1000"),
                AccountRef.code("3900"), eur("1"), BigDecimal.ONE, EUR, RoundingMode.HALF_EVEN, AccountRef.code("3910"),
                AccountRef.code("1900")));
    }
}
