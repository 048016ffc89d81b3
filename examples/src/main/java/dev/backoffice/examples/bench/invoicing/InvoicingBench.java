package dev.backoffice.examples.bench.invoicing;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.jdbc.Dialect;
import dev.backoffice.examples.bench.BenchDatabase;
import dev.backoffice.examples.bench.BenchOptions;
import dev.backoffice.examples.bench.ClosedLoop;
import dev.backoffice.examples.bench.ClosedLoop.Measurement;
import dev.backoffice.core.jdbc.EmbeddedDatabase;
import dev.backoffice.core.json.BackofficeJson;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.invoicing.AccountMapping;
import dev.backoffice.invoicing.GapAudit;
import dev.backoffice.invoicing.InvoiceLine;
import dev.backoffice.invoicing.InvoiceStore;
import dev.backoffice.invoicing.Invoicing;
import dev.backoffice.invoicing.NewInvoice;
import dev.backoffice.invoicing.NumberReset;
import dev.backoffice.invoicing.NumberingPeriod;
import dev.backoffice.invoicing.Party;
import dev.backoffice.invoicing.Series;
import dev.backoffice.invoicing.TenantInvoicing;
import dev.backoffice.invoicing.VatRate;
import dev.backoffice.invoicing.jdbc.JdbcInvoiceStore;
import dev.backoffice.invoicing.memory.InMemoryInvoiceStore;
import dev.backoffice.ledger.ChartTemplates;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.LedgerStore;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import dev.backoffice.ledger.memory.InMemoryLedgerStore;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Issuing invoices into ONE series from many concurrent callers, gap-free, each invoice with its
 * journal entry in the same transaction (issue #16, Performance): the SDK's
 * {@code Invoicing} over {@code JdbcInvoiceStore} + {@code JdbcLedgerStore} on one data source
 * against a textbook baseline ({@link TextbookIssuer}: one transaction per invoice,
 * {@code SELECT ... FOR UPDATE} on a counter row, then the inserts), measured in the same run,
 * on PostgreSQL; the SDK alone also on embedded H2 (file) and in memory.
 *
 * <pre>
 * java -cp examples/target/backoffice-examples.jar dev.backoffice.examples.bench.invoicing.InvoicingBench \
 *      [--db=pg,h2,memory] [--targets=sdk,textbook] [--callers=64] [--seconds=8] [--warmup=3] [--pool=16] \
 *      [--out=examples/target/invoicing-bench.json]
 * </pre>
 * (or {@code java -jar examples/target/backoffice-examples.jar bench invoicing}). PostgreSQL comes
 * from {@code BACKOFFICE_BENCH_PG_URL}/{@code _USER}/{@code _PASSWORD} or the test variables
 * {@code BACKOFFICE_TEST_PG_*}; each target gets a fresh schema, dropped afterwards. After each
 * run the series is audited: numbers 1..n with no hole and no duplicate, and as many journal
 * entries as invoices (the receivable's balance is n times the gross amount).
 */
public final class InvoicingBench {

    static final CurrencyUnit PLN = CurrencyUnit.of("PLN");
    static final Party SELLER = Party.of("Acme sp. z o.o.", "PL", "526-025-02-74", "ul. Prosta 1, 00-001 Warszawa");
    static final Party BUYER = Party.of("Globex S.A.", "PL", "7680002466", "ul. Krotka 2, 30-001 Krakow");
    /** One line of 100.00 PLN net at 23 % (VAT 23.00, gross 123.00: Polish VAT Act art. 146ef, the 23 % rate). */
    static final Money NET = Money.of(PLN, new BigDecimal("100.00"));
    static final Money GROSS = Money.of(PLN, new BigDecimal("123.00"));
    static final LocalDate ISSUE_DATE = LocalDate.of(2026, 3, 16);

    private InvoicingBench() {
    }

    /** One measured run. */
    record Result(String database, String target, int callers, long invoices, double seconds, double invoicesPerSecond,
                  double p50Micros, double p99Micros, long errors, String firstError, String audit, double meanGroup) {
    }

    /** What the load calls: one invoice issued per call. */
    interface Target extends AutoCloseable {
        void issue() throws Exception;

        /** The gap audit after the run: "numbers 1..n, no hole, n entries", or what is wrong. */
        String audit() throws Exception;

        default double meanGroup() {
            return 0;
        }

        @Override
        default void close() throws Exception {
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchOptions.parse(args);
        List<String> dbs = List.of(o.getOrDefault("db", "pg,h2,memory").split(","));
        List<String> targets = List.of(o.getOrDefault("targets", "sdk,textbook").split(","));
        int callers = Integer.parseInt(o.getOrDefault("callers", "64"));
        double seconds = Double.parseDouble(o.getOrDefault("seconds", "8"));
        double warmup = Double.parseDouble(o.getOrDefault("warmup", "3"));
        int pool = Integer.parseInt(o.getOrDefault("pool", "16"));
        Path out = Path.of(o.getOrDefault("out", "examples/target/invoicing-bench.json"));
        String pgUrl = o.getOrDefault("pg-url", BenchOptions.pg("URL", "jdbc:postgresql://localhost:5432/backoffice_test"));
        String pgUser = o.getOrDefault("pg-user", BenchOptions.pg("USER", "backoffice"));
        String pgPassword = o.getOrDefault("pg-password", BenchOptions.pg("PASSWORD", "backoffice"));

        List<Result> results = new ArrayList<>();
        for (String db : dbs) {
            for (String targetName : targets) {
                if (!db.equals("pg") && targetName.equals("textbook")) {
                    continue; // the baseline is measured where the issue asks for it: PostgreSQL
                }
                try (BenchDatabase database = switch (db) {
                    case "pg" -> BenchDatabase.postgres(pgUrl, pgUser, pgPassword, pool, "invoicing-bench");
                    // the embedded store's own settings (EmbeddedDatabase.file): a commit is on disk when it returns
                    case "h2" -> BenchDatabase.h2("invoicing", pool, ";WRITE_DELAY=0", "invoicing-bench");
                    case "memory" -> BenchDatabase.memory();
                    default -> throw new IllegalArgumentException("unknown database " + db + " (pg, h2, memory)");
                };
                     Target target = targetName.equals("sdk") ? new SdkIssuer(database.dataSource())
                             : new TextbookIssuer(database.dataSource(), database.dialect())) {
                    Result r = run(db, targetName, target, callers, warmup, seconds);
                    results.add(r);
                    System.out.printf(Locale.ROOT, "[%s/%s] %,10.0f invoices/s  p50 %,9.0f us  p99 %,9.0f us  errors %d%s%s  audit: %s%n",
                            db, targetName, r.invoicesPerSecond(), r.p50Micros(), r.p99Micros(), r.errors(),
                            r.firstError() == null ? "" : " first: " + r.firstError(),
                            r.meanGroup() > 0 ? String.format(Locale.ROOT, "  mean group %.1f", r.meanGroup()) : "", r.audit());
                }
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "invoicing");
        report.put("finishedAt", Instant.now().toString());
        report.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.version"),
                "java", System.getProperty("java.version")));
        report.put("settings", Map.of("seconds", seconds, "warmupSeconds", warmup, "callers", callers, "pool", pool));
        report.put("results", results);
        Double ratio = ratio(results);
        if (ratio != null) {
            report.put("pgSdkOverTextbook", ratio);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        BackofficeJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
        System.out.println();
        System.out.println(table(results, ratio));
        System.out.println("results written to " + out.toAbsolutePath());
    }

    private static Double ratio(List<Result> results) {
        Result sdk = null;
        Result tb = null;
        for (Result r : results) {
            if (r.database().equals("pg") && r.target().equals("sdk")) {
                sdk = r;
            } else if (r.database().equals("pg") && r.target().equals("textbook")) {
                tb = r;
            }
        }
        return sdk == null || tb == null || tb.invoicesPerSecond() == 0 ? null
                : Math.round(sdk.invoicesPerSecond() / tb.invoicesPerSecond() * 10) / 10.0;
    }

    static String table(List<Result> results, Double ratio) {
        StringBuilder sb = new StringBuilder();
        sb.append("| database | issuer | callers | invoices/s | p50 per call | p99 per call | sdk ÷ textbook | gap audit |\n");
        sb.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (Result r : results) {
            String db = switch (r.database()) {
                case "pg" -> "PostgreSQL";
                case "h2" -> "H2 (file)";
                default -> "in memory";
            };
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %,.0f | %s | %s | %s | %s |%n", db, r.target(), r.callers(),
                    r.invoicesPerSecond(), ClosedLoop.micros(r.p50Micros()), ClosedLoop.micros(r.p99Micros()),
                    r.database().equals("pg") && r.target().equals("sdk") && ratio != null ? ratio + "x" : "", r.audit()));
        }
        return sb.toString();
    }

    /** {@code callers} threads issue in a {@link ClosedLoop}: a warm-up, then the measured window; latency per call. */
    static Result run(String db, String name, Target target, int callers, double warmupSeconds, double seconds)
            throws Exception {
        Measurement m = ClosedLoop.run(callers, warmupSeconds, seconds, me -> target::issue);
        return new Result(db, name, callers, m.calls(), m.seconds(), m.callsPerSecond(), m.p50Micros(), m.p99Micros(),
                m.errors(), m.firstError(), target.audit(), target.meanGroup());
    }

    /** The SDK: invoices and ledger on one data source (or both in memory), one series, each issue posts its entry. */
    static final class SdkIssuer implements Target {
        private final InvoiceStore invoiceStore;
        private final LedgerStore ledgerStore;
        private final TenantInvoicing invoicing;
        private final TenantLedger ledger;
        private final NewInvoice command;

        SdkIssuer(DataSource dataSource) {
            invoiceStore = dataSource == null ? InMemoryInvoiceStore.create() : JdbcInvoiceStore.create(dataSource);
            ledgerStore = dataSource == null ? InMemoryLedgerStore.create() : JdbcLedgerStore.create(dataSource);
            Clock clock = Clock.fixed(ISSUE_DATE.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
            var audit = InMemoryAuditStore.create(clock);
            TenantId tenant = TenantId.of("bench");
            Ledger ledgers = Ledger.builder().store(ledgerStore).clock(clock).audit(audit).build();
            ledger = ledgers.forTenant(tenant);
            ledger.openAll(ChartTemplates.smallBusiness(PLN));
            AccountMapping accounts = AccountMapping.builder().currency(PLN, "1100", "4100", "2200", "1010", "2400").build();
            invoicing = Invoicing.builder().store(invoiceStore).ledger(ledgers, accounts).clock(clock).audit(audit).build()
                    .forTenant(tenant);
            invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{MM}/{seq}", NumberReset.MONTHLY), "bench");
            command = NewInvoice.builder("FV", PLN).seller(SELLER).buyer(BUYER)
                    .line(InvoiceLine.of("Consulting", BigDecimal.ONE, "h", NET, VatRate.PL_23)).build();
        }

        @Override
        public void issue() {
            invoicing.issue(command); // no id given: each call is a new invoice with a fresh id
        }

        @Override
        public String audit() {
            GapAudit audit = invoicing.gapAudit("FV", NumberingPeriod.month(java.time.YearMonth.from(ISSUE_DATE)));
            long entries = ledger.balance("1100").posted().dividedBy(GROSS.getAmount(), java.math.RoundingMode.UNNECESSARY)
                    .getAmount().longValueExact();
            return describe(audit.gapFree(), audit.first(), audit.last(), audit.count(), entries);
        }

        @Override
        public double meanGroup() {
            if (invoiceStore instanceof JdbcInvoiceStore jdbc) {
                long[] s = jdbc.issueGroupStats();
                return s[0] == 0 ? 0 : (double) s[1] / s[0];
            }
            return 0;
        }

        @Override
        public void close() throws Exception {
            if (invoiceStore instanceof AutoCloseable c) {
                c.close();
            }
            if (ledgerStore instanceof AutoCloseable c) {
                c.close();
            }
        }
    }

    static String describe(boolean gapFree, long first, long last, long count, long entries) {
        boolean ok = gapFree && first == 1 && last == count && entries == count;
        return (ok ? "clean: " : "BROKEN: ") + String.format(Locale.ROOT, "numbers %d..%d, %,d invoices, %,d journal entries%s",
                first, last, count, entries, gapFree ? ", no hole" : ", HOLES");
    }

    /**
     * The textbook issuer in plain JDBC with its own tables: one transaction per invoice that
     * locks the series' counter row with {@code SELECT ... FOR UPDATE}, moves it on, inserts the
     * invoice (its lines as a JSON document, like the SDK's), the journal entry with its three
     * postings (receivable debit, revenue and VAT credits) and updates the three balances, then
     * commits. A deadlock or serialization failure is retried.
     */
    static final class TextbookIssuer implements Target {
        private final DataSource dataSource;
        private final Dialect dialect;

        TextbookIssuer(DataSource dataSource, Dialect dialect) throws SQLException {
            this.dataSource = dataSource;
            this.dialect = dialect;
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE tb_counter (series VARCHAR(32) NOT NULL, period VARCHAR(7) NOT NULL, last_seq BIGINT NOT NULL, "
                        + "PRIMARY KEY (series, period))");
                st.execute("CREATE TABLE tb_invoice (id UUID PRIMARY KEY, series VARCHAR(32) NOT NULL, period VARCHAR(7) NOT NULL, "
                        + "seq BIGINT NOT NULL, number VARCHAR(64) NOT NULL UNIQUE, customer VARCHAR(200) NOT NULL, "
                        + "currency CHAR(3) NOT NULL, issue_date DATE NOT NULL, net_minor BIGINT NOT NULL, vat_minor BIGINT NOT NULL, "
                        + "gross_minor BIGINT NOT NULL, document TEXT NOT NULL, UNIQUE (series, period, seq))");
                st.execute("CREATE TABLE tb_account (id INT PRIMARY KEY, balance BIGINT NOT NULL)");
                st.execute("CREATE TABLE tb_entry (id UUID PRIMARY KEY, invoice_id UUID NOT NULL REFERENCES tb_invoice (id), "
                        + "description VARCHAR(200) NOT NULL, effective_date DATE NOT NULL)");
                st.execute("CREATE TABLE tb_posting (entry_id UUID NOT NULL REFERENCES tb_entry (id), idx INT NOT NULL, "
                        + "account_id INT NOT NULL REFERENCES tb_account (id), amount BIGINT NOT NULL, PRIMARY KEY (entry_id, idx))");
                st.execute("INSERT INTO tb_counter VALUES ('FV', '2026-03', 0)");
                st.execute("INSERT INTO tb_account VALUES (1100, 0), (2200, 0), (4100, 0)");
            }
        }

        @Override
        public void issue() throws SQLException {
            for (int attempt = 1; ; attempt++) {
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    try {
                        issueOne(c);
                        c.commit();
                        return;
                    } catch (SQLException e) {
                        c.rollback();
                        if (!dialect.isRetryable(e) || attempt >= 20) {
                            throw e;
                        }
                    } finally {
                        c.setAutoCommit(true);
                    }
                }
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L << Math.min(attempt, 6)));
            }
        }

        private static void issueOne(Connection c) throws SQLException {
            long seq;
            try (PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM tb_counter WHERE series = ? AND period = ? FOR UPDATE")) {
                ps.setString(1, "FV");
                ps.setString(2, "2026-03");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1) + 1;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE tb_counter SET last_seq = ? WHERE series = ? AND period = ?")) {
                ps.setLong(1, seq);
                ps.setString(2, "FV");
                ps.setString(3, "2026-03");
                ps.executeUpdate();
            }
            UUID invoice = UUID.randomUUID();
            String number = "FV/2026/03/" + seq;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tb_invoice (id, series, period, seq, number, customer, currency, "
                    + "issue_date, net_minor, vat_minor, gross_minor, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, invoice);
                ps.setString(2, "FV");
                ps.setString(3, "2026-03");
                ps.setLong(4, seq);
                ps.setString(5, number);
                ps.setString(6, BUYER.taxId().orElseThrow().vatNumber());
                ps.setString(7, "PLN");
                ps.setObject(8, ISSUE_DATE);
                ps.setLong(9, 10_000);
                ps.setLong(10, 2_300);
                ps.setLong(11, 12_300);
                ps.setString(12, "{\"seller\":{\"name\":\"Acme sp. z o.o.\",\"country\":\"PL\",\"taxId\":\"5260250274\"},"
                        + "\"buyer\":{\"name\":\"Globex S.A.\",\"country\":\"PL\",\"taxId\":\"7680002466\"},"
                        + "\"lines\":[{\"description\":\"Consulting\",\"quantity\":\"1\",\"unit\":\"h\",\"unitPrice\":\"100.00\","
                        + "\"rate\":\"PL_23\"}],\"totals\":[{\"rate\":\"PL_23\",\"net\":\"100.00\",\"vat\":\"23.00\",\"gross\":\"123.00\"}]}");
                ps.executeUpdate();
            }
            UUID entry = UUID.randomUUID();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tb_entry (id, invoice_id, description, effective_date) VALUES (?, ?, ?, ?)")) {
                ps.setObject(1, entry);
                ps.setObject(2, invoice);
                ps.setString(3, "Invoice " + number);
                ps.setObject(4, ISSUE_DATE);
                ps.executeUpdate();
            }
            int[] accounts = {1100, 4100, 2200};
            long[] amounts = {12_300, -10_000, -2_300};
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tb_posting (entry_id, idx, account_id, amount) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < 3; i++) {
                    ps.setObject(1, entry);
                    ps.setInt(2, i);
                    ps.setInt(3, accounts[i]);
                    ps.setLong(4, amounts[i]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE tb_account SET balance = balance + ? WHERE id = ?")) {
                for (int i = 0; i < 3; i++) {
                    ps.setLong(1, amounts[i]);
                    ps.setInt(2, accounts[i]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }

        @Override
        public String audit() throws SQLException {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT MIN(seq), MAX(seq), COUNT(*), COUNT(DISTINCT seq), "
                         + "(SELECT COUNT(*) FROM tb_entry), (SELECT last_seq FROM tb_counter) FROM tb_invoice")) {
                rs.next();
                long count = rs.getLong(3);
                boolean gapFree = rs.getLong(4) == count && rs.getLong(2) - rs.getLong(1) + 1 == count && rs.getLong(6) == rs.getLong(2);
                return describe(gapFree, rs.getLong(1), rs.getLong(2), count, rs.getLong(5));
            }
        }
    }
}
