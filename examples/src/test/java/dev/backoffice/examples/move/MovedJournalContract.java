package dev.backoffice.examples.move;

import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.jdbc.TenantFence;
import dev.backoffice.core.store.move.MoveStep;
import dev.backoffice.core.store.move.TenantMove;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.SchemaScripts;
import dev.backoffice.core.testing.SeparateDatabases;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.ledger.AccountRef;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.EntryId;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.OpenAccount;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #20, ledger numbering after a move: the moved tenant's entries keep their numbers, and
 * every entry it writes on its new database is numbered after all of them, whatever block of
 * numbers a JDBC ledger store there took before the move. So a reader that follows
 * {@code journal(afterSequence)} on the source and then goes on reading on the target from the
 * last number it saw sees every entry exactly once.
 *
 * <p>Database "one" has handed out more entry numbers than "two" (its sequence is advanced
 * before the tenant writes there), so the tenant's imported numbers lie above the blocks the
 * stores on "two" hold: the case the fix is for.
 */
abstract class MovedJournalContract {

    private static final CurrencyUnit EUR = CurrencyUnit.EUR;
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private final StoreKind kind;
    private TestDatabase one;
    private TestDatabase two;
    private DataSource fencedOne;
    private DataSource fencedTwo;
    private Map<String, List<String>> modules;
    private AdjustableClock clock;
    private final List<JdbcLedgerStore> stores = new ArrayList<>();

    MovedJournalContract(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void twoDatabases() {
        one = SeparateDatabases.open(kind);
        two = SeparateDatabases.open(kind);
        fencedOne = TenantFence.moveable(one.dataSource());
        fencedTwo = TenantFence.moveable(two.dataSource());
        modules = new LinkedHashMap<>(SchemaScripts.installAll(one.jdbc()));
        SchemaScripts.installAll(two.jdbc());
        modules.remove(TenantFence.MODULE);
        clock = AdjustableClock.startingAt(Instant.parse("2026-03-02T08:00:00Z"));
        // "one" has handed out five blocks more than "two"
        for (int i = 0; i < 5; i++) {
            one.jdbc().inTransaction(c -> Jdbc.queryOne(c, "SELECT nextval('ledger_sequence_block')", rs -> rs.getLong(1)));
        }
    }

    @AfterEach
    void close() {
        stores.forEach(JdbcLedgerStore::close);
        one.close();
        two.close();
    }

    /** A ledger over its own JDBC store on {@code db}: what one more application process holds. */
    private Ledger process(DataSource db) {
        JdbcLedgerStore store = JdbcLedgerStore.builder(Jdbc.of(db)).build();
        stores.add(store);
        return Ledger.builder().store(store).clock(clock).build();
    }

    private static void open(Ledger ledger, TenantId t) {
        ledger.forTenant(t).openAll(List.of(OpenAccount.of("1000", "Cash", AccountType.ASSET, EUR),
                OpenAccount.of("4000", "Sales", AccountType.INCOME, EUR)));
    }

    private static JournalEntry post(Ledger ledger, TenantId t, int i) {
        return ledger.forTenant(t).post(EntryRequest.builder(DAY, "sale " + i).idempotencyKey(t.value() + "-" + i)
                .debit("1000", Money.ofMinor(EUR, i)).credit("4000", Money.ofMinor(EUR, i)).build());
    }

    private TenantMove move(TenantId t, String fromKey, DataSource from, String toKey, DataSource to) {
        return TenantMove.of(t).from(fromKey, from).to(toKey, to).modules(modules).clock(clock);
    }

    /** A reader of one tenant's journal that remembers the last number it saw. */
    private static final class Follower {
        final List<JournalEntry> seen = new ArrayList<>();
        long after;

        void catchUp(Ledger ledger, TenantId t) {
            for (JournalEntry e : ledger.forTenant(t).journal(after, 10_000)) {
                seen.add(e);
                after = e.sequence();
            }
        }

        List<String> descriptions() {
            return seen.stream().map(JournalEntry::description).toList();
        }
    }

    private static List<String> sales(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add("sale " + i);
        }
        return out;
    }

    @Test
    void a_reader_following_the_journal_across_the_move_sees_every_entry_once() {
        TenantId moving = TenantId.of("moving-co");
        TenantId resident = TenantId.of("resident-co");
        Ledger onOne = process(fencedOne);
        Ledger onTwo = process(fencedTwo);
        open(onTwo, resident);
        post(onTwo, resident, 1); // the store on "two" now holds a block of numbers, taken before the move
        open(onOne, moving);
        Follower reader = new Follower();
        for (int i = 1; i <= 10; i++) {
            post(onOne, moving, i);
            reader.catchUp(onOne, moving);
        }
        long lastImported = reader.after;

        // while the tenant is fenced its books read as before: reads are never fenced
        move(moving, "one", fencedOne, "two", fencedTwo).stopAfter(MoveStep.DELTA_COPIED).run();
        reader.catchUp(onOne, moving);
        assertThat(reader.after).isEqualTo(lastImported);
        assertThat(onOne.forTenant(moving).trialBalance(DAY).rows()).hasSize(2);
        assertThat(onOne.forTenant(moving).balance(AccountRef.code("1000")).posted().getAmountMinorLong()).isEqualTo(55);
        assertThat(onOne.forTenant(moving).entry(reader.seen.get(0).id()).description()).isEqualTo("sale 1");

        assertThat(move(moving, "one", fencedOne, "two", fencedTwo).run().complete()).isTrue();
        for (int i = 11; i <= 20; i++) {
            JournalEntry e = post(onTwo, moving, i);
            assertThat(e.sequence()).as("entry %d on the target", i).isGreaterThan(lastImported);
            reader.catchUp(onTwo, moving);
        }

        assertThat(reader.descriptions()).containsExactlyElementsOf(sales(1, 20));
        assertThat(reader.seen.stream().map(JournalEntry::id).distinct().count()).isEqualTo(20);
        assertThat(onTwo.forTenant(moving).journal(0, 10_000)).extracting(JournalEntry::description)
                .containsExactlyElementsOf(sales(1, 20));
    }

    @Test
    void every_store_on_the_target_numbers_the_moved_tenant_after_its_imported_entries() {
        TenantId moving = TenantId.of("moving-co");
        TenantId resident = TenantId.of("resident-co");
        Ledger onOne = process(fencedOne);
        Ledger first = process(fencedTwo);
        Ledger second = process(fencedTwo); // a second process on "two": its own block of numbers
        open(first, resident);
        post(first, resident, 1);
        post(second, resident, 2);
        open(onOne, moving);
        for (int i = 1; i <= 10; i++) {
            post(onOne, moving, i);
        }
        long lastImported = onOne.forTenant(moving).journal(0, 10_000).stream().mapToLong(JournalEntry::sequence).max().orElseThrow();

        move(moving, "one", fencedOne, "two", fencedTwo).run();
        List<EntryId> written = new ArrayList<>();
        for (int i = 11; i <= 16; i++) {
            JournalEntry e = post(i % 2 == 0 ? first : second, moving, i);
            assertThat(e.sequence()).as("entry %d, written through the %s store", i, i % 2 == 0 ? "first" : "second")
                    .isGreaterThan(lastImported);
            written.add(e.id());
        }
        assertThat(first.forTenant(moving).journal(lastImported, 10_000)).extracting(JournalEntry::id)
                .containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void a_tenant_moved_away_and_back_is_numbered_after_what_it_wrote_away_by_the_store_it_left() {
        TenantId moving = TenantId.of("moving-co");
        Ledger onOne = process(fencedOne);
        Ledger onTwo = process(fencedTwo);
        open(onOne, moving);
        Follower reader = new Follower();
        post(onOne, moving, 1);
        reader.catchUp(onOne, moving);
        // "two" gets ahead of "one": the tenant's entries there are numbered above the block the store on "one" holds
        for (int i = 0; i < 20; i++) {
            two.jdbc().inTransaction(c -> Jdbc.queryOne(c, "SELECT nextval('ledger_sequence_block')", rs -> rs.getLong(1)));
        }
        move(moving, "one", fencedOne, "two", fencedTwo).run();
        for (int i = 2; i <= 4; i++) {
            post(onTwo, moving, i);
            reader.catchUp(onTwo, moving);
        }
        long lastOnTwo = reader.after;
        move(moving, "two", fencedTwo, "one", fencedOne).run();
        for (int i = 5; i <= 7; i++) {
            JournalEntry e = post(onOne, moving, i);
            assertThat(e.sequence()).as("entry %d, back on the first database", i).isGreaterThan(lastOnTwo);
            reader.catchUp(onOne, moving);
        }
        assertThat(reader.descriptions()).containsExactlyElementsOf(sales(1, 7));
    }
}
