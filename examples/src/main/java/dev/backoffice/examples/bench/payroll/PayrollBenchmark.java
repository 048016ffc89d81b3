package dev.backoffice.examples.bench.payroll;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.payroll.Contract;
import dev.backoffice.payroll.ContractTerms;
import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.PolishTaxProfile;
import dev.backoffice.payroll.Bonus;
import dev.backoffice.payroll.PayrollEngine;
import dev.backoffice.payroll.PayrollRun;
import dev.backoffice.payroll.PayrollStore;
import dev.backoffice.payroll.TenantPayroll;
import dev.backoffice.payroll.PeriodInput;
import dev.backoffice.payroll.RunRequest;
import dev.backoffice.payroll.jdbc.JdbcPayrollStore;
import dev.backoffice.payroll.memory.InMemoryPayrollStore;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Monthly payroll of 100,000 Polish employees: in memory (compute + approve) and on PostgreSQL
 * (compute + write every payslip, the year-to-date rows and the audit record in one transaction).
 *
 * <p>Run (holding the build lock, PostgreSQL from the {@code BACKOFFICE_TEST_PG_*} variables):
 * <pre>
 * mvn -B -q -o install -DskipTests -pl backoffice-core,backoffice-hr &amp;&amp; mvn -B -q -o compile -pl examples
 * java -Xmx6g -cp examples/target/classes:$(cat examples/target/cp.txt) dev.backoffice.examples.bench.payroll.PayrollBenchmark [employees]
 * </pre>
 * Writes {@code examples/target/bench/payroll.json}.
 */
public final class PayrollBenchmark {

    private static final CurrencyUnit PLN = CurrencyUnit.of("PLN");

    private PayrollBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("employees", n);
        results.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        results.put("inMemory", inMemory(n));
        String url = System.getenv("BACKOFFICE_TEST_PG_URL");
        if (url != null && !url.isBlank()) {
            results.put("postgres", postgres(n, url, System.getenv("BACKOFFICE_TEST_PG_USER"), System.getenv("BACKOFFICE_TEST_PG_PASSWORD")));
        } else {
            System.out.println("PostgreSQL part skipped: BACKOFFICE_TEST_PG_URL not set");
        }
        Path out = Path.of("examples/target/bench/payroll.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, toJson(results));
        System.out.println(toJson(results));
    }

    /** Hires n employees: salaries 4 666-30 000 zł, 20% PPK, 10% under 26, 5% commuting, 10% hourly. */
    private static void populate(TenantPayroll payroll, int n) {
        Random r = new Random(42);
        List<Employee> employees = new ArrayList<>(n);
        List<Contract> contracts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            PolishTaxProfile p = PolishTaxProfile.standard();
            if (r.nextInt(5) == 0) {
                p = p.withPpk();
            }
            if (r.nextInt(20) == 0) {
                p = p.withElevatedCosts();
            }
            LocalDate born = r.nextInt(10) == 0 ? LocalDate.of(2001 + r.nextInt(5), 1 + r.nextInt(12), 1) : LocalDate.of(1960 + r.nextInt(40), 1 + r.nextInt(12), 1);
            Employee e = Employee.of("Employee", "No" + i, born, p);
            employees.add(e);
            ContractTerms terms = r.nextInt(10) == 0
                    ? ContractTerms.hourly(LocalDate.of(2024, 1, 1), Money.ofMinor(PLN, 3_100 + r.nextInt(10_000)))
                    : ContractTerms.monthly(LocalDate.of(2024, 1, 1), Money.ofMinor(PLN, 466_600 + r.nextInt(2_533_400)));
            contracts.add(Contract.of(e.id(), terms));
        }
        payroll.saveEmployees(employees);
        payroll.saveContracts(contracts);
    }

    private static List<PeriodInput> inputs(PayrollStore store, TenantId tenant, int seed) {
        Random r = new Random(seed);
        List<PeriodInput> inputs = new ArrayList<>();
        for (Employee e : store.forTenant(tenant).read().employees()) {
            int roll = r.nextInt(20);
            if (roll == 0) {
                inputs.add(PeriodInput.builder(e.id()).bonus(Bonus.of("Quarterly bonus", Money.ofMinor(PLN, 100_000 + r.nextInt(500_000)))).build());
            } else if (roll == 1) {
                inputs.add(PeriodInput.builder(e.id()).sickDays(1 + r.nextInt(10)).build());
            } else if (roll == 2) {
                inputs.add(PeriodInput.builder(e.id()).overtime(Integer.toString(1 + r.nextInt(20)), "1.5").build());
            }
        }
        // Hourly workers report hours.
        List<PeriodInput> out = new ArrayList<>(inputs);
        var data = store.forTenant(tenant).read();
        java.util.Set<dev.backoffice.payroll.EmployeeId> done = new java.util.HashSet<>();
        inputs.forEach(i -> done.add(i.employeeId()));
        for (Contract c : data.contractsOverlapping(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))) {
            if (c.terms().get(0).basis() == dev.backoffice.payroll.PayBasis.HOURLY && !done.contains(c.employeeId())) {
                out.add(PeriodInput.builder(c.employeeId()).hours("168").build());
            }
        }
        return out;
    }

    private static Map<String, Object> inMemory(int n) {
        TenantId tenant = TenantId.of("bench");
        InMemoryPayrollStore store = InMemoryPayrollStore.create();
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2025-01-31T12:00:00Z"));
        TenantPayroll payroll = PayrollEngine.builder().store(store).audit(InMemoryAuditStore.create(clock)).clock(clock).build()
                .forTenant(tenant);
        populate(payroll, n);
        List<PeriodInput> in = inputs(store, tenant, 1);
        // Warm-up: previews of January.
        for (int i = 0; i < 4; i++) {
            payroll.preview(RunRequest.regular("PL", YearMonth.of(2025, 1)).withInputs(in));
        }
        double[] preview = new double[5];
        for (int i = 0; i < preview.length; i++) {
            long t0 = System.nanoTime();
            PayrollRun run = payroll.preview(RunRequest.regular("PL", YearMonth.of(2025, 1)).withInputs(in));
            preview[i] = (System.nanoTime() - t0) / 1e6;
            check(run, n);
        }
        double[] approve = new double[6];
        for (int m = 1; m <= approve.length; m++) {
            List<PeriodInput> monthInputs = inputs(store, tenant, m);
            long t0 = System.nanoTime();
            PayrollRun run = payroll.approve(RunRequest.regular("PL", YearMonth.of(2025, m)).withInputs(monthInputs), "bench");
            approve[m - 1] = (System.nanoTime() - t0) / 1e6;
            check(run, n);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("previewMillis", preview);
        r.put("approveMillisJanToJun", approve);
        r.put("previewMedianMillis", median(preview));
        r.put("approveMedianMillis", median(approve));
        System.out.printf(Locale.ROOT, "in memory: preview median %.0f ms, approve median %.0f ms (%s)%n", median(preview), median(approve), Arrays.toString(approve));
        return r;
    }

    private static Map<String, Object> postgres(int n, String url, String user, String password) throws Exception {
        String schema = "bench_payroll";
        try (HikariDataSource admin = pool(url, user, password); Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            st.execute("CREATE SCHEMA " + schema);
        }
        String benchUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&reWriteBatchedInserts=true";
        try (HikariDataSource ds = pool(benchUrl, user, password)) {
            Jdbc jdbc = Jdbc.of(ds);
            PayrollStore store = JdbcPayrollStore.create(jdbc);
            AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2025-01-31T12:00:00Z"));
            AuditStore audit = JdbcAuditStore.create(jdbc, clock);
            TenantId tenant = TenantId.of("bench");
            TenantPayroll payroll = PayrollEngine.builder().store(store).audit(audit).clock(clock).build().forTenant(tenant);
            long s0 = System.nanoTime();
            populate(payroll, n);
            double setup = (System.nanoTime() - s0) / 1e6;
            double[] approve = new double[3];
            for (int m = 1; m <= approve.length; m++) {
                List<PeriodInput> monthInputs = inputs(store, tenant, m);
                long t0 = System.nanoTime();
                PayrollRun run = payroll.approve(RunRequest.regular("PL", YearMonth.of(2025, m)).withInputs(monthInputs), "bench");
                approve[m - 1] = (System.nanoTime() - t0) / 1e6;
                check(run, n);
            }
            long count;
            try (Connection c = ds.getConnection(); Statement st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM hr_payslips")) {
                rs.next();
                count = rs.getLong(1);
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("setupMillis", setup);
            r.put("approveMillisJanToMar", approve);
            r.put("approveMedianMillis", median(approve));
            r.put("payslipRowsWritten", count);
            System.out.printf(Locale.ROOT, "postgres: approve %s ms (median %.0f), %d payslip rows%n", Arrays.toString(approve), median(approve), count);
            return r;
        } finally {
            try (HikariDataSource admin = pool(url, user, password); Connection c = admin.getConnection(); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static void check(PayrollRun run, int n) {
        if (run.payslips().size() != n || !run.journal().balanced()) {
            throw new IllegalStateException("unexpected run: " + run.payslips().size() + " payslips, balanced " + run.journal().balanced());
        }
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setUsername(user);
        cfg.setPassword(password);
        cfg.setMaximumPoolSize(4);
        return new HikariDataSource(cfg);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String toJson(Object o) throws IOException {
        return dev.backoffice.core.json.BackofficeJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(o);
    }
}
