package dev.backoffice.examples.move;

import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.jdbc.TenantFence;
import dev.backoffice.core.store.move.MoveReport;
import dev.backoffice.core.store.move.MoveStep;
import dev.backoffice.core.store.move.TenantMove;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.SchemaScripts;
import dev.backoffice.core.testing.SeparateDatabases;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.OpenAccount;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.File;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #20: the mover's JVM killed with {@code kill -9} in the middle of a move (after the
 * snapshot copy, the catch-up, the fence, the delta, the verification, the target's opening): the tenant is writable in
 * at most one place, and the move, run again by another process, finishes with every row on the
 * target, or is rolled back with every row back on the source and nothing on the target.
 */
@RequiresPostgres
class MoveCrashTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "killed after {0}, then {1}")
    @CsvSource({"COPIED, rerun", "CAUGHT_UP, rollback", "FENCED, rerun", "DELTA_COPIED, rerun", "DELTA_COPIED, rollback",
            "VERIFIED, rerun", "OPENED, rerun"})
    void a_mover_killed_mid_move_leaves_a_move_that_reruns_or_rolls_back(MoveStep killedAfter, String then) throws Exception {
        try (TestDatabase one = SeparateDatabases.open(StoreKind.POSTGRES); TestDatabase two = SeparateDatabases.open(StoreKind.POSTGRES)) {
            Map<String, List<String>> modules = new LinkedHashMap<>(SchemaScripts.installAll(one.jdbc()));
            SchemaScripts.installAll(two.jdbc());
            modules.remove(TenantFence.MODULE);
            TenantId t = TenantId.of("crash-co");
            try (JdbcLedgerStore store = JdbcLedgerStore.builder(Jdbc.of(TenantFence.moveable(one.dataSource()))).build()) {
                TenantLedger books = Ledger.builder().store(store).build().forTenant(t);
                books.openAll(List.of(OpenAccount.of("1000", "Cash", AccountType.ASSET, CurrencyUnit.EUR),
                        OpenAccount.of("4000", "Sales", AccountType.INCOME, CurrencyUnit.EUR)));
                for (int i = 1; i <= 200; i++) {
                    books.post(EntryRequest.builder(LocalDate.of(2026, 3, 2), "sale " + i).idempotencyKey("s" + i)
                            .debit("1000", Money.ofMinor(CurrencyUnit.EUR, i)).credit("4000", Money.ofMinor(CurrencyUnit.EUR, i)).build());
                }
            }
            long rows = count(one, t);

            Process child = startChild(one.url(), two.url(), one.user(), one.password(), t.value(), dir.toString(), killedAfter.name());
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // killed
                }
            });
            reader.setDaemon(true);
            reader.start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (!lines.contains("PAUSED") && child.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(lines).as("the child reached %s; its stderr: %s", killedAfter, stderr()).contains("PAUSED");
            } finally {
                child.destroyForcibly(); // SIGKILL: no shutdown hook, nothing tidied up
                child.waitFor(30, TimeUnit.SECONDS);
            }

            boolean onOne = writable(one, t);
            boolean onTwo = writable(two, t);
            assertThat(onOne).as("source writable after a kill after %s", killedAfter)
                    .isEqualTo(killedAfter.compareTo(MoveStep.FENCED) < 0); // the bulk copy runs unfenced
            assertThat(onTwo).as("target writable after a kill after %s", killedAfter).isEqualTo(killedAfter == MoveStep.OPENED);

            TenantMove again = TenantMove.of(t).from("one", one.dataSource()).to("two", two.dataSource()).modules(modules);
            if (then.equals("rerun")) {
                MoveReport report = again.run();
                assertThat(report.complete()).isTrue();
                assertThat(report.resumed()).isTrue();
                assertThat(count(two, t)).isEqualTo(rows);
                assertThat(writable(one, t)).isFalse();
                assertThat(writable(two, t)).isTrue();
            } else {
                again.rollback();
                assertThat(count(two, t)).isZero();
                assertThat(count(one, t)).isEqualTo(rows);
                assertThat(writable(one, t)).isTrue();
                assertThat(writable(two, t)).isTrue(); // no fence row there: the tenant is simply not placed there
                assertThat(TenantMove.journalOf(two.dataSource(), t)).isEqualTo("open");
            }
        }
    }

    private Path stderrFile;

    private String stderr() {
        try {
            return stderrFile == null ? "" : Files.readString(stderrFile);
        } catch (IOException e) {
            return "";
        }
    }

    private Process startChild(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MoveChildProcess.class.getName());
        command.addAll(List.of(args));
        stderrFile = Files.createTempFile(dir, "mover", ".err");
        return new ProcessBuilder(command).redirectError(stderrFile.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    }

    private static long count(TestDatabase db, TenantId t) {
        return db.jdbc().inTransaction(c -> Jdbc.queryOne(c, "SELECT (SELECT COUNT(*) FROM ledger_entry WHERE tenant_id = ?) "
                + "+ (SELECT COUNT(*) FROM ledger_movement WHERE tenant_id = ?) + (SELECT COUNT(*) FROM ledger_account WHERE tenant_id = ?)",
                rs -> rs.getLong(1), t.value(), t.value(), t.value()).orElseThrow());
    }

    private static boolean writable(TestDatabase db, TenantId t) {
        try (TenantFence.Scope ignored = TenantFence.enter(t)) {
            Jdbc.of(TenantFence.moveable(db.dataSource())).inTransactionRun(c -> { });
            return true;
        } catch (StorageException e) {
            assertThat(e.code()).isIn("storage.tenant_moving", "storage.tenant_moved");
            return false;
        }
    }
}
