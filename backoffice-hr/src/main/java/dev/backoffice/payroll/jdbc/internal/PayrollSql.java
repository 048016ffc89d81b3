package dev.backoffice.payroll.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.json.BackofficeJson;
import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.payroll.Contract;
import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.EmployeeId;
import dev.backoffice.payroll.PayrollErrorCode;
import dev.backoffice.payroll.PayrollRun;
import dev.backoffice.payroll.PayrollRunId;
import dev.backoffice.payroll.Payslip;
import dev.backoffice.payroll.RunKind;
import dev.backoffice.payroll.internal.PayslipCodec;
import org.joda.money.Money;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The payroll store's statements, each on a connection the caller's transaction owns and scoped
 * to one tenant key ({@code t}, the first column of every key and every {@code WHERE}).
 *
 * <p>Employees and contracts are stored as JSON through the shared mapper. Payslip lines use a
 * compact per-run dictionary encoding ({@link PayslipCodec}) so a run of 100,000 payslips is
 * one transaction of batched inserts. An approval locks the tenant's payroll state row (its
 * version), so two approvals of one tenant serialize; a unique index allows one regular run per
 * jurisdiction and period.
 */
public final class PayrollSql {

    private static final int BATCH = 1_000;
    private static final int FETCH = 5_000;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final ObjectMapper json = BackofficeJson.mapper();

    private PayrollSql() {
    }

    /**
     * The statements, with the shared JSON mapper.
     *
     * @return a new instance
     */
    public static PayrollSql create() {
        return new PayrollSql();
    }

    // ---- employees and contracts ------------------------------------------------------------

    /**
     * Creates or replaces employees.
     *
     * @param c         the transaction's connection
     * @param t         the tenant key
     * @param employees the employees (checked not null by the caller)
     * @throws SQLException as the driver reports it
     */
    public void saveEmployees(Connection c, String t, List<Employee> employees) throws SQLException {
        List<Object[]> rows = new ArrayList<>(employees.size());
        List<Object[]> deletes = new ArrayList<>(employees.size());
        for (Employee e : employees) {
            deletes.add(new Object[]{t, e.id().value()});
            rows.add(new Object[]{t, e.id().value(), e.profile().jurisdictionCode(), write(e)});
        }
        Jdbc.batch(c, "DELETE FROM hr_employees WHERE tenant_id = ? AND employee_id = ?", deletes, BATCH);
        Jdbc.batch(c, "INSERT INTO hr_employees (tenant_id, employee_id, jurisdiction, body) VALUES (?, ?, ?, ?)", rows, BATCH);
    }

    /**
     * The employee, if stored.
     *
     * @param c  the connection
     * @param t  the tenant key
     * @param id the employee's id
     * @return the employee, or empty
     * @throws SQLException as the driver reports it
     */
    public Optional<Employee> employee(Connection c, String t, EmployeeId id) throws SQLException {
        return Jdbc.queryOne(c, "SELECT body FROM hr_employees WHERE tenant_id = ? AND employee_id = ?",
                rs -> read(rs.getString(1), Employee.class), t, id.value());
    }

    /**
     * Every employee of the tenant, in Java's UUID order (the engine's and the memory store's).
     *
     * @param c the connection
     * @param t the tenant key
     * @return the employees
     * @throws SQLException as the driver reports it
     */
    public List<Employee> employees(Connection c, String t) throws SQLException {
        List<Employee> list = new ArrayList<>(Jdbc.query(c, "SELECT body FROM hr_employees WHERE tenant_id = ?",
                rs -> read(rs.getString(1), Employee.class), t));
        list.sort(Comparator.comparing(Employee::id));
        return list;
    }

    /**
     * Creates or replaces contracts after checking that each employee exists and that no two
     * contracts of an employee overlap; locks the employees' rows (one by one, or for a bulk
     * write all of the tenant's contracts are read) so concurrent contract writes for one
     * employee serialize.
     *
     * @param c         the connection
     * @param t         the tenant key
     * @param contracts the contracts (checked not null by the caller)
     * @throws SQLException as the driver reports it
     */
    public void saveContracts(Connection c, String t, List<Contract> contracts) throws SQLException {
        Map<EmployeeId, List<Contract>> existing = new HashMap<>();
        boolean bulk = contracts.size() > 50;
        Set<EmployeeId> known = new HashSet<>();
        if (bulk) {
            for (Contract x : Jdbc.query(c, "SELECT body FROM hr_contracts WHERE tenant_id = ?", rs -> read(rs.getString(1), Contract.class), t)) {
                existing.computeIfAbsent(x.employeeId(), k -> new ArrayList<>()).add(x);
            }
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
                throw PayrollErrorCode.EMPLOYEE_NOT_FOUND.notFound("no employee " + x.employeeId() + " in tenant " + t);
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
    }

    /**
     * The employee's contracts by start date.
     *
     * @param c        the connection
     * @param t        the tenant key
     * @param employee the employee's id
     * @return the contracts
     * @throws SQLException as the driver reports it
     */
    public List<Contract> contracts(Connection c, String t, EmployeeId employee) throws SQLException {
        return Jdbc.query(c, "SELECT body FROM hr_contracts WHERE tenant_id = ? AND employee_id = ? ORDER BY start_date",
                rs -> read(rs.getString(1), Contract.class), t, employee.value());
    }

    /**
     * Contracts covering a day of [{@code from}, {@code to}].
     *
     * @param c    the connection
     * @param t    the tenant key
     * @param from first day
     * @param to   last day
     * @return the contracts
     * @throws SQLException as the driver reports it
     */
    public List<Contract> contractsOverlapping(Connection c, String t, LocalDate from, LocalDate to) throws SQLException {
        return Jdbc.query(c, "SELECT body FROM hr_contracts WHERE tenant_id = ? AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)",
                rs -> read(rs.getString(1), Contract.class), t, to, from);
    }

    // ---- year to date -----------------------------------------------------------------------

    /**
     * Year-to-date accumulators of a tax year.
     *
     * @param c            the connection
     * @param t            the tenant key
     * @param jurisdiction the jurisdiction's code
     * @param taxYear      the tax year's label
     * @return accumulators by employee
     * @throws SQLException as the driver reports it
     */
    public Map<EmployeeId, Map<String, Long>> ytd(Connection c, String t, String jurisdiction, String taxYear) throws SQLException {
        Map<EmployeeId, Map<String, Long>> out = new HashMap<>();
        try (var ps = c.prepareStatement("SELECT employee_id, ytd FROM hr_ytd WHERE tenant_id = ? AND jurisdiction = ? AND tax_year = ?")) {
            Jdbc.bind(ps, t, jurisdiction, taxYear);
            ps.setFetchSize(FETCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(EmployeeId.of(rs.getObject(1, UUID.class)), PayslipCodec.decodeYtd(rs.getString(2)));
                }
            }
        }
        return out;
    }

    /**
     * Sum of approved year-to-date deltas from {@code from} on.
     *
     * @param c            the connection
     * @param t            the tenant key
     * @param jurisdiction the jurisdiction's code
     * @param taxYear      the tax year's label
     * @param from         first period counted
     * @return deltas by employee
     * @throws SQLException as the driver reports it
     */
    public Map<EmployeeId, Map<String, Long>> ytdDeltasFrom(Connection c, String t, String jurisdiction, String taxYear, YearMonth from)
            throws SQLException {
        Map<EmployeeId, Map<String, Long>> out = new HashMap<>();
        for (Object[] row : Jdbc.query(c, "SELECT employee_id, ytd_delta FROM hr_payslips WHERE tenant_id = ? AND jurisdiction = ? "
                        + "AND period >= ? AND tax_year = ?",
                rs -> new Object[]{EmployeeId.of(rs.getObject(1, UUID.class)), rs.getString(2)}, t, jurisdiction, from.toString(), taxYear)) {
            Map<String, Long> m = out.computeIfAbsent((EmployeeId) row[0], k -> new HashMap<>());
            PayslipCodec.decodeYtd((String) row[1]).forEach((k, v) -> m.merge(k, v, MoneyMath::addExact));
        }
        return out;
    }

    // ---- runs -------------------------------------------------------------------------------

    /**
     * Every approved payslip of a period, in approval order.
     *
     * @param c            the connection
     * @param t            the tenant key
     * @param jurisdiction the jurisdiction's code
     * @param period       the period
     * @return the payslips
     * @throws SQLException as the driver reports it
     */
    public List<Payslip> approvedPayslips(Connection c, String t, String jurisdiction, YearMonth period) throws SQLException {
        List<Payslip> out = new ArrayList<>();
        for (Object[] run : Jdbc.query(c, "SELECT run_id, header, dictionary FROM hr_runs WHERE tenant_id = ? AND jurisdiction = ? AND period = ? ORDER BY seq",
                rs -> new Object[]{rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)}, t, jurisdiction, period.toString())) {
            PayrollRun header = read((String) run[1], PayrollRun.class);
            out.addAll(payslips(c, t, header, readStrings((String) run[2]), null));
        }
        return out;
    }

    private List<Payslip> payslips(Connection c, String t, PayrollRun header, List<String> dict, EmployeeId only) throws SQLException {
        String sql = "SELECT employee_id, tax_year, employee_name, gross_minor, deductions_minor, net_minor, employer_minor, lines, ytd, ytd_delta "
                + "FROM hr_payslips WHERE tenant_id = ? AND run_id = ?" + (only == null ? "" : " AND employee_id = ?");
        Object[] params = only == null ? new Object[]{t, header.id().value()} : new Object[]{t, header.id().value(), only.value()};
        List<Payslip> out = new ArrayList<>();
        try (var ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, params);
            ps.setFetchSize(FETCH);
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
        out.sort(Comparator.comparing(Payslip::employeeId)); // the engine's order (Java UUID order, not the database's)
        return out;
    }

    /**
     * Whether the period's regular run is stored.
     *
     * @param c            the connection
     * @param t            the tenant key
     * @param jurisdiction the jurisdiction's code
     * @param period       the period
     * @return true if stored
     * @throws SQLException as the driver reports it
     */
    public boolean regularRunApproved(Connection c, String t, String jurisdiction, YearMonth period) throws SQLException {
        return Jdbc.queryOne(c, "SELECT 1 FROM hr_runs WHERE tenant_id = ? AND regular_key = ?", rs -> true, t, jurisdiction + "|" + period)
                .isPresent();
    }

    /**
     * The tenant's payroll version (0 before the first approval).
     *
     * @param c the connection
     * @param t the tenant key
     * @return the version
     * @throws SQLException as the driver reports it
     */
    public long version(Connection c, String t) throws SQLException {
        return Jdbc.queryOne(c, "SELECT version FROM hr_payroll_state WHERE tenant_id = ?", rs -> rs.getLong(1), t).orElse(0L);
    }

    /**
     * Saves an approved run if the version is still {@code expectedVersion}: locks the tenant's
     * payroll state row first; on a rerun (an earlier attempt's outcome unknown) looks the run id
     * up and, when that attempt landed, writes nothing.
     *
     * @param c               the connection
     * @param t               the tenant key
     * @param run             the approved run
     * @param expectedVersion the version it was computed at
     * @param rerun           whether an earlier attempt of this write may have landed
     * @return true if stored now; false if an earlier attempt had stored it
     * @throws SQLException as the driver reports it (a unique violation: a concurrent approval won)
     */
    public boolean saveApprovedRun(Connection c, String t, PayrollRun run, long expectedVersion, boolean rerun) throws SQLException {
        // Encoded before the lock is taken, so other approvals of the tenant wait no longer than the writes.
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
        Optional<Long> current = Jdbc.queryOne(c, "SELECT version FROM hr_payroll_state WHERE tenant_id = ? FOR UPDATE",
                rs -> rs.getLong(1), t);
        if (rerun && Jdbc.queryOne(c, "SELECT 1 FROM hr_runs WHERE tenant_id = ? AND run_id = ?", rs -> true, t,
                run.id().value()).isPresent()) {
            return false; // landed with the attempt whose outcome was unknown
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
        applyYtd(c, t, run);
        return true;
    }

    private void applyYtd(Connection c, String t, PayrollRun run) throws SQLException {
        Map<String, List<Payslip>> byYear = new HashMap<>();
        for (Payslip p : run.payslips()) {
            byYear.computeIfAbsent(p.taxYear(), k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, List<Payslip>> e : byYear.entrySet()) {
            Map<UUID, String> stored = new HashMap<>();
            try (var ps = c.prepareStatement("SELECT employee_id, ytd FROM hr_ytd WHERE tenant_id = ? AND jurisdiction = ? AND tax_year = ?")) {
                Jdbc.bind(ps, t, run.jurisdiction(), e.getKey());
                ps.setFetchSize(FETCH);
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

    /**
     * The run with its payslips.
     *
     * @param c  the connection
     * @param t  the tenant key
     * @param id the run's id
     * @return the run, or empty
     * @throws SQLException as the driver reports it
     */
    public Optional<PayrollRun> run(Connection c, String t, PayrollRunId id) throws SQLException {
        Optional<String[]> row = Jdbc.queryOne(c, "SELECT header, dictionary FROM hr_runs WHERE tenant_id = ? AND run_id = ?",
                rs -> new String[]{rs.getString(1), rs.getString(2)}, t, id.value());
        if (row.isEmpty()) {
            return Optional.empty();
        }
        PayrollRun header = read(row.get()[0], PayrollRun.class);
        List<Payslip> payslips = payslips(c, t, header, readStrings(row.get()[1]), null);
        return Optional.of(new PayrollRun(header.id(), header.tenant(), header.period(), header.payDate(), header.jurisdiction(), header.kind(),
                header.status(), header.computedAt(), header.approvedBy(), header.approvedAt(), header.currency(), payslips, header.journal()));
    }

    /**
     * Run headers of a period, in approval order.
     *
     * @param c      the connection
     * @param t      the tenant key
     * @param period the period
     * @return the headers (no payslips)
     * @throws SQLException as the driver reports it
     */
    public List<PayrollRun> runs(Connection c, String t, YearMonth period) throws SQLException {
        return Jdbc.query(c, "SELECT header FROM hr_runs WHERE tenant_id = ? AND period = ? ORDER BY seq",
                rs -> read(rs.getString(1), PayrollRun.class), t, period.toString());
    }

    /**
     * One payslip of a run.
     *
     * @param c        the connection
     * @param t        the tenant key
     * @param run      the run's id
     * @param employee the employee's id
     * @return the payslip, or empty
     * @throws SQLException as the driver reports it
     */
    public Optional<Payslip> payslip(Connection c, String t, PayrollRunId run, EmployeeId employee) throws SQLException {
        Optional<String[]> row = Jdbc.queryOne(c, "SELECT header, dictionary FROM hr_runs WHERE tenant_id = ? AND run_id = ?",
                rs -> new String[]{rs.getString(1), rs.getString(2)}, t, run.value());
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<Payslip> list = payslips(c, t, read(row.get()[0], PayrollRun.class), readStrings(row.get()[1]), employee);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    // ---- JSON -------------------------------------------------------------------------------

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
}
