package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.testing.ChildJvm;
import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.OpenAccount;
import dev.backoffice.ledger.TenantLedger;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process killed with {@code kill -9} in the middle of posting atomic batches: afterwards every
 * batch is all there or not there at all, and posting the same batches again (same idempotency
 * keys) completes the work without doubling anything.
 */
@RequiresPostgres
class LedgerCrashTest {

    private static final int BATCHES = 400;

    @Test
    void aKilledProcessLeavesEveryBatchWholeOrAbsentAndARerunCompletesItWithoutDoubling() throws Exception {
        try (TestDatabase db = TestDatabases.postgres(); JdbcLedgerStore store = JdbcLedgerStore.create(db.dataSource())) {
            String tenant = "crash-" + UUID.randomUUID();
            TenantLedger ledger = Ledger.builder().store(store).build().forTenant(TenantId.of(tenant));
            List<OpenAccount> chart = new ArrayList<>();
            for (int i = 0; i < LedgerChildProcess.SHARED_ACCOUNTS; i++) {
                chart.add(OpenAccount.of("S" + i, "Shared " + i, AccountType.ASSET, CurrencyUnit.EUR));
            }
            ledger.openAll(chart);

            try (ChildJvm child = ChildJvm.start(LedgerChildProcess.class, "batches", db.url(), db.user(), db.password(), tenant, "0", String.valueOf(BATCHES))) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
                while (child.count("DONE") < 12 && child.process().isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertThat(child.count("DONE")).as("batches committed before the kill; stderr:%n%s", child.errors())
                        .isGreaterThanOrEqualTo(12);
                child.process().destroyForcibly(); // SIGKILL: no shutdown hook, no rollback from the client
                assertThat(child.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
            }

            Map<Integer, Integer> perBatch = entriesPerBatch(store.jdbc(), tenant);
            assertThat(perBatch).as("batches present after the kill").isNotEmpty();
            assertThat(perBatch.values()).as("entries of each batch present after the kill: all or nothing")
                    .allMatch(n -> n == LedgerChildProcess.BATCH_SIZE);
            LedgerBooks.assertExact(store.jdbc(), tenant);

            // Restart: the application posts every batch again with the same keys.
            int upTo = perBatch.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow() + 8;
            for (int b = 0; b <= upTo; b++) {
                List<JournalEntry> posted = ledger.postAll(LedgerChildProcess.batch(b));
                assertThat(posted).hasSize(LedgerChildProcess.BATCH_SIZE);
            }
            Map<Integer, Integer> after = entriesPerBatch(store.jdbc(), tenant);
            assertThat(after).hasSize(upTo + 1);
            assertThat(after.values()).allMatch(n -> n == LedgerChildProcess.BATCH_SIZE);
            // The batches that had landed before the kill kept their original entries.
            for (int b : perBatch.keySet()) {
                assertThat(ledger.postAll(LedgerChildProcess.batch(b))).extracting(JournalEntry::idempotencyKey)
                        .allMatch(k -> k.orElseThrow().startsWith("crash-" + b + "-"));
            }
            assertThat(entriesPerBatch(store.jdbc(), tenant)).isEqualTo(after);
            LedgerBooks.assertExact(store.jdbc(), tenant);
        }
    }

    private static Map<Integer, Integer> entriesPerBatch(Jdbc jdbc, String tenant) {
        Map<Integer, Integer> out = new TreeMap<>();
        for (String key : jdbc.inTransaction(c -> Jdbc.query(c, "SELECT idempotency_key FROM ledger_entry WHERE tenant_id = ?",
                rs -> rs.getString(1), tenant))) {
            out.merge(Integer.parseInt(key.split("-")[1]), 1, Integer::sum);
        }
        return out;
    }
}
