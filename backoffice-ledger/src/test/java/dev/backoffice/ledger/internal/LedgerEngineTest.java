package dev.backoffice.ledger.internal;

import dev.backoffice.ledger.Account;
import dev.backoffice.ledger.AccountCounters;
import dev.backoffice.ledger.AccountFlag;
import dev.backoffice.ledger.AccountId;
import dev.backoffice.ledger.AccountRef;
import dev.backoffice.ledger.AccountState;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.EntryId;
import dev.backoffice.ledger.EntryKind;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.LedgerErrorCode;
import dev.backoffice.ledger.Movement;
import dev.backoffice.ledger.PeriodStatus;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The rule engine alone: no store, just counters in and counters (or a rejection) out. */
class LedgerEngineTest {

    private static final Instant NOW = Instant.parse("2026-03-05T10:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 5);
    private final Account cash = account("1000", AccountType.ASSET, Set.of());
    private final Account wallet = account("2010", AccountType.LIABILITY, Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS));
    private final Map<AccountId, AccountState> locked = new HashMap<>();
    private final Function<AccountRef, AccountId> resolver = ref -> ref.code().map(c -> c.equals("1000") ? cash.id()
            : c.equals("2010") ? wallet.id() : null).orElse(null);

    private static Account account(String code, AccountType type, Set<AccountFlag> flags) {
        return new Account(AccountId.newId(), code, code, type, CurrencyUnit.EUR, Optional.empty(), flags, false, NOW);
    }

    private LedgerEngine.Draft draft(int index, String debit, String credit, String amount, boolean pending) {
        EntryRequest.Builder b = EntryRequest.builder(DAY, "t").debit(debit, Money.parse("EUR " + amount))
                .credit(credit, Money.parse("EUR " + amount));
        if (pending) {
            b.pending();
        }
        return LedgerEngine.draft(index, b.build(), resolver, EntryId.newId(), index + 1, NOW);
    }

    @Test
    void applyReturnsNewCountersAndLeavesTheInputsAlone() {
        locked.put(cash.id(), new AccountState(cash, AccountCounters.ZERO));
        locked.put(wallet.id(), new AccountState(wallet, AccountCounters.ZERO));
        LedgerEngine.Applied applied = LedgerEngine.apply(List.of(draft(0, "1000", "2010", "10.00", false)), locked,
                PeriodStatus.open());
        assertThat(applied.counters().get(wallet.id())).isEqualTo(new AccountCounters(0, 1000, 0, 0));
        assertThat(locked.get(wallet.id()).counters()).isEqualTo(AccountCounters.ZERO);
    }

    @Test
    void theFirstFailingEntryOfABatchIsNamedByIndex() {
        locked.put(cash.id(), new AccountState(cash, AccountCounters.ZERO));
        locked.put(wallet.id(), new AccountState(wallet, AccountCounters.ZERO));
        Rejection r = catchThrowableOfType(Rejection.class, () -> LedgerEngine.apply(List.of(
                draft(0, "1000", "2010", "10.00", false),
                draft(1, "2010", "1000", "10.00", false),
                draft(2, "2010", "1000", "0.01", true)), locked, PeriodStatus.open()));
        assertThat(r.index()).isEqualTo(2);
        assertThat(r.code()).isEqualTo(LedgerErrorCode.INSUFFICIENT_FUNDS);
    }

    @Test
    void aPartialPostReleasesTheWholeHoldAndPostsTheAmount() {
        JournalEntry hold = draft(0, "2010", "1000", "40.00", true).entry();
        LedgerEngine.Draft post = LedgerEngine.planPost(hold, Optional.empty(), Optional.of(Money.parse("EUR 25.00")),
                EntryId.newId(), 9, NOW, DAY);
        assertThat(post.movements()).extracting(Movement::pending, Movement::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, -4000L), org.assertj.core.groups.Tuple.tuple(true, -4000L),
                        org.assertj.core.groups.Tuple.tuple(false, 2500L), org.assertj.core.groups.Tuple.tuple(false, 2500L));
        assertThat(LedgerEngine.movements(post.entry(), hold.lines())).isEqualTo(post.movements());
        assertThat(post.entry().kind()).isEqualTo(EntryKind.POST_PENDING);
    }

    @Test
    void movementsAreOneFunctionOfTheEntry() {
        LedgerEngine.Draft d = draft(0, "1000", "2010", "1.00", false);
        assertThat(LedgerEngine.movements(d.entry(), null)).isEqualTo(d.movements());
        assertThat(LedgerEngine.movement(d.entry(), null, 1)).isEqualTo(d.movements().get(1));
    }
    @Test
    void anAccountOnBothSidesIsRejectedAtAnyNumberOfPostings() {
        Rejection two = catchThrowableOfType(Rejection.class, () -> draft(0, "1000", "1000", "1.00", false));
        assertThat(two.code()).isEqualTo(LedgerErrorCode.ACCOUNTS_MUST_BE_DIFFERENT);
        assertThat(two.field()).isEqualTo("postings[1].account");
        // beyond 16 postings the check uses a map; the same rule
        EntryRequest.Builder many = EntryRequest.builder(DAY, "many");
        for (int i = 0; i < 20; i++) {
            many.debit("2010", Money.parse("EUR 1.00"));
        }
        many.credit("1000", Money.parse("EUR 19.00")).credit("2010", Money.parse("EUR 1.00"));
        Rejection r = catchThrowableOfType(Rejection.class, () -> LedgerEngine.draft(0, many.build(), resolver, EntryId.newId(), 1, NOW));
        assertThat(r.code()).isEqualTo(LedgerErrorCode.ACCOUNTS_MUST_BE_DIFFERENT);
        assertThat(r.field()).isEqualTo("postings[21].account");
    }

    @Test
    void aReplayDraftSkipsTheClockSoItCanBeComparedWithTheStoredHold() {
        EntryRequest hold = EntryRequest.builder(DAY, "h").debit("2010", Money.parse("EUR 1.00")).credit("1000", Money.parse("EUR 1.00"))
                .pendingUntil(NOW.minusSeconds(1)).build();
        Rejection r = catchThrowableOfType(Rejection.class, () -> LedgerEngine.draft(0, hold, resolver, EntryId.newId(), 1, NOW));
        assertThat(r.code()).isEqualTo(LedgerErrorCode.INVALID_EXPIRY);
        LedgerEngine.Draft replay = LedgerEngine.draft(0, hold, resolver, EntryId.newId(), 1, NOW, true);
        assertThat(replay.entry().expiresAt()).contains(NOW.minusSeconds(1));
    }
}
