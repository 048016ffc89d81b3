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
import dev.backoffice.core.metrics.Meters;
import dev.backoffice.core.metrics.MetricsRecorder;
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
import dev.backoffice.ledger.LedgerReads;
import dev.backoffice.ledger.LedgerStore;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.TenantLedgerStore;
import dev.backoffice.ledger.TrialBalance;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import dev.backoffice.examples.glue.PayrollPostings;
import dev.backoffice.examples.glue.PostingAccounts;
import dev.backoffice.payroll.Contract;
import dev.backoffice.payroll.ContractTerms;
import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.JournalRole;
import dev.backoffice.payroll.PayrollEngine;
import dev.backoffice.payroll.PayrollRun;
import dev.backoffice.payroll.PayrollRunId;
import dev.backoffice.payroll.PolishTaxProfile;
import dev.backoffice.payroll.RunKind;
import dev.backoffice.payroll.RunRequest;
import dev.backoffice.payroll.TenantPayroll;
import dev.backoffice.payroll.jdbc.JdbcPayrollStore;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failover drill (#19): callers post ledger entries, run orders through create, place and
 * pay, ingest documents, append audit records and approve payroll runs (each approved run posted
 * to the ledger by the examples' glue) against a Patroni cluster while its primary is killed
 * again and again, and a reporter reads trial balances from the standby; afterwards every
 * call's answer is checked against what the surviving primary holds. Runs when {@code BACKOFFICE_TEST_HA_URL} points at a cluster started
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
 * commits), the calls that failed, the calls whose lost commit outcome a rerun settled by
 * looking their identity up (the SDK's {@link Meters#OUTCOME_RESOLVED} meter, by module), the
 * calls answered {@code storage.outcome_unknown}, and throughput before and after.
 *
 * <p>Reports from the standby: a second {@code Ledger} of its own tenant reads its reports from a
 * read-only {@code JdbcLedgerStore} over a pool with {@code targetServerType=secondary}. Its one
 * writer posts, and every report (after a post, or after none) must include every entry this
 * process had acknowledged when the report began: read-your-writes across the failovers. With
 * two nodes the standby pool can only ever reach the one node that is not primary (or, until its
 * connections break, the standby that was promoted), so a report never reads a server behind one
 * it confirmed entries on; with several standbys behind one URL that would not hold for a report
 * with no write of its own since the last (see the README's HA section).
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
    private static final int PAYROLL_CALLERS = Integer.getInteger("ha.payrollCallers", 3);
    /** A pause between two approvals: the payroll caller is a steady trickle, not a benchmark. */
    private static final long PAYROLL_PAUSE_MS = Long.getLong("ha.payrollPauseMs", 20);
    private static final long REPORT_PAUSE_MS = Long.getLong("ha.reportPauseMs", 50);
    private static final CurrencyUnit PLN = CurrencyUnit.of("PLN");
    /** Polish payroll parameters exist for these years: each payroll tenant approves its 24 months in order. */
    private static final YearMonth FIRST_MONTH = YearMonth.of(2025, 1);
    private static final YearMonth LAST_MONTH = YearMonth.of(2026, 12);
    private static final TenantId REPORT_TENANT = TenantId.of(TENANT.value() + "-reports");
    private static final PostingAccounts PAYROLL_ACCOUNTS = payrollAccounts();

    /** One call and what its caller was told. */
    record Call(String tag, boolean keyed, long startNanos, long endNanos, String outcome, String entryId, int askedAgain) {
    }

    record Round(int number, String fault, String leaderBefore, String leaderAfter, long noPrimaryMs, long failed,
                 long resolved, String resolvedByModule, long unknown, double perSecondBefore, double perSecondAfter) {
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

    /** Any caller's answer other than a ledger post's, with its time: for the per-round counts. */
    record Answer(String module, long endNanos, String outcome) {
    }

    /**
     * A payroll approval: ok, failed:code, or unknown (then looked up by its run id: "unknown, found"
     * or "unknown, absent"; plain "unknown" when even the look-up got no answer), and whether the
     * glue posted its journal to the ledger (only for a run the caller knows is approved).
     */
    record Approval(TenantId tenant, PayrollRunId id, YearMonth period, String answer, boolean posted) {
    }

    /**
     * Counts the SDK's outcome meters ({@link Meters#OUTCOME_RESOLVED}, {@link Meters#OUTCOME_UNKNOWN})
     * by module, and nothing else: the per-round "resolved by lookup" figure.
     */
    static final class OutcomeMeter implements MetricsRecorder {
        private final Map<String, LongAdder> counts = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void count(String name, long amount, String... tags) {
            if (name.equals(Meters.OUTCOME_RESOLVED) || name.equals(Meters.OUTCOME_UNKNOWN)) {
                String module = tags.length >= 2 ? tags[1] : "?";
                counts.computeIfAbsent(name + "|" + module, k -> new LongAdder()).add(amount);
            }
        }

        /** The counts now, by "meter|module". */
        Map<String, Long> snapshot() {
            Map<String, Long> now = new java.util.TreeMap<>();
            counts.forEach((k, v) -> now.put(k, v.sum()));
            return now;
        }

        /** What {@code meter} counted between two snapshots, in all and by module ("ledger 12, orders 2"). */
        static Map.Entry<Long, String> delta(String meter, Map<String, Long> from, Map<String, Long> to) {
            long total = 0;
            StringBuilder byModule = new StringBuilder();
            for (Map.Entry<String, Long> e : to.entrySet()) {
                if (!e.getKey().startsWith(meter + "|")) {
                    continue;
                }
                long d = e.getValue() - from.getOrDefault(e.getKey(), 0L);
                if (d > 0) {
                    total += d;
                    byModule.append(byModule.length() == 0 ? "" : ", ").append(e.getKey().substring(meter.length() + 1)).append(' ').append(d);
                }
            }
            return Map.entry(total, byModule.toString());
        }
    }

    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<OrderTrace> orders = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Ingest> ingests = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Append> appends = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Approval> approvals = new ConcurrentLinkedQueue<>();
    private final OutcomeMeter outcomes = new OutcomeMeter();
    /** The standby reporter: entries it started and had acknowledged, reports made, served by the standby, failed, stale. */
    private final AtomicLong reportPostsStarted = new AtomicLong();
    private final AtomicLong reportPostsAcknowledged = new AtomicLong();
    private final LongAdder reports = new LongAdder();
    private final LongAdder reportsFromStandby = new LongAdder();
    private final LongAdder reportsFailed = new LongAdder();
    private final ConcurrentLinkedQueue<String> staleReports = new ConcurrentLinkedQueue<>();
    /** Every order answer that was not ok, with its cause chain, to explain a failed check. */
    private final Map<OrderId, BackofficeException> orderErrors = new java.util.concurrent.ConcurrentHashMap<>();

    @TempDir
    Path blobs;
    private final AtomicBoolean running = new AtomicBoolean(true);

    @Test
    @Timeout(value = 14, unit = TimeUnit.MINUTES)
    void everyAnswerMatchesTheSurvivingPrimaryAcrossRepeatedFailovers() throws Exception {
        try (HikariDataSource pool = pool(); HikariDataSource standbyPool = standbyPool();
             JdbcLedgerStore store = JdbcLedgerStore.builder(Jdbc.of(pool).withMetrics(outcomes)).build()) {
            Ledger ledger = Ledger.builder().store(store).clock(Clock.systemUTC()).build();
            TenantLedger books = ledger.forTenant(TENANT);
            books.openAll(List.of(OpenAccount.of("1000", "Cash", AccountType.ASSET, CurrencyUnit.EUR),
                    OpenAccount.of("4000", "Sales", AccountType.INCOME, CurrencyUnit.EUR)));
            TenantLedger reportBooks = Ledger.builder().store(store).reportsFrom(countingReports(standbyStore(standbyPool)))
                    .clock(Clock.systemUTC()).build().forTenant(REPORT_TENANT);
            reportBooks.openAll(List.of(OpenAccount.of("1000", "Cash", AccountType.ASSET, CurrencyUnit.EUR),
                    OpenAccount.of("4000", "Sales", AccountType.INCOME, CurrencyUnit.EUR)));

            Jdbc jdbc = store.jdbc(); // one helper, so every module reports to the drill's outcome meter
            TenantOrders shop = Orders.builder().store(JdbcOrderStore.create(jdbc)).clock(Clock.systemUTC()).build()
                    .forTenant(TENANT);
            JdbcAuditStore audit = JdbcAuditStore.create(jdbc, Clock.systemUTC());
            PayrollEngine payroll = PayrollEngine.builder().store(JdbcPayrollStore.create(jdbc)).audit(audit)
                    .clock(Clock.systemUTC()).build();
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
            for (int i = 0; i < PAYROLL_CALLERS; i++) {
                int caller = i;
                threads.add(start("payroll-" + i, () -> payrollLoop(payroll, ledger, caller)));
            }
            threads.add(start("reports", () -> reportLoop(reportBooks)));
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
            checkPayroll(payroll, ledger);
            checkReports(reportBooks);
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
        config.setMaximumPoolSize(CALLERS + ORDER_CALLERS + DOCUMENT_CALLERS + AUDIT_CALLERS + PAYROLL_CALLERS + 1 + 8);
        config.setConnectionTimeout(30_000);
        config.setValidationTimeout(2_000);
        config.setKeepaliveTime(30_000);
        config.setMaxLifetime(600_000);
        config.setPoolName("ha-drill");
        return new HikariDataSource(config);
    }

    /**
     * The standby's pool: the same hosts, {@code targetServerType=secondary}. A borrow gives up
     * after 3 s (no standby during an election): the ledger then serves the report from the primary.
     */
    private static HikariDataSource standbyPool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(System.getenv("BACKOFFICE_TEST_HA_URL").replace("targetServerType=primary", "targetServerType=secondary")
                + "&hostRecheckSeconds=2");
        config.setUsername(System.getenv().getOrDefault("BACKOFFICE_TEST_HA_USER", "backoffice"));
        config.setPassword(System.getenv().getOrDefault("BACKOFFICE_TEST_HA_PASSWORD", "backoffice"));
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(3_000);
        config.setValidationTimeout(1_000);
        config.setReadOnly(true);
        config.setPoolName("ha-drill-standby");
        return new HikariDataSource(config);
    }

    /** The read-only ledger store on the standby, once the standby has replayed the schema the primary installed. */
    private static JdbcLedgerStore standbyStore(HikariDataSource standbyPool) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                return JdbcLedgerStore.builder(standbyPool).readOnly(true).build();
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(500);
            }
        }
    }

    /**
     * The standby store, counting the reports it serves (a trial balance reads the counters as of
     * a date; the ledger's look-ups of its own entries read the journal, and are not counted).
     */
    private LedgerStore countingReports(JdbcLedgerStore standby) {
        return tenant -> {
            TenantLedgerStore handle = standby.forTenant(tenant);
            LedgerReads reads = handle.read();
            LedgerReads counted = (LedgerReads) Proxy.newProxyInstance(LedgerReads.class.getClassLoader(),
                    new Class<?>[] {LedgerReads.class}, (proxy, method, args) -> {
                        Object result = invoke(method, reads, args);
                        if (method.getName().equals("countersAsOf") && args != null && args.length == 2) {
                            reportsFromStandby.increment();
                        }
                        return result;
                    });
            return (TenantLedgerStore) Proxy.newProxyInstance(TenantLedgerStore.class.getClassLoader(),
                    new Class<?>[] {TenantLedgerStore.class},
                    (proxy, method, args) -> method.getName().equals("read") && args == null ? counted : invoke(method, handle, args));
        };
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
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
        String leaderBefore = cluster("leader").trim();
        Map<String, Long> meterAtKill = outcomes.snapshot();
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
        Map<String, Long> meterAfter = outcomes.snapshot();
        long afterStart = System.nanoTime();
        Thread.sleep(WINDOW_MS);
        long afterEnd = System.nanoTime();
        List<Call> snapshot = new ArrayList<>(calls);
        List<Answer> others = new ArrayList<>(answers);
        long noPrimary = longestGapBetweenAcknowledgedCommits(snapshot, kill, afterStart) / 1_000_000;
        long failed = answered(snapshot, others, kill, afterStart, "failed");
        long unknown = answered(snapshot, others, kill, afterStart, "unknown");
        Map.Entry<Long, String> resolved = OutcomeMeter.delta(Meters.OUTCOME_RESOLVED, meterAtKill, meterAfter);
        return new Round(number, fault, leaderBefore, leaderAfter, noPrimary, failed, resolved.getKey(), resolved.getValue(),
                unknown, okPerSecond(snapshot, kill - TimeUnit.MILLISECONDS.toNanos(WINDOW_MS), kill),
                okPerSecond(snapshot, afterStart, afterEnd));
    }

    /**
     * Answers of every caller (ledger posts, and orders, documents, audit, payroll) given between
     * {@code from} and {@code to} whose outcome contains {@code word}; a keyed ledger caller's
     * answer before it asked again counts too: it was told that.
     */
    private static long answered(List<Call> ledgerCalls, List<Answer> others, long from, long to, String word) {
        return ledgerCalls.stream().filter(c -> c.endNanos() >= from && c.endNanos() < to && c.outcome().contains(word)).count()
                + others.stream().filter(a -> a.endNanos() >= from && a.endNanos() < to && a.outcome().contains(word)).count();
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
                this.answers.add(new Answer("orders", System.nanoTime(), answer(e)));
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
                answers.add(new Answer("docs", System.nanoTime(), answer(e)));
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
                answers.add(new Answer("audit", System.nanoTime(), answer(e)));
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

    // ------------------------------------------------------------------ payroll approval

    /** Every payroll role to an account of the payroll tenants' charts (order roles: codes never posted to). */
    private static PostingAccounts payrollAccounts() {
        Map<String, String> codes = new HashMap<>();
        int n = 0;
        for (String role : PostingAccounts.ORDER_ROLES) {
            codes.put(role, "19" + n++);
        }
        for (OpenAccount a : payrollChart()) {
            codes.put(a.name(), a.code());
        }
        return new PostingAccounts(codes);
    }

    /** One account per payroll journal role, named by its posting role: expenses for the debits, payables for the credits. */
    private static List<OpenAccount> payrollChart() {
        List<OpenAccount> chart = new ArrayList<>();
        int n = 0;
        for (JournalRole role : JournalRole.values()) {
            String[] words = role.name().toLowerCase(java.util.Locale.ROOT).split("_");
            StringBuilder name = new StringBuilder(words[0]);
            for (int i = 1; i < words.length; i++) {
                name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
            boolean debit = role.normalSide() == JournalRole.Side.DEBIT;
            chart.add(OpenAccount.of((debit ? "50" : "22") + n++, name.toString(), debit ? AccountType.EXPENSE : AccountType.LIABILITY, PLN));
        }
        return chart;
    }

    /**
     * A payroll caller: tenant after tenant, hires two employees, opens the payroll accounts, then
     * approves the tenant's 24 months in order and posts each approved run's journal to the ledger
     * (the examples' glue, idempotency key "payroll/&lt;run id&gt;"). An approval answered
     * outcome_unknown is looked up by the run id the caller gave it; a run found is posted too.
     */
    private void payrollLoop(PayrollEngine engine, Ledger ledger, int caller) {
        for (int k = 0; running.get(); k++) {
            TenantId tenant = TenantId.of(TENANT.value() + "-p" + caller + "-" + k);
            TenantPayroll payroll = engine.forTenant(tenant);
            TenantLedger books = ledger.forTenant(tenant);
            List<Employee> staff = List.of(
                    Employee.of("Anna", "Drill", LocalDate.of(1985, 3, 1), PolishTaxProfile.standard()),
                    Employee.of("Jan", "Drill", LocalDate.of(1990, 7, 1), PolishTaxProfile.standard().withPpk()));
            List<Contract> contracts = List.of(
                    Contract.of(staff.get(0).id(), ContractTerms.monthly(LocalDate.of(2024, 1, 1), Money.of(PLN, 8_500))),
                    Contract.of(staff.get(1).id(), ContractTerms.monthly(LocalDate.of(2024, 1, 1), Money.of(PLN, 6_200))));
            List<OpenAccount> chart = payrollChart();
            if (!askUntilOk(() -> payroll.saveEmployees(staff)) || !askUntilOk(() -> payroll.saveContracts(contracts))
                    || !askUntilOk(() -> {
                        try {
                            books.openAll(chart);
                        } catch (BackofficeException e) {
                            if (!e.code().equals("ledger.account_exists")) { // an earlier ask that landed
                                throw e;
                            }
                        }
                    })) {
                continue;
            }
            for (YearMonth month = FIRST_MONTH; running.get() && !month.isAfter(LAST_MONTH); month = month.plusMonths(1)) {
                approve(payroll, books, tenant, month);
                sleep(PAYROLL_PAUSE_MS);
            }
        }
    }

    private void approve(TenantPayroll payroll, TenantLedger books, TenantId tenant, YearMonth month) {
        PayrollRunId id = PayrollRunId.newId(); // the identity, before the first attempt
        RunRequest request = new RunRequest(id, "PL", month, month.atEndOfMonth(), RunKind.REGULAR, List.of());
        PayrollRun approved = null;
        String answer;
        try {
            approved = payroll.approve(request, "drill");
            answer = "ok";
        } catch (BackofficeException e) {
            answer = answer(e);
            if (answer.equals("unknown")) {
                Optional<Optional<PayrollRun>> found = lookUp(() -> payroll.run(id));
                if (found.isPresent()) {
                    approved = found.get().orElse(null);
                    answer = approved != null ? "unknown, found" : "unknown, absent";
                }
            }
        }
        answers.add(new Answer("payroll", System.nanoTime(), answer));
        boolean posted = false;
        if (approved != null) {
            EntryRequest entry = PayrollPostings.entry(approved.journal(), PAYROLL_ACCOUNTS);
            posted = askUntilOk(() -> books.post(entry));
        }
        approvals.add(new Approval(tenant, id, month, answer, posted));
    }

    /** Runs {@code call} until it answers (a keyed or idempotent call: asking again is safe), at most 100 times. */
    private static boolean askUntilOk(Runnable call) {
        for (int asked = 0; asked < 100; asked++) {
            try {
                call.run();
                return true;
            } catch (BackofficeException e) {
                sleep(200);
            }
        }
        return false;
    }

    /** A read, asked until it answers (empty after 100 tries). */
    private static <T> Optional<T> lookUp(java.util.function.Supplier<T> read) {
        for (int asked = 0; asked < 100; asked++) {
            try {
                return Optional.of(read.get());
            } catch (BackofficeException e) {
                sleep(200);
            }
        }
        return Optional.empty();
    }

    /**
     * On the surviving primary: every approval the caller knows landed (ok, or found after an
     * unknown answer) is its period's one run, and its journal is in the ledger exactly once; none
     * told failed is there nor posted; one left unknown is there at most once and never posted;
     * and the payroll tenants' ledgers hold nothing but the posted runs.
     */
    private void checkPayroll(PayrollEngine engine, Ledger ledger) {
        Map<TenantId, List<Approval>> byTenant = new HashMap<>();
        for (Approval a : approvals) {
            byTenant.computeIfAbsent(a.tenant(), t -> new ArrayList<>()).add(a);
        }
        Map<String, Long> counts = new java.util.TreeMap<>();
        long absentThenThere = 0;
        long entries = 0;
        for (Map.Entry<TenantId, List<Approval>> t : byTenant.entrySet()) {
            TenantPayroll payroll = engine.forTenant(t.getKey());
            Map<String, Integer> posted = new HashMap<>();
            for (JournalEntry e : ledger.forTenant(t.getKey()).journal(0, 1_000)) {
                posted.merge(e.metadata().getOrDefault("payrollRun", "?"), 1, Integer::sum);
                entries++;
            }
            long postedApprovals = 0;
            for (Approval a : t.getValue()) {
                counts.merge(a.answer(), 1L, Long::sum);
                List<PayrollRun> runs = payroll.runs(a.period());
                long mine = runs.stream().filter(r -> r.id().equals(a.id())).count();
                int entriesOfRun = posted.getOrDefault(a.id().value().toString(), 0);
                switch (a.answer()) {
                    case "ok", "unknown, found" -> {
                        assertThat(runs).as("approval %s of %s %s (told %s)", a.id(), a.tenant(), a.period(), a.answer()).hasSize(1);
                        assertThat(mine).as("the run of %s %s is the approved one", a.tenant(), a.period()).isEqualTo(1);
                        assertThat(a.posted()).as("the glue posted run %s", a.id()).isTrue();
                        assertThat(entriesOfRun).as("ledger entries of run %s", a.id()).isEqualTo(1);
                        postedApprovals++;
                    }
                    case "unknown, absent", "unknown" -> {
                        assertThat(runs).as("approval %s left unknown", a.id()).hasSizeLessThanOrEqualTo(1);
                        assertThat(runs.size()).as("a run left unknown is ours or none").isEqualTo((int) mine);
                        assertThat(entriesOfRun).as("ledger entries of run %s (not posted)", a.id()).isZero();
                        if (a.answer().equals("unknown, absent") && mine == 1) {
                            absentThenThere++;
                        }
                    }
                    default -> {
                        assertThat(runs).as("approval %s of %s %s was told %s, so nothing may be stored", a.id(), a.tenant(),
                                a.period(), a.answer()).isEmpty();
                        assertThat(entriesOfRun).as("ledger entries of run %s (told %s)", a.id(), a.answer()).isZero();
                    }
                }
            }
            assertThat(posted.values().stream().mapToLong(Integer::longValue).sum())
                    .as("ledger entries of %s: one per approved run, nothing else", t.getKey()).isEqualTo(postedApprovals);
        }
        System.out.printf("[ha-drill] payroll: %d approvals in %d tenants %s, every approved run there once with its ledger "
                        + "entry once (%d entries), none told failed stored (%d looked up absent and there at the end)%n",
                approvals.size(), byTenant.size(), counts, entries, absentThenThere);
    }

    // ------------------------------------------------------------------ reports from the standby

    /**
     * One writer of the report tenant: a keyed post (asked again until ok), then a trial balance;
     * every other report follows no post of its own. A report must hold every entry acknowledged
     * before it began and no more than were started.
     */
    private void reportLoop(TenantLedger reportBooks) {
        for (int n = 0; running.get(); n++) {
            if (n % 2 == 0) {
                String tag = "r-" + n;
                EntryRequest request = EntryRequest.builder(DAY, tag).idempotencyKey(tag).debit("1000", ONE).credit("4000", ONE).build();
                reportPostsStarted.incrementAndGet();
                if (askUntilOk(() -> reportBooks.post(request))) {
                    reportPostsAcknowledged.incrementAndGet();
                }
            }
            long acknowledged = reportPostsAcknowledged.get();
            try {
                long included = entriesIn(reportBooks.trialBalance(DAY));
                reports.increment();
                if (included < acknowledged || included > reportPostsStarted.get()) {
                    staleReports.add("a trial balance with " + included + " entries when " + acknowledged + " were acknowledged and "
                            + reportPostsStarted.get() + " started");
                }
            } catch (BackofficeException e) {
                reportsFailed.increment();
            }
            sleep(REPORT_PAUSE_MS);
        }
    }

    /** Entries in a trial balance of the report tenant: each moved EUR 1 from 4000 to 1000. */
    private static long entriesIn(TrialBalance tb) {
        return tb.rows().stream().filter(r -> r.code().equals("1000")).mapToLong(r -> r.debit().getAmountMinorLong()).sum()
                / ONE.getAmountMinorLong();
    }

    private void checkReports(TenantLedger reportBooks) {
        assertThat(staleReports).as("reports that missed an acknowledged entry of this process").isEmpty();
        assertThat(reports.sum()).as("reports made").isPositive();
        assertThat(reportsFromStandby.sum()).as("reports the standby served").isPositive();
        long stored = entriesIn(reportBooks.trialBalance(DAY));
        assertThat(stored).isBetween(reportPostsAcknowledged.get(), reportPostsStarted.get());
        System.out.printf("[ha-drill] reports: %d trial balances (%d served by the standby, the rest by the primary; %d failed), "
                        + "each with every one of the %d acknowledged entries it could have missed%n",
                reports.sum(), reportsFromStandby.sum(), reportsFailed.sum(), reportPostsAcknowledged.get());
    }

    private String report(List<Round> rounds) {
        StringBuilder sb = new StringBuilder("| round | fault | failover | no primary | calls failed | resolved by lookup "
                + "| outcome unknown | ok/s before | ok/s after |\n"
                + "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Round r : rounds) {
            sb.append(String.format("| %d | %s | %s | %,d ms | %d | %d%s | %d | %,.0f | %,.0f |%n", r.number(), r.fault(),
                    r.leaderChanged() ? "yes: " + r.leaderBefore() + " to " + r.leaderAfter()
                            : "no: " + r.leaderBefore() + " restarted in place", r.noPrimaryMs(), r.failed(), r.resolved(),
                    r.resolvedByModule().isEmpty() ? "" : " (" + r.resolvedByModule() + ")", r.unknown(),
                    r.perSecondBefore(), r.perSecondAfter()));
        }
        Map<String, Long> meter = outcomes.snapshot();
        Map.Entry<Long, String> counted = OutcomeMeter.delta(Meters.OUTCOME_UNKNOWN, Map.of(), meter);
        // Every outcome_unknown a caller heard should be one the SDK counted: one it did not count
        // came from a path that does not classify its failure (a read answered "unknown", say).
        long heard = answered(new ArrayList<>(calls), new ArrayList<>(answers), Long.MIN_VALUE, Long.MAX_VALUE, "unknown");
        sb.append(String.format("%nWhole run, from the SDK's meters: resolved by lookup %s; answered outcome_unknown %d (%s); "
                        + "outcome_unknown answers the callers heard: %d%s%n",
                OutcomeMeter.delta(Meters.OUTCOME_RESOLVED, Map.of(), meter).getValue(), counted.getKey(), counted.getValue(), heard,
                heard == counted.getKey() ? "" : " (NOT the count of the meter: look for an uncounted path)"));
        long asked = calls.stream().filter(c -> c.outcome().startsWith("asked-again")).count();
        sb.append(String.format("%nCallers: %d posting ledger entries (half with idempotency keys), %d running orders "
                        + "(create, place, pay), %d ingesting documents, %d appending audit records, %d approving payroll runs "
                        + "(each posted to the ledger), 1 posting and reading trial balances from the standby; ledger answers a keyed "
                        + "caller asked again after: %d%n",
                CALLERS, ORDER_CALLERS, DOCUMENT_CALLERS, AUDIT_CALLERS, PAYROLL_CALLERS, asked));
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
