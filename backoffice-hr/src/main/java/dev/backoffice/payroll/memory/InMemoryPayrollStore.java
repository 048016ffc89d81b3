package dev.backoffice.payroll.memory;

import dev.backoffice.core.error.ConflictException;
import dev.backoffice.core.error.NotFoundException;
import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.payroll.Contract;
import dev.backoffice.payroll.ContractId;
import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.EmployeeId;
import dev.backoffice.payroll.PayrollErrorCode;
import dev.backoffice.payroll.PayrollRun;
import dev.backoffice.payroll.PayrollRunId;
import dev.backoffice.payroll.PayrollStore;
import dev.backoffice.payroll.Payslip;
import dev.backoffice.payroll.RunKind;
import dev.backoffice.payroll.TenantPayrollStore;
import dev.backoffice.payroll.internal.LongMap;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Payroll data in memory: for tests, demos and the in-memory benchmark. Thread-safe: each
 * tenant's data is guarded by one lock, so every write is atomic.
 */
public final class InMemoryPayrollStore implements PayrollStore {

    private final ConcurrentMap<TenantId, Tenant> tenants = new ConcurrentHashMap<>();

    private InMemoryPayrollStore() {
    }

    /** An empty store. */
    public static InMemoryPayrollStore create() {
        return new InMemoryPayrollStore();
    }

    @Override
    public TenantPayrollStore forTenant(TenantId tenant) {
        Check.notNull(tenant, "tenant");
        return tenants.computeIfAbsent(tenant, Tenant::new);
    }

    private static final class Tenant implements TenantPayrollStore {
        private final TenantId tenant;
        private final Map<EmployeeId, Employee> employees = new TreeMap<>();
        private final Map<ContractId, Contract> contracts = new LinkedHashMap<>();
        private final Map<String, Map<EmployeeId, Map<String, Long>>> ytd = new HashMap<>();
        private final Map<PayrollRunId, PayrollRun> runs = new LinkedHashMap<>();
        private long version;

        Tenant(TenantId tenant) {
            this.tenant = tenant;
        }

        @Override
        public TenantId tenant() {
            return tenant;
        }

        @Override
        public synchronized void saveEmployee(Employee employee) {
            Check.notNull(employee, "employee");
            employees.put(employee.id(), employee);
        }

        @Override
        public synchronized void saveEmployees(List<Employee> list) {
            Check.notNull(list, "employees");
            list.forEach(e -> Check.notNull(e, "employee"));
            list.forEach(e -> employees.put(e.id(), e));
        }

        @Override
        public synchronized Optional<Employee> employee(EmployeeId id) {
            return Optional.ofNullable(employees.get(id));
        }

        @Override
        public synchronized List<Employee> employees() {
            return List.copyOf(employees.values());
        }

        @Override
        public synchronized void saveContract(Contract contract) {
            saveContracts(List.of(contract));
        }

        @Override
        public synchronized void saveContracts(List<Contract> list) {
            Check.notNull(list, "contracts");
            Map<ContractId, Contract> staged = new LinkedHashMap<>(contracts);
            Map<EmployeeId, List<Contract>> byEmployee = new HashMap<>();
            for (Contract c : staged.values()) {
                byEmployee.computeIfAbsent(c.employeeId(), k -> new ArrayList<>()).add(c);
            }
            for (Contract c : list) {
                Check.notNull(c, "contract");
                if (!employees.containsKey(c.employeeId())) {
                    throw PayrollErrorCode.EMPLOYEE_NOT_FOUND.notFound("no employee " + c.employeeId() + " in tenant " + tenant);
                }
                List<Contract> mine = byEmployee.computeIfAbsent(c.employeeId(), k -> new ArrayList<>());
                mine.removeIf(o -> o.id().equals(c.id()));
                for (Contract o : mine) {
                    if (o.overlaps(c)) {
                        throw PayrollErrorCode.CONTRACT_OVERLAP.rule("contract " + c.id() + " (" + c.start() + ".." + c.end() + ") overlaps contract " + o.id() + " (" + o.start() + ".." + o.end() + ")");
                    }
                }
                mine.add(c);
                staged.put(c.id(), c);
            }
            contracts.clear();
            contracts.putAll(staged);
        }

        @Override
        public synchronized List<Contract> contracts(EmployeeId employee) {
            return contracts.values().stream().filter(c -> c.employeeId().equals(employee))
                    .sorted(Comparator.comparing(Contract::start)).toList();
        }

        @Override
        public synchronized List<Contract> contractsOverlapping(LocalDate from, LocalDate to) {
            List<Contract> out = new ArrayList<>();
            for (Contract c : contracts.values()) {
                if (c.overlaps(from, to)) {
                    out.add(c);
                }
            }
            return out;
        }

        private static String key(String jurisdiction, String taxYear) {
            return jurisdiction + "|" + taxYear;
        }

        @Override
        public synchronized Map<EmployeeId, Map<String, Long>> ytd(String jurisdiction, String taxYear) {
            Map<EmployeeId, Map<String, Long>> m = ytd.get(key(jurisdiction, taxYear));
            if (m == null) {
                return Map.of();
            }
            return new HashMap<>(m); // the values are immutable LongMaps
        }

        @Override
        public synchronized Map<EmployeeId, Map<String, Long>> ytdDeltasFrom(String jurisdiction, String taxYear, YearMonth from) {
            Map<EmployeeId, Map<String, Long>> out = new HashMap<>();
            for (PayrollRun r : runs.values()) {
                if (!r.jurisdiction().equals(jurisdiction) || r.period().isBefore(from)) {
                    continue;
                }
                for (Payslip p : r.payslips()) {
                    if (!p.taxYear().equals(taxYear)) {
                        continue;
                    }
                    Map<String, Long> m = out.computeIfAbsent(p.employeeId(), k -> new HashMap<>());
                    p.ytdDelta().forEach((k, v) -> m.merge(k, v, MoneyMath::addExact));
                }
            }
            return out;
        }

        @Override
        public synchronized List<Payslip> approvedPayslips(String jurisdiction, YearMonth period) {
            List<Payslip> out = new ArrayList<>();
            for (PayrollRun r : runs.values()) {
                if (r.jurisdiction().equals(jurisdiction) && r.period().equals(period)) {
                    out.addAll(r.payslips());
                }
            }
            return out;
        }

        @Override
        public synchronized boolean regularRunApproved(String jurisdiction, YearMonth period) {
            for (PayrollRun r : runs.values()) {
                if (r.kind() == RunKind.REGULAR && r.jurisdiction().equals(jurisdiction) && r.period().equals(period)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public synchronized long version() {
            return version;
        }

        @Override
        public synchronized void saveApprovedRun(PayrollRun run, long expectedVersion, Runnable alsoInTransaction) {
            Check.notNull(run, "run");
            if (version != expectedVersion) {
                throw PayrollErrorCode.STALE_RUN.conflict("another run was approved since this one was computed (version "
                        + version + ", expected " + expectedVersion + ")");
            }
            if (runs.containsKey(run.id())) {
                throw PayrollErrorCode.PERIOD_ALREADY_APPROVED.conflict("run " + run.id() + " is already approved");
            }
            if (run.kind() == RunKind.REGULAR && regularRunApproved(run.jurisdiction(), run.period())) {
                throw PayrollErrorCode.PERIOD_ALREADY_APPROVED.rule("the " + run.jurisdiction() + " payroll of " + run.period() + " is already approved");
            }
            if (alsoInTransaction != null) {
                alsoInTransaction.run();
            }
            for (Payslip p : run.payslips()) {
                Map<EmployeeId, Map<String, Long>> year = ytd.computeIfAbsent(key(run.jurisdiction(), p.taxYear()), k -> new HashMap<>());
                year.put(p.employeeId(), LongMap.plus(year.getOrDefault(p.employeeId(), LongMap.EMPTY), p.ytdDelta()));
            }
            runs.put(run.id(), run);
            version++;
        }

        @Override
        public synchronized Optional<PayrollRun> run(PayrollRunId id) {
            return Optional.ofNullable(runs.get(id));
        }

        @Override
        public synchronized List<PayrollRun> runs(YearMonth period) {
            return runs.values().stream().filter(r -> r.period().equals(period)).map(PayrollRun::withoutPayslips).toList();
        }

        @Override
        public synchronized Optional<Payslip> payslip(PayrollRunId run, EmployeeId employee) {
            PayrollRun r = runs.get(run);
            if (r == null) {
                return Optional.empty();
            }
            return r.payslips().stream().filter(p -> p.employeeId().equals(employee)).findFirst();
        }
    }
}
