package dev.backoffice.ledger.memory;

import dev.backoffice.ledger.AccountId;
import dev.backoffice.ledger.EntryId;
import dev.backoffice.ledger.EntryKind;
import dev.backoffice.ledger.EntryLine;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.Side;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The columnar journal gives back exactly what it was given and finds entries by id and key. */
class JournalTest {

    private static final CurrencyUnit EUR = CurrencyUnit.EUR;
    private static final CurrencyUnit JPY = CurrencyUnit.JPY;
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    private final List<AccountId> ids = new ArrayList<>();
    private final List<CurrencyUnit> currencies = new ArrayList<>();
    private final Journal.Accounts accounts = new Journal.Accounts() {
        @Override
        public int indexOf(AccountId id) {
            return ids.indexOf(id);
        }

        @Override
        public AccountId idAt(int index) {
            return ids.get(index);
        }

        @Override
        public CurrencyUnit currencyAt(int index) {
            return currencies.get(index);
        }
    };
    private final Journal journal = new Journal();
    private final AccountId cash = account(EUR);
    private final AccountId sales = account(EUR);
    private final AccountId yen = account(JPY);

    private AccountId account(CurrencyUnit currency) {
        AccountId id = AccountId.newId();
        ids.add(id);
        currencies.add(currency);
        return id;
    }

    private static JournalEntry entry(EntryId id, long sequence, EntryKind kind, List<EntryLine> lines,
                                      Optional<EntryId> pendingId, Optional<EntryId> reverses) {
        return new JournalEntry(id, sequence, kind, DAY, Instant.parse("2026-03-01T10:15:30.123456Z"), "entry " + sequence,
                Map.of(), Optional.empty(), lines, pendingId, reverses, Optional.empty());
    }

    private List<EntryLine> lines(long minor) {
        return List.of(new EntryLine(cash, Side.DEBIT, Money.ofMinor(EUR, minor)),
                new EntryLine(sales, Side.CREDIT, Money.ofMinor(EUR, minor)));
    }

    private int append(JournalEntry e) {
        assertThat(journal.accepts(e)).isTrue();
        return journal.append(e, accounts);
    }

    @Test
    void anEntryReadBackEqualsTheEntryAppendedWithEveryField() {
        JournalEntry hold = new JournalEntry(EntryId.newId(), 7, EntryKind.PENDING, LocalDate.of(1969, 12, 31),
                Instant.parse("2026-03-01T10:15:30.123456Z"), "card authorisation", Map.of("order", "A-1", "shop", "web"),
                Optional.of("auth-1"),
                List.of(new EntryLine(yen, Side.DEBIT, Money.ofMinor(JPY, 1500)), new EntryLine(cash, Side.CREDIT, Money.of(EUR, 9.99)),
                        new EntryLine(sales, Side.DEBIT, Money.of(EUR, 9.99)), new EntryLine(yen, Side.CREDIT, Money.ofMinor(JPY, 1500))),
                Optional.empty(), Optional.empty(), Optional.of(Instant.parse("2026-03-08T00:00:00Z")));
        int p = append(hold);
        JournalEntry post = entry(EntryId.newId(), 8, EntryKind.POST_PENDING, hold.lines(), Optional.of(hold.id()), Optional.empty());
        int q = append(post);

        assertThat(journal.entry(p, accounts)).isEqualTo(hold);
        assertThat(journal.entry(q, accounts)).isEqualTo(post);
        assertThat(journal.resolutionOf(p)).isEqualTo(q);
        assertThat(journal.heldLines(q, accounts)).isEqualTo(hold.lines());
        assertThat(journal.findByKey("auth-1")).isEqualTo(p);
        assertThat(journal.findByKey("auth-2")).isEqualTo(-1);
    }

    @Test
    void idsFoundWhetherTheyArriveInOrderOrNot() {
        List<EntryId> early = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            early.add(EntryId.newId()); // generated now, posted later: below the greatest id by then
        }
        List<EntryId> appended = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            EntryId id = i % 600 == 599 ? early.get(i / 600) : i % 97 == 0 ? EntryId.of(UUID.randomUUID()) : EntryId.newId();
            appended.add(id);
            append(entry(id, i + 1, EntryKind.STANDARD, lines(i + 1), Optional.empty(), Optional.empty()));
        }
        for (int i = 0; i < appended.size(); i++) {
            assertThat(journal.find(appended.get(i))).isEqualTo(i);
        }
        assertThat(journal.find(EntryId.newId())).isEqualTo(-1);
        assertThat(journal.find(EntryId.of(UUID.randomUUID()))).isEqualTo(-1);
        assertThat(journal.find(EntryId.of(new UUID(0, 1)))).isEqualTo(-1);
    }

    @Test
    void anEntryWhoseIdOrKeyIsTakenOrWhoseTargetIsResolvedIsRefused() {
        JournalEntry first = entry(EntryId.newId(), 1, EntryKind.STANDARD, lines(100), Optional.empty(), Optional.empty());
        append(first);
        JournalEntry reversal = entry(EntryId.newId(), 2, EntryKind.REVERSAL, lines(100), Optional.empty(), Optional.of(first.id()));
        append(reversal);

        assertThat(journal.accepts(entry(first.id(), 3, EntryKind.STANDARD, lines(1), Optional.empty(), Optional.empty()))).isFalse();
        assertThat(journal.accepts(entry(EntryId.newId(), 3, EntryKind.REVERSAL, lines(100), Optional.empty(),
                Optional.of(first.id())))).isFalse();
        assertThat(journal.reversalOf(0)).isEqualTo(1);
        assertThat(journal.reversalOf(1)).isEqualTo(-1);
        assertThatThrownBy(() -> journal.accepts(entry(EntryId.newId(), 3, EntryKind.REVERSAL, lines(1), Optional.empty(),
                Optional.of(EntryId.newId())))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theJournalIsSearchedBySequence() {
        for (int i = 0; i < 10; i++) {
            append(entry(EntryId.newId(), 10L * (i + 1), EntryKind.STANDARD, lines(5), Optional.empty(), Optional.empty()));
        }
        assertThat(journal.firstAfterSequence(0)).isEqualTo(0);
        assertThat(journal.firstAfterSequence(10)).isEqualTo(1);
        assertThat(journal.firstAfterSequence(55)).isEqualTo(5);
        assertThat(journal.firstAfterSequence(100)).isEqualTo(10);
    }
}
