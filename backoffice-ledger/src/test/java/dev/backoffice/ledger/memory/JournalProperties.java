package dev.backoffice.ledger.memory;

import dev.backoffice.ledger.AccountId;
import dev.backoffice.ledger.EntryId;
import dev.backoffice.ledger.EntryKind;
import dev.backoffice.ledger.EntryLine;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.Side;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal's id and key lookups agree with a plain map, whatever order ids arrive in: runs of
 * increasing generated ids, ids generated earlier and posted later, random caller ids, and
 * idempotency keys on some entries.
 */
class JournalProperties {

    private static final AccountId A = AccountId.newId();
    private static final AccountId B = AccountId.newId();
    private static final Journal.Accounts ACCOUNTS = new Journal.Accounts() {
        @Override
        public int indexOf(AccountId id) {
            return id.equals(A) ? 0 : 1;
        }

        @Override
        public AccountId idAt(int index) {
            return index == 0 ? A : B;
        }

        @Override
        public CurrencyUnit currencyAt(int index) {
            return CurrencyUnit.EUR;
        }
    };

    /** How entry number i gets its id: 0 fresh, 1 generated earlier (held back), 2 random, 3 fresh with a key. */
    @Property(tries = 100)
    void everyIdAndKeyIsFoundAtItsPositionAndNothingElseIs(@ForAll @Size(max = 400) List<@IntRange(min = 0, max = 3) Integer> kinds) {
        Journal journal = new Journal();
        Map<EntryId, Integer> byId = new HashMap<>();
        Map<String, Integer> byKey = new HashMap<>();
        List<EntryId> heldBack = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            heldBack.add(EntryId.newId());
        }
        for (int i = 0; i < kinds.size(); i++) {
            int kind = kinds.get(i);
            EntryId id = kind == 1 && !heldBack.isEmpty() ? heldBack.remove(heldBack.size() - 1)
                    : kind == 2 ? EntryId.of(UUID.randomUUID()) : EntryId.newId();
            Optional<String> key = kind == 3 ? Optional.of("key-" + i) : Optional.empty();
            JournalEntry e = new JournalEntry(id, i + 1, EntryKind.STANDARD, LocalDate.of(2026, 3, 1), Instant.EPOCH, "e",
                    Map.of(), key, List.of(new EntryLine(A, Side.DEBIT, Money.ofMinor(CurrencyUnit.EUR, i + 1)),
                    new EntryLine(B, Side.CREDIT, Money.ofMinor(CurrencyUnit.EUR, i + 1))),
                    Optional.empty(), Optional.empty(), Optional.empty());
            assertThat(journal.accepts(e)).isTrue();
            int position = journal.append(e, ACCOUNTS);
            byId.put(id, position);
            key.ifPresent(k -> byKey.put(k, position));
        }
        byId.forEach((id, position) -> assertThat(journal.find(id)).isEqualTo(position));
        byKey.forEach((key, position) -> assertThat(journal.findByKey(key)).isEqualTo(position));
        for (EntryId unused : heldBack) {
            assertThat(journal.find(unused)).isEqualTo(-1);
        }
        assertThat(journal.find(EntryId.of(UUID.randomUUID()))).isEqualTo(-1);
        assertThat(journal.find(EntryId.newId())).isEqualTo(-1);
        assertThat(journal.findByKey("key-none")).isEqualTo(-1);
    }
}
