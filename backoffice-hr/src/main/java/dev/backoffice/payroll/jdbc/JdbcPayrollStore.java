package dev.backoffice.payroll.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backoffice.core.error.ConflictException;
import dev.backoffice.core.error.NotFoundException;
import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.jdbc.Reruns;
import dev.backoffice.core.jdbc.SchemaInstaller;
import dev.backoffice.core.json.BackofficeJson;
import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.payroll.Contract;
import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.EmployeeId;
import dev.backoffice.payroll.PayrollErrorCode;
import dev.backoffice.payroll.PayrollRun;
import dev.backoffice.payroll.PayrollRunId;
import dev.backoffice.payroll.PayrollStore;
import dev.backoffice.payroll.Payslip;
import dev.backoffice.payroll.RunKind;
import dev.backoffice.payroll.TenantPayrollStore;
import dev.backoffice.payroll.internal.PayslipCodec;
import org.joda.money.Money;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Payroll data in PostgreSQL (or H2 in PostgreSQL mode) through the SDK's {@link Jdbc} helper.
 * Schema: {@code db/hr/V1__hr.sql} (Flyway naming); {@link #create(Jdbc)} installs it.
 *
 * <p>Employees and contracts are stored as JSON through the shared mapper. Payslip lines use a
 * compact per-run dictionary encoding ({@link PayslipCodec}) so a run of 100,000 payslips is
 * one transaction of batched inserts. Approval takes a row lock on the tenant's payroll state
 * (its version), so two approvals of one tenant serialize and a run computed on stale year-to-date
 * figures is refused with {@code payroll.stale_run}. A unique index allows one regular run per
 * jurisdiction and period.
 */
public final class JdbcPayrollStore implements PayrollStore {

    private static final int BATCH = 1_000;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final Jdbc jdbc;
    private final ObjectMapper json = BackofficeJson.mapper();

    private JdbcPayrollStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A store over {@code jdbc}, installing the schema if missing. */
    public static JdbcPayrollStore create(Jdbc jdbc) {
        Check.notNull(jdbc, "jdbc");
        SchemaInstaller.install(jdbc, "hr", List.of("V1__hr.sql"));
        return new JdbcPayrollStore(jdbc);
    }

    @Override
    public TenantPayrollStore forTenant(TenantId tenant) {
        return new Tenant(Check.notNull(tenant, "tenant"));
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw PayrollErrorCode.SERIALIZATION.storage("cannot serialize " + o.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String s, Class<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw PayrollErrorCode.SERIALIZATION.storage("cannot read stored " + type.getSimpleName(), e);
        }
    }

    private List<String> readStrings(String s) {
        try {
            return json.readValue(s, STRINGS);
        } catch (JsonProcessingException e) {
            throw PayrollErrorCode.SERIALIZATION.storage("cannot read a run dictionary", e);
        }
    }

    private final class Tenant implements TenantPayrollStore {
        private final TenantId tenant;
        private final String t;

        Tenant(TenantId tenant) {
            this.tenant = tenant;
            this.t = tenant.value();
        }

        @Override
        public TenantId tenant() {
            return tenant;
        }

        @Override
        public void saveEmployee(Employee employee) {
            saveEmployees(List.of(Check.notNull(employee, "employee")));
        }

        @Override
        public void saveEmployees(List<Employee> employees) {
            Check.notNull(employees, "employees");
            List<Object[]> rows = new ArrayList<>(employees.size());
            List<Object[]> deletes = new ArrayList<>(employees.size());
            for (Employee e : employees) {
                Check.notNull(e, "employee");
                deletes.add(new Object[]{t, e.id().value()});
                rows.add(new Object[]{t, e.id().value(), e.profile().jurisdictionCode(), write(e)});
            }
            jdbc.inTransactionRun(c -> {
                Jdbc.batch(c, "DELETE FROM hr_employees WHERE tenant_id = ? AND employee_id = ?", deletes, BATCH);
                Jdbc.batch(c, "INSERT INTO hr_employees (tenant_id, employee_id, jurisdiction, body) VALUES (?, ?, ?, ?)", rows, BATCH);
            });
        }

        @Override
        public Optional<Employee> employee(EmployeeId id) {
            Check.notNull(id, "id");
            return jdbc.inTransaction(c -> Jdbc.queryOne(c, "SELECT body FROM hr_employees WHERE tenant_id = ? AND employee_id = ?",
                    rs -> read(rs.getString(1), Employee.class), t, id.value()));
        }

        @Override
        public List<Employee> employees() {
            List<Employee> list = new ArrayList<>(jdbc.inTransaction(c -> Jdbc.query(c, "SELECT body FROM hr_employees WHERE tenant_id = ?",
                    rs -> read(rs.getString(1), Employee.class), t)));
            list.sort(java.util.Comparator.comparing(Employee::id)); // Java's UUID order, as the engine and the memory store use
            return list;
        }

        @Override
        public void saveContract(Contract contract) {
            saveContracts(List.of(Check.notNull(contract, "contract")));
        }

        @Override
        public void saveContracts(List<Contract> contracts) {
            Check.notNull(contracts, "contracts");
            contracts.forEach(x -> Check.notNull(x, "contract"));
            jdbc.inTransactionRun(c -> {
                // Lock the employees' rows so concurrent contract writes for one employee serialize.
                Map<EmployeeId, List<Contract>> existing = new HashMap<>();
                boolean bulk = contracts.size() > 50;
                if (bulk) {
                    for (Contract x : Jdbc.query(c, "SELECT body FROM hr_contracts WHERE tenant_id = ?", rs -> read(rs.getString(1), Contract.class), t)) {
                        existing.computeIfAbsent(x.employeeId(), k -> new ArrayList<>()).add(x);
                    }
                }
                java.util.Set<EmployeeId> known = new java.util.HashSet<>();
                if (bulk) {
                    known.addAll(Jdbc.query(c, "SELECT employee_id FROM hr_employees WHERE tenant_id = ?", rs -> EmployeeId.of(Jdbc.uuid(rs, "employee_id")), t));
                }
                List<Object[]> deletes = new ArrayList<>();
                List<Object[]> rows = new ArrayList<>();
                for (Contract x : contracts) {
                    if (!bulk) {
                        boolean exists = Jdbc.queryOne(c, "SELECT 1 FROM hr_employees WHERE tenant_id = ? AND employee_id = ? FOR UPDATE",
                                rs -> true, t, x.employeeId().value()).isPresent();
                        if (exists) {
                            known.add(x.employeeId());
                        }
                        existing.computeIfAbsent(x.employeeId(), k -> new ArrayList<>());
                        if (existing.get(x.employeeId()).isEmpty()) {
                            existing.get(x.employeeId()).addAll(Jdbc.query(c, "SELECT body FROM hr_contracts WHERE tenant_id = ? AND employee_id = ?",
                                    rs -> read(rs.getString(1), Contract.class), t, x.employeeId().value()));
                        }
                    }
                    if (!known.contains(x.employeeId())) {
                        throw PayrollErrorCode.EMPLOYEE_NOT_FOUND.notFound("no employee " + x.employeeId() + " in tenant " + tenant);
                    }
                    List<Contract> mine = existing.computeIfAbsent(x.employeeId(), k -> new ArrayList<>());
                    mine.removeIf(o -> o.id().equals(x.id()));
                    for (Contract o : mine) {
                        if (o.overlaps(x)) {
                            throw PayrollErrorCode.CONTRACT_OVERLAP.rule("contract " + x.id() + " (" + x.start() + ".." + x.end()
                                    + ") overlaps contract " + o.id() + " (" + o.start() + ".." + o.end() + ")");
                        }
                    }
                    mine.add(x);
                    deletes.add(new Object[]{t, x.id().value()});
                    rows.add(new Object[]{t, x.id().value(), x.employeeId().value(), x.start(), x.end(), write(x)});
                }
                Jdbc.batch(c, "DELETE FROM hr_contracts WHERE tenant_id = ? AND contract_id = ?", deletes, BATCH);
                Jdbc.batch(c, "INSERT INTO hr_contracts (tenant_id, contract_id, employee_id, start_date, end_date, body) VALUES (?, ?, ?, ?, ?, ?)",
                        rows, BATCH);
            });
        }

        @Override
        public List<Contract> contracts(EmployeeId employee) {
            return jdbc.inTransaction(c -> Jdbc.query(c,
                    "SELECT body FROM hr_contracts WHERE tenant_id = ? AND employee_id = ? ORDER BY start_date",
                    rs -> read(rs.getString(1), Contract.class), t, employee.value()));
        }

        @Override
        public List<Contract> contractsOverlapping(LocalDate from, LocalDate to) {
            return jdbc.inTransaction(c -> Jdbc.query(c,
                    "SELECT body FROM hr_contracts WHERE tenant_id = ? AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)",
                    rs -> read(rs.getString(1), Contract.class), t, to, from));
        }

        @Override
        public Map<EmployeeId, Map<String, Long>> ytd(String jurisdiction, String taxYear) {
            return jdbc.inTransaction(c -> {
                Map<EmployeeId, Map<String, Long>> out = new HashMap<>();
                try (var ps = c.prepareStatement("SELECT employee_id, ytd FROM hr_ytd WHERE tenant_id = ? AND jurisdiction = ? AND tax_year = ?")) {
                    Jdbc.bind(ps, t, jurisdiction, taxYear);
                    ps.setFetchSize(5_000);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(EmployeeId.of(rs.getObject(1, UUID.class)), PayslipCodec.decodeYtd(rs.getString(2)));
                        }
                    }
                }
                return out;
            });
        }

        @Override
        public Map<EmployeeId, Map<String, Long>> ytdDeltasFrom(String jurisdiction, String taxYear, YearMonth from) {
            return jdbc.inTransaction(c -> {
                Map<EmployeeId, Map<String, Long>> out = new HashMap<>();
                for (Object[] row : Jdbc.query(c, "SELECT employee_id, ytd_delta FROM hr_payslips WHERE tenant_id = ? AND jurisdiction = ? "
                                + "AND period >= ? AND tax_year = ?",
                        rs -> new Object[]{EmployeeId.of(rs.getObject(1, UUID.class)), rs.getString(2)}, t, jurisdiction, from.toString(), taxYear)) {
                    Map<String, Long> m = out.computeIfAbsent((EmployeeId) row[0], k -> new HashMap<>());
                    PayslipCodec.decodeYtd((String) row[1]).forEach((k, v) -> m.merge(k, v, MoneyMath::addExact));
                }
                return out;
            });
        }

        @Override
        public List<Payslip> approvedPayslips(String jurisdiction, YearMonth period) {
            return jdbc.inTransaction(c -> {
                List<Payslip> out = new ArrayList<>();
                for (Object[] run : Jdbc.query(c, "SELECT run_id, header, dictionary FROM hr_runs WHERE tenant_id = ? AND jurisdiction = ? AND period = ? ORDER BY seq",
                        rs -> new Object[]{rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)}, t, jurisdiction, period.toString())) {
                    PayrollRun header = read((String) run[1], PayrollRun.class);
                    out.addAll(payslips(c, header, readStrings((String) run[2]), null));
                }
                return out;
            });
        }

        private List<Payslip> payslips(Connection c, PayrollRun header, List<String> dict, EmployeeId only) throws SQLException {
            String sql = "SELECT employee_id, tax_year, employee_name, gross_minor, deductions_minor, net_minor, employer_minor, lines, ytd, ytd_delta "
                    + "FROM hr_payslips WHERE tenant_id = ? AND run_id = ?" + (only == null ? "" : " AND employee_id = ?");
            Object[] params = only == null ? new Object[]{t, header.id().value()} : new Object[]{t, header.id().value(), only.value()};
            List<Payslip> out = new ArrayList<>();
            try (var ps = c.prepareStatement(sql)) {
                Jdbc.bind(ps, params);
                ps.setFetchSize(5_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        var cur = header.currency();
                        out.add(new Payslip(header.id(), EmployeeId.of(rs.getObject(1, UUID.class)), rs.getString(3), header.period(), header.payDate(),
                                header.jurisdiction(), rs.getString(2), header.kind(), cur, PayslipCodec.decodeLines(rs.getString(8), dict, cur),
                                Money.ofMinor(cur, rs.getLong(4)), Money.ofMinor(cur, rs.getLong(5)), Money.ofMinor(cur, rs.getLong(6)),
                                Money.ofMinor(cur, rs.getLong(7)), PayslipCodec.decodeYtd(rs.getString(9)), PayslipCodec.decodeYtd(rs.getString(10))));
                    }
                }
            }
            out.sort(java.util.Comparator.comparing(Payslip::employeeId)); // the engine's order (Java UUID order, not the database's)
            return out;
        }

        @Override
        public boolean regularRunApproved(String jurisdiction, YearMonth period) {
            return jdbc.inTransaction(c -> Jdbc.queryOne(c, "SELECT 1 FROM hr_runs WHERE tenant_id = ? AND regular_key = ?", rs -> true,
                    t, jurisdiction + "|" + period).isPresent());
        }

        @Override
        public long version() {
            return jdbc.inTransaction(c -> Jdbc.queryOne(c, "SELECT version FROM hr_payroll_state WHERE tenant_id = ?", rs -> rs.getLong(1), t)
                    .orElse(0L));
        }

        @Override
        public void saveApprovedRun(PayrollRun run, long expectedVersion, Runnable alsoInTransaction) {
            Check.notNull(run, "run");
            PayslipCodec.Dictionary dict = PayslipCodec.Dictionary.create();
            List<Object[]> rows = new ArrayList<>(run.payslips().size());
            for (Payslip p : run.payslips()) {
                rows.add(new Object[]{t, run.id().value(), p.employeeId().value(), run.jurisdiction(), run.period().toString(), p.taxYear(),
                        p.employeeName(), p.gross().getAmountMinorLong(), p.deductions().getAmountMinorLong(), p.net().getAmountMinorLong(),
                        p.employerCost().getAmountMinorLong(), PayslipCodec.encodeLines(p.lines(), dict), PayslipCodec.encodeYtd(p.ytd()),
                        PayslipCodec.encodeYtd(p.ytdDelta())});
            }
            String header = write(run.withoutPayslips());
            String dictionary = write(dict.strings());
            try {
                // The run id is the identity: after a commit with an unknown outcome the rerun finds
                // the run if it landed (and then does nothing more), or approves it once.
                Reruns.afterUnknownOutcome(rerun -> jdbc.inTransaction(c -> {
                    Optional<Long> current = Jdbc.queryOne(c, "SELECT version FROM hr_payroll_state WHERE tenant_id = ? FOR UPDATE",
                            rs -> rs.getLong(1), t);
                    if (rerun && Jdbc.queryOne(c, "SELECT 1 FROM hr_runs WHERE tenant_id = ? AND run_id = ?", rs -> true, t,
                            run.id().value()).isPresent()) {
                        return null; // landed with the attempt whose outcome was unknown
                    }
                    long version = current.orElse(0L);
                    if (version != expectedVersion) {
                        throw PayrollErrorCode.STALE_RUN.conflict("another run was approved since this one was computed (version "
                                + version + ", expected " + expectedVersion + ")");
                    }
                    if (current.isEmpty()) {
                        Jdbc.update(c, "INSERT INTO hr_payroll_state (tenant_id, version) VALUES (?, ?)", t, 1L);
                    } else {
                        Jdbc.update(c, "UPDATE hr_payroll_state SET version = ? WHERE tenant_id = ?", version + 1, t);
                    }
                    String regularKey = run.kind() == RunKind.REGULAR ? run.jurisdiction() + "|" + run.period() : null;
                    if (regularKey != null && Jdbc.queryOne(c, "SELECT 1 FROM hr_runs WHERE tenant_id = ? AND regular_key = ?", rs -> true, t, regularKey).isPresent()) {
                        throw PayrollErrorCode.PERIOD_ALREADY_APPROVED.rule("the " + run.jurisdiction() + " payroll of " + run.period() + " is already approved");
                    }
                    Jdbc.update(c, "INSERT INTO hr_runs (tenant_id, run_id, seq, jurisdiction, period, kind, regular_key, approved_at, header, dictionary) "
                                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            t, run.id().value(), version + 1, run.jurisdiction(), run.period().toString(), run.kind(), regularKey, run.approvedAt(),
                            header, dictionary);
                    Jdbc.batch(c, "INSERT INTO hr_payslips (tenant_id, run_id, employee_id, jurisdiction, period, tax_year, employee_name, gross_minor, "
                            + "deductions_minor, net_minor, employer_minor, lines, ytd, ytd_delta) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, BATCH);
                    applyYtd(c, run);
                    if (alsoInTransaction != null) {
                        alsoInTransaction.run();
                    }
                    return null;
                }), () -> "payroll run " + run.id() + ": read it with run(id)");
            } catch (StorageException e) {
                if (e.getCause() instanceof SQLException sql && jdbc.dialect().isUniqueViolation(sql)) {
                    throw PayrollErrorCode.STALE_RUN.conflict("a concurrent approval won: " + sql.getMessage());
                }
                throw e;
            }
        }

        private void applyYtd(Connection c, PayrollRun run) throws SQLException {
            Map<String, List<Payslip>> byYear = new HashMap<>();
            for (Payslip p : run.payslips()) {
                byYear.computeIfAbsent(p.taxYear(), k -> new ArrayList<>()).add(p);
            }
            for (Map.Entry<String, List<Payslip>> e : byYear.entrySet()) {
                Map<UUID, String> stored = new HashMap<>();
                try (var ps = c.prepareStatement("SELECT employee_id, ytd FROM hr_ytd WHERE tenant_id = ? AND jurisdiction = ? AND tax_year = ?")) {
                    Jdbc.bind(ps, t, run.jurisdiction(), e.getKey());
                    ps.setFetchSize(5_000);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            stored.put(rs.getObject(1, UUID.class), rs.getString(2));
                        }
                    }
                }
                List<Object[]> updates = new ArrayList<>();
                List<Object[]> inserts = new ArrayList<>();
                for (Payslip p : e.getValue()) {
                    UUID id = p.employeeId().value();
                    String old = stored.get(id);
                    Map<String, Long> merged = PayslipCodec.decodeYtd(old);
                    p.ytdDelta().forEach((k, v) -> merged.merge(k, v, MoneyMath::addExact));
                    String value = PayslipCodec.encodeYtd(merged);
                    if (old == null) {
                        inserts.add(new Object[]{t, run.jurisdiction(), e.getKey(), id, value});
                    } else {
                        updates.add(new Object[]{value, t, run.jurisdiction(), e.getKey(), id});
                    }
                }
                Jdbc.batch(c, "UPDATE hr_ytd SET ytd = ? WHERE tenant_id = ? AND jurisdiction = ? AND tax_year = ? AND employee_id = ?", updates, BATCH);
                Jdbc.batch(c, "INSERT INTO hr_ytd (tenant_id, jurisdiction, tax_year, employee_id, ytd) VALUES (?, ?, ?, ?, ?)", inserts, BATCH);
            }
        }

        @Override
        public Optional<PayrollRun> run(PayrollRunId id) {
            Check.notNull(id, "id");
            return jdbc.inTransaction(c -> {
                Optional<String[]> row = Jdbc.queryOne(c, "SELECT header, dictionary FROM hr_runs WHERE tenant_id = ? AND run_id = ?",
                        rs -> new String[]{rs.getString(1), rs.getString(2)}, t, id.value());
                if (row.isEmpty()) {
                    return Optional.empty();
                }
                PayrollRun header = read(row.get()[0], PayrollRun.class);
                List<Payslip> payslips = payslips(c, header, readStrings(row.get()[1]), null);
                return Optional.of(new PayrollRun(header.id(), header.tenant(), header.period(), header.payDate(), header.jurisdiction(), header.kind(),
                        header.status(), header.computedAt(), header.approvedBy(), header.approvedAt(), header.currency(), payslips, header.journal()));
            });
        }

        @Override
        public List<PayrollRun> runs(YearMonth period) {
            return jdbc.inTransaction(c -> Jdbc.query(c, "SELECT header FROM hr_runs WHERE tenant_id = ? AND period = ? ORDER BY seq",
                    rs -> read(rs.getString(1), PayrollRun.class), t, period.toString()));
        }

        @Override
        public Optional<Payslip> payslip(PayrollRunId run, EmployeeId employee) {
            return jdbc.inTransaction(c -> {
                Optional<String[]> row = Jdbc.queryOne(c, "SELECT header, dictionary FROM hr_runs WHERE tenant_id = ? AND run_id = ?",
                        rs -> new String[]{rs.getString(1), rs.getString(2)}, t, run.value());
                if (row.isEmpty()) {
                    return Optional.empty();
                }
                List<Payslip> list = payslips(c, read(row.get()[0], PayrollRun.class), readStrings(row.get()[1]), employee);
                return list.isEmpty() ? Optional.<Payslip>empty() : Optional.of(list.get(0));
            });
        }
    }
}
