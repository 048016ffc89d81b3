package dev.backoffice.examples.ha;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.audit.AuditLog;
import dev.backoffice.core.audit.AuditRecord;
import dev.backoffice.core.audit.AuditVerification;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.docs.Archive;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentClass;
import dev.backoffice.docs.DocumentId;
import dev.backoffice.docs.NewDocument;
import dev.backoffice.docs.TenantArchive;
import dev.backoffice.docs.blob.FileSystemBlobStore;
import dev.backoffice.docs.jdbc.JdbcDocumentStore;
import dev.backoffice.docs.retention.RetentionPolicy;
import dev.backoffice.orders.By;
import dev.backoffice.orders.NewOrder;
import dev.backoffice.orders.Order;
import dev.backoffice.orders.OrderId;
import dev.backoffice.orders.OrderLine;
import dev.backoffice.orders.OrderStatus;
import dev.backoffice.orders.Orders;
import dev.backoffice.orders.TenantOrders;
import dev.backoffice.orders.jdbc.JdbcOrderStore;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.OpenAccount;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failover drill (#19): callers post ledger entries, run orders through create, place and
 * pay, ingest documents and append audit records against a Patroni cluster while its primary is
 * killed again and again; afterwards every call's answer is checked against what the
 * surviving primary holds. Runs when {@code BACKOFFICE_TEST_HA_URL} points at a cluster started
 * by {@code .ci/ha/cluster start} ({@code .ci/run} does that); skipped otherwise.
 *
 * <p>What a caller was told, and what must then be true on the new primary:
 * <ul>
 *   <li>ok: the entry is there exactly once, with the id the caller got;</li>
 *   <li>a typed error other than {@code storage.outcome_unknown}: nothing was written;</li>
 *   <li>{@code storage.outcome_unknown}: at most one entry (never two). A caller with an
 *       idempotency key then asks again with the same key until it hears ok, and the entry is
 *       there exactly once; a caller without one cannot ask, and the drill counts these.</li>
 * </ul>
 * Per round it reports the time without a primary (the longest gap between two acknowledged
 * commits), the calls that failed, and throughput before and after.
 */
@EnabledIfEnvironmentVariable(named = "BACKOFFICE_TEST_HA_URL", matches = ".+",
        disabledReason = "no HA cluster: run `bash .ci/ha/cluster start` and set BACKOFFICE_TEST_HA_URL to its `url`")
class FailoverDrillTest {

    /** A fresh tenant per run: the cluster outlives a run when started by hand. */
    private static final TenantId TENANT = TenantId.of("ha-drill-" + Long.toString(System.currentTimeMillis(), 36));
    private static final Money ONE = Money.of(CurrencyUnit.EUR, 1);
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final String UNKNOWN = "storage.outcome_unknown";

    private static final int CALLERS = Integer.getInteger("ha.callers", 32);
    private static final int ORDER_CALLERS = Integer.getInteger("ha.orderCallers", 8);
    private static final int DOCUMENT_CALLERS = Integer.getInteger("ha.documentCallers", 8);
    private static final int AUDIT_CALLERS = Integer.getInteger("ha.auditCallers", 4);
    private static final DocumentClass MEMO = DocumentClass.of("memo");
    private static final OrderStatus[] ORDER_STEPS = {OrderStatus.DRAFT, OrderStatus.PLACED, OrderStatus.PAID};
    private static final int KILL_PRIMARY_ROUNDS = Integer.getInteger("ha.killPrimaryRounds", 2);
    private static final int KILL_NODE_ROUNDS = Integer.getInteger("ha.killNodeRounds", 5);
    private static final long WINDOW_MS = Long.getLong("ha.windowMs", 4_000);
    private static final String CLUSTER = System.getenv().getOrDefault("BACKOFFICE_TEST_HA_CLUSTER", "../.ci/ha/cluster");

    /** One call and what its caller was told. */
    record Call(String tag, boolean keyed, long startNanos, long endNanos, String outcome, String entryId, int askedAgain) {
    }

    record Round(int number, String fault, String leaderBefore, String leaderAfter, long noPrimaryMs, long failed, long unknown,
                 double perSecondBefore, double perSecondAfter) {
        boolean leaderChanged() {
            return !leaderBefore.equals(leaderAfter);
        }
    }

    /** An order's life in the drill: create, place, pay, stopping at the first answer that is not ok. */
    record OrderTrace(OrderId id, List<String> answers) {
    }

    /** An audit append and its answer. */
    record Append(String subject, String answer) {
    }

    /** A document ingest and its answer. */
    record Ingest(DocumentId id, String title, String answer) {
    }

    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<OrderTrace> orders = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Ingest> ingests = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Append> appends = new ConcurrentLinkedQueue<>();
    /** Every order answer that was not ok, with its cause chain, to explain a failed check. */
    private final Map<OrderId, BackofficeException> orderErrors = new java.util.concurrent.ConcurrentHashMap<>();

    @TempDir
    Path blobs;
    private final AtomicBoolean running = new AtomicBoolean(true);

    @Test
    @Timeout(value = 14, unit = TimeUnit.MINUTES)
    void everyAnswerMatchesTheSurvivingPrimaryAcrossRepeatedFailovers() throws Exception {
        try (HikariDataSource pool = pool(); JdbcLedgerStore store = JdbcLedgerStore.create(pool)) {
            TenantLedger books = Ledger.builder().store(store).clock(Clock.systemUTC()).build().forTenant(TENANT);
            books.openAll(List.of(OpenAccount.of("1000", "Cash", AccountType.ASSET, CurrencyUnit.EUR),
                    OpenAccount.of("4000", "Sales", AccountType.INCOME, CurrencyUnit.EUR)));

            Jdbc jdbc = Jdbc.of(pool);
            TenantOrders shop = Orders.builder().store(JdbcOrderStore.create(jdbc)).clock(Clock.systemUTC()).build()
                    .forTenant(TENANT);
            JdbcAuditStore audit = JdbcAuditStore.create(jdbc, Clock.systemUTC());
            AuditLog auditLog = audit.forTenant(TENANT);
            TenantArchive archive = Archive.builder().store(JdbcDocumentStore.create(jdbc))
                    .blobs(FileSystemBlobStore.create(blobs)).audit(audit)
                    .clock(Clock.systemUTC()).zone(java.time.ZoneOffset.UTC).build().forTenant(TENANT);
            archive.setPolicy(RetentionPolicy.builder(MEMO).years(1).governance().source("failover drill").build(), "admin");

            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                int caller = i;
                threads.add(start("caller-" + i, () -> callerLoop(books, caller)));
            }
            for (int i = 0; i < ORDER_CALLERS; i++) {
                threads.add(start("orders-" + i, () -> orderLoop(shop)));
            }
            for (int i = 0; i < DOCUMENT_CALLERS; i++) {
                int caller = i;
                threads.add(start("documents-" + i, () -> documentLoop(archive, caller)));
            }
            for (int i = 0; i < AUDIT_CALLERS; i++) {
                int caller = i;
                threads.add(start("audit-" + i, () -> auditLoop(auditLog, caller)));
            }
            List<Round> rounds = new ArrayList<>();
            Thread.sleep(WINDOW_MS);
            int number = 0;
            for (int i = 0; i < KILL_PRIMARY_ROUNDS + KILL_NODE_ROUNDS; i++) {
                String fault = i < KILL_PRIMARY_ROUNDS ? "kill-primary" : "kill-node";
                rounds.add(round(++number, fault));
            }
            running.set(false);
            for (Thread t : threads) {
                t.join(120_000);
            }
            String report = report(rounds);
            System.out.println(report);
            Files.writeString(Path.of("target", "failover-drill.md"), report, StandardCharsets.UTF_8);

            checkAgainstTheSurvivingPrimary(books);
            checkOrders(shop);
            checkDocuments(archive);
            checkAuditChain(auditLog);
            assertThat(rounds.stream().filter(Round::leaderChanged).count())
                    .as("failovers (the leader changed)").isGreaterThanOrEqualTo(KILL_NODE_ROUNDS);
        }
    }

    private HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(System.getenv("BACKOFFICE_TEST_HA_URL"));
        config.setUsername(System.getenv().getOrDefault("BACKOFFICE_TEST_HA_USER", "backoffice"));
        config.setPassword(System.getenv().getOrDefault("BACKOFFICE_TEST_HA_PASSWORD", "backoffice"));
        // The settings the README recommends for failover: a borrow waits out an election rather
        // than failing at once, and a connection is checked before it is handed out.
        config.setMaximumPoolSize(CALLERS + ORDER_CALLERS + DOCUMENT_CALLERS + AUDIT_CALLERS + 8);
        config.setConnectionTimeout(30_000);
        config.setValidationTimeout(2_000);
        config.setKeepaliveTime(30_000);
        config.setMaxLifetime(600_000);
        config.setPoolName("ha-drill");
        return new HikariDataSource(config);
    }

    private void callerLoop(TenantLedger books, int caller) {
        boolean keyed = caller % 2 == 0;
        for (int n = 0; running.get(); n++) {
            String tag = "c" + caller + "-" + n;
            EntryRequest.Builder request = EntryRequest.builder(DAY, tag).debit("1000", ONE).credit("4000", ONE);
            if (keyed) {
                request.idempotencyKey(tag);
            }
            EntryRequest built = request.build();
            long start = System.nanoTime();
            int askedAgain = 0;
            while (true) {
                try {
                    JournalEntry entry = books.post(built);
                    calls.add(new Call(tag, keyed, start, System.nanoTime(), "ok", entry.id().toString(), askedAgain));
                    break;
                } catch (BackofficeException e) {
                    String outcome = UNKNOWN.equals(e.code()) ? "unknown" : "failed:" + e.code();
                    if (!keyed || askedAgain >= 100) {
                        calls.add(new Call(tag, keyed, start, System.nanoTime(), outcome, null, askedAgain));
                        break;
                    }
                    // a keyed caller asks again with the same key: the one true answer, never a second entry
                    calls.add(new Call(tag, keyed, start, System.nanoTime(), "asked-again-after-" + outcome, null, askedAgain));
                    askedAgain++;
                    sleep(200);
                }
            }
        }
    }

    private Round round(int number, String fault) throws Exception {
        long before = System.nanoTime();
        String leaderBefore = cluster("leader").trim();
        long kill = System.nanoTime();
        cluster(fault);
        if (fault.equals("kill-node")) {
            // The node is gone: wait until the standby has taken over (its leader key expires after
            // Patroni's ttl), and only then bring the old node back, as a standby. Restarting it
            // sooner lets it take its own, still valid, leader key back: a restart in place.
            waitForANewLeader(leaderBefore);
            waitForAnAcknowledgedCommitAfter(kill);
            cluster("restart");
        } else {
            waitForAnAcknowledgedCommitAfter(kill);
        }
        cluster("wait-healthy");
        String leaderAfter = cluster("leader").trim();
        long afterStart = System.nanoTime();
        Thread.sleep(WINDOW_MS);
        long afterEnd = System.nanoTime();
        List<Call> snapshot = new ArrayList<>(calls);
        long noPrimary = longestGapBetweenAcknowledgedCommits(snapshot, kill, afterStart) / 1_000_000;
        long failed = snapshot.stream().filter(c -> c.endNanos() >= kill && c.endNanos() < afterStart)
                .filter(c -> c.outcome().contains("failed")).count();
        long unknown = snapshot.stream().filter(c -> c.endNanos() >= kill && c.endNanos() < afterStart)
                .filter(c -> c.outcome().contains("unknown")).count();
        return new Round(number, fault, leaderBefore, leaderAfter, noPrimary, failed, unknown,
                okPerSecond(snapshot, kill - TimeUnit.MILLISECONDS.toNanos(WINDOW_MS), kill),
                okPerSecond(snapshot, afterStart, afterEnd));
    }

    private static void waitForANewLeader(String before) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            String now = cluster("leader").trim();
            if (now.matches("node\\d+") && !now.equals(before)) {
                return;
            }
            sleep(250);
        }
        throw new AssertionError("no standby took over from " + before + " within 90 s");
    }

    private void waitForAnAcknowledgedCommitAfter(long kill) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (calls.stream().anyMatch(c -> c.outcome().equals("ok") && c.startNanos() > kill)) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("no commit was acknowledged within 120 s of the fault");
    }

    private static long longestGapBetweenAcknowledgedCommits(List<Call> snapshot, long from, long to) {
        List<Long> acks = snapshot.stream().filter(c -> c.outcome().equals("ok"))
                .map(Call::endNanos).filter(t -> t >= from && t <= to).sorted().toList();
        long gap = 0;
        long previous = from;
        for (long t : acks) {
            gap = Math.max(gap, t - previous);
            previous = t;
        }
        return gap;
    }

    private static double okPerSecond(List<Call> snapshot, long from, long to) {
        long n = snapshot.stream().filter(c -> c.outcome().equals("ok") && c.endNanos() >= from && c.endNanos() < to).count();
        return n / ((to - from) / 1e9);
    }

    /** Every answer against the surviving primary: nothing acknowledged lost, nothing doubled, nothing failed written. */
    private void checkAgainstTheSurvivingPrimary(TenantLedger books) {
        Map<String, List<JournalEntry>> stored = new HashMap<>();
        long after = 0;
        while (true) {
            List<JournalEntry> page = books.journal(after, 1_000);
            for (JournalEntry e : page) {
                stored.computeIfAbsent(e.description(), k -> new ArrayList<>()).add(e);
            }
            if (page.size() < 1_000) {
                break;
            }
            after = page.get(page.size() - 1).sequence();
        }
        Map<String, Call> finalAnswer = new HashMap<>();
        for (Call c : calls) {
            if (!c.outcome().startsWith("asked-again")) {
                finalAnswer.put(c.tag(), c);
            }
        }
        long acknowledged = 0;
        long unknownUnkeyed = 0;
        long unknownLanded = 0;
        for (Call c : finalAnswer.values()) {
            List<JournalEntry> found = stored.getOrDefault(c.tag(), List.of());
            assertThat(found).as("entries for %s (told %s)", c.tag(), c.outcome()).hasSizeLessThanOrEqualTo(1);
            switch (c.outcome()) {
                case "ok" -> {
                    acknowledged++;
                    assertThat(found).as("acknowledged %s is on the surviving primary", c.tag()).hasSize(1);
                    assertThat(found.get(0).id().toString()).isEqualTo(c.entryId());
                }
                case "unknown" -> {
                    unknownUnkeyed++;
                    unknownLanded += found.size();
                }
                default -> assertThat(found).as("%s was told %s, so nothing may be stored", c.tag(), c.outcome()).isEmpty();
            }
        }
        java.util.Set<String> unanswered = new java.util.HashSet<>(stored.keySet());
        unanswered.removeAll(finalAnswer.keySet()); // a set difference: AssertJ's isSubsetOf is quadratic
        assertThat(unanswered).as("stored entries that answer no call").isEmpty();
        long entries = stored.values().stream().mapToLong(List::size).sum();
        assertThat(books.balance("1000").debitsPosted()).isEqualTo(ONE.multipliedBy(entries));
        assertThat(books.balance("4000").creditsPosted()).isEqualTo(ONE.multipliedBy(entries));
        assertThat(books.trialBalance(DAY).totalDebits(CurrencyUnit.EUR))
                .isEqualTo(books.trialBalance(DAY).totalCredits(CurrencyUnit.EUR));
        System.out.printf("[ha-drill] %d calls, %d acknowledged (all found once), %d entries stored, "
                        + "%d left unknown without a key (%d of them landed)%n",
                finalAnswer.size(), acknowledged, entries, unknownUnkeyed, unknownLanded);
    }

    private static Thread start(String name, Runnable loop) {
        Thread t = new Thread(loop, name);
        t.start();
        return t;
    }

    private static String answer(BackofficeException e) {
        return UNKNOWN.equals(e.code()) ? "unknown" : "failed:" + e.code();
    }

    private void orderLoop(TenantOrders shop) {
        By clerk = By.actor("drill");
        while (running.get()) {
            OrderId id = OrderId.newId();
            List<String> answers = new ArrayList<>();
            orders.add(new OrderTrace(id, answers));
            try {
                Order created = shop.create(NewOrder.of("drill", CurrencyUnit.EUR,
                        List.of(OrderLine.of("BOOK", 1, Money.parse("EUR 10.00"), "23"))).withId(id), clerk);
                answers.add("ok");
                shop.place(id, clerk);
                answers.add("ok");
                shop.pay(id, created.total(), "psp-" + id, clerk);
                answers.add("ok");
            } catch (BackofficeException e) {
                answers.add(answer(e));
                orderErrors.put(id, e);
            }
        }
    }

    private void documentLoop(TenantArchive archive, int caller) {
        for (int n = 0; running.get(); n++) {
            DocumentId id = DocumentId.newId();
            String title = "d" + caller + "-" + n;
            try {
                archive.ingest(NewDocument.builder(MEMO, title).id(id).actor("drill").build(), title.getBytes(StandardCharsets.UTF_8));
                ingests.add(new Ingest(id, title, "ok"));
            } catch (BackofficeException e) {
                ingests.add(new Ingest(id, title, answer(e)));
            }
        }
    }

    private void auditLoop(AuditLog log, int caller) {
        for (int n = 0; running.get(); n++) {
            String subject = "a" + caller + "-" + n;
            try {
                log.append(AuditEvent.of("drill", "drill.append", subject));
                appends.add(new Append(subject, "ok"));
            } catch (BackofficeException e) {
                appends.add(new Append(subject, answer(e)));
            }
        }
    }

    /**
     * The tenant's audit chain verifies on the surviving primary, and holds every acknowledged
     * append exactly once, none told failed, and at most one of each left unknown (an append has
     * no identity to look up, so the log reports an unknown outcome rather than appending again).
     */
    private void checkAuditChain(AuditLog log) {
        AuditVerification verification = log.verify();
        assertThat(verification.intact()).as("audit chain after the failovers: %s", verification).isTrue();
        Map<String, Integer> stored = new HashMap<>();
        long from = 1;
        while (true) {
            List<AuditRecord> page = log.read(from, 1_000);
            for (AuditRecord r : page) {
                if (r.event().action().equals("drill.append")) {
                    stored.merge(r.event().subject(), 1, Integer::sum);
                }
            }
            if (page.size() < 1_000) {
                break;
            }
            from = page.get(page.size() - 1).sequence() + 1;
        }
        long unknown = 0;
        for (Append a : appends) {
            int found = stored.getOrDefault(a.subject(), 0);
            switch (a.answer()) {
                case "ok" -> assertThat(found).as("acknowledged audit append %s", a.subject()).isEqualTo(1);
                case "unknown" -> {
                    unknown++;
                    assertThat(found).as("audit append %s left unknown", a.subject()).isLessThanOrEqualTo(1);
                }
                default -> assertThat(found).as("%s was told %s, so nothing may be stored", a.subject(), a.answer()).isZero();
            }
        }
        System.out.printf("[ha-drill] audit chain of %,d records verifies; %d appends, every acknowledged one there once, "
                + "none told failed stored (%d answers left unknown)%n", verification.recordsChecked(), appends.size(), unknown);
    }

    /**
     * Each order is where its answers put it: at the state of its last ok step, or, when the next
     * step's answer was outcome unknown, at that state or the next; never further, never twice.
     */
    private void checkOrders(TenantOrders shop) {
        long unknown = 0;
        for (OrderTrace t : orders) {
            List<String> answers = t.answers();
            int ok = (int) answers.stream().filter("ok"::equals).count();
            boolean lastUnknown = !answers.isEmpty() && answers.get(answers.size() - 1).equals("unknown");
            Optional<Order> stored = shop.find(t.id());
            if (ok == 0) {
                if (!lastUnknown) {
                    assertThat(stored).as("order %s was told %s", t.id(), answers).isEmpty();
                } else {
                    unknown++;
                }
                continue;
            }
            BackofficeException why = orderErrors.get(t.id());
            if (why != null && stored.isPresent() && !lastUnknown && stored.get().status() != ORDER_STEPS[ok - 1]) {
                java.io.StringWriter trace = new java.io.StringWriter();
                why.printStackTrace(new java.io.PrintWriter(trace));
                System.out.println("[ha-drill] order " + t.id() + " told " + answers + " but stored " + stored.get().status()
                        + " at version " + stored.get().version() + "; the answer's causes:\n" + trace);
            }
            assertThat(stored).as("order %s was created (told %s)", t.id(), answers).isPresent();
            OrderStatus done = ORDER_STEPS[ok - 1];
            if (lastUnknown && ok < ORDER_STEPS.length) {
                unknown++;
                assertThat(stored.get().status()).as("order %s told %s", t.id(), answers).isIn(done, ORDER_STEPS[ok]);
            } else {
                assertThat(stored.get().status()).as("order %s told %s", t.id(), answers).isEqualTo(done);
            }
        }
        System.out.printf("[ha-drill] %d orders, every one where its answers put it (%d with an answer left unknown)%n",
                orders.size(), unknown);
    }

    private void checkDocuments(TenantArchive archive) {
        long unknown = 0;
        for (Ingest i : ingests) {
            Optional<Document> stored = archive.find(i.id());
            switch (i.answer()) {
                case "ok" -> {
                    assertThat(stored).as("acknowledged document %s", i.title()).isPresent();
                    assertThat(new String(archive.readContent(i.id(), 1), StandardCharsets.UTF_8)).isEqualTo(i.title());
                }
                case "unknown" -> unknown++;
                default -> assertThat(stored).as("%s was told %s, so nothing may be stored", i.title(), i.answer()).isEmpty();
            }
        }
        System.out.printf("[ha-drill] %d documents ingested, every acknowledged one readable, none told failed stored "
                + "(%d answers left unknown)%n", ingests.size(), unknown);
    }

    private String report(List<Round> rounds) {
        StringBuilder sb = new StringBuilder("| round | fault | failover | no primary | calls failed | outcome unknown | ok/s before | ok/s after |\n"
                + "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (Round r : rounds) {
            sb.append(String.format("| %d | %s | %s | %,d ms | %d | %d | %,.0f | %,.0f |%n", r.number(), r.fault(),
                    r.leaderChanged() ? "yes: " + r.leaderBefore() + " to " + r.leaderAfter()
                            : "no: " + r.leaderBefore() + " restarted in place", r.noPrimaryMs(), r.failed(), r.unknown(),
                    r.perSecondBefore(), r.perSecondAfter()));
        }
        long asked = calls.stream().filter(c -> c.outcome().startsWith("asked-again")).count();
        sb.append(String.format("%nCallers: %d posting ledger entries (half with idempotency keys), %d running orders "
                        + "(create, place, pay), %d ingesting documents, %d appending audit records; ledger answers a keyed "
                        + "caller asked again after: %d%n",
                CALLERS, ORDER_CALLERS, DOCUMENT_CALLERS, AUDIT_CALLERS, asked));
        return sb.toString();
    }

    private static String cluster(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", CLUSTER, command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(200, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(CLUSTER + " " + command + " failed: " + out);
        }
        return out.replaceAll("(?m)^\\[ha\\].*$", "").trim();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
