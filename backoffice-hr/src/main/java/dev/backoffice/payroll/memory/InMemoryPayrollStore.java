package dev.backoffice.payroll.memory;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.store.TenantScope;
import dev.backoffice.core.store.TenantScopedStore;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.payroll.Contract;
import dev.backoffice.payroll.ContractId;
import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.EmployeeId;
import dev.backoffice.payroll.PayrollErrorCode;
import dev.backoffice.payroll.PayrollReads;
import dev.backoffice.payroll.PayrollRun;
import dev.backoffice.payroll.PayrollRunId;
import dev.backoffice.payroll.PayrollStore;
import dev.backoffice.payroll.PayrollTx;
import dev.backoffice.payroll.Payslip;
import dev.backoffice.payroll.RunKind;
import dev.backoffice.payroll.TenantPayrollStore;
import dev.backoffice.payroll.internal.LongMap;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Payroll data in memory: for tests, demos and the in-memory benchmark. Thread-safe: each
 * tenant's data is guarded by one lock, held by every read and for the whole of a write.
 *
 * <p>A write changes the data in place and keeps an undo log; when its work throws, the log is
 * played back, so a write lands whole or not at all. A write begun inside another write of the
 * same tenant on the same thread joins it (as a JDBC write joins an enclosing transaction).
 */
public final class InMemoryPayrollStore extends TenantScopedStore<TenantPayrollStore> implements PayrollStore {

    private InMemoryPayrollStore() {
        super(Handles.KEPT);
    }

    /**
     * An empty store.
     *
     * @return the store
     */
    public static InMemoryPayrollStore create() {
        return new InMemoryPayrollStore();
    }

    @Override
    protected TenantPayrollStore open(TenantId tenant) {
        return new Tenant(tenant);
    }

    /** One tenant's data, its read view and its writes; every access holds this object's lock. */
    private static final class Tenant extends TenantScope implements TenantPayrollStore {
        private final Map<EmployeeId, Employee> employees = new TreeMap<>();
        /** Replaced, not changed, by a contract write (it checks a staged copy), so undo restores the old map. */
        private Map<ContractId, Contract> contracts = new LinkedHashMap<>();
        /** Year-to-date by {@code jurisdiction|taxYear}; an approval replaces the year maps it touches. */
        private final Map<String, Map<EmployeeId, Map<String, Long>>> ytd = new HashMap<>();
        private final Map<PayrollRunId, PayrollRun> runs = new LinkedHashMap<>();
        private long version;
        private final PayrollReads reads = new Reads();
        /** The write in progress; only the thread holding the lock can see it set. */
        private Tx open;

        Tenant(TenantId tenant) {
            super(tenant);
        }

        @Override
        public PayrollReads read() {
            return reads;
        }

        @Override
        public <T> T write(Function<? super PayrollTx, ? extends T> work) {
            Check.notNull(work, "work");
            synchronized (this) {
                if (open != null) {
                    return work.apply(open); // joins the enclosing write of this thread
                }
                Tx tx = new Tx();
                open = tx;
                try {
                    return work.apply(tx);
                } catch (RuntimeException | Error e) {
                    tx.undo();
                    throw e;
                } finally {
                    open = null;
                    tx.closed = true;
                }
            }
        }

        // ---- reads (the caller holds the lock) ---------------------------------------------

        private static String key(String jurisdiction, String taxYear) {
            return jurisdiction + "|" + taxYear;
        }

        private List<Contract> contractsOf(EmployeeId employee) {
            return contracts.values().stream().filter(c -> c.employeeId().equals(employee))
                    .sorted(Comparator.comparing(Contract::start)).toList();
        }

        private List<Contract> overlapping(LocalDate from, LocalDate to) {
            List<Contract> out = new ArrayList<>();
            for (Contract c : contracts.values()) {
                if (c.overlaps(from, to)) {
                    out.add(c);
                }
            }
            return out;
        }

        private Map<EmployeeId, Map<String, Long>> ytdOf(String jurisdiction, String taxYear) {
            Map<EmployeeId, Map<String, Long>> m = ytd.get(key(jurisdiction, taxYear));
            return m == null ? Map.of() : new HashMap<>(m); // the values are immutable LongMaps
        }

        private Map<EmployeeId, Map<String, Long>> deltasFrom(String jurisdiction, String taxYear, YearMonth from) {
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

        private List<Payslip> approved(String jurisdiction, YearMonth period) {
            List<Payslip> out = new ArrayList<>();
            for (PayrollRun r : runs.values()) {
                if (r.jurisdiction().equals(jurisdiction) && r.period().equals(period)) {
                    out.addAll(r.payslips());
                }
            }
            return out;
        }

        private boolean regularApproved(String jurisdiction, YearMonth period) {
            for (PayrollRun r : runs.values()) {
                if (r.kind() == RunKind.REGULAR && r.jurisdiction().equals(jurisdiction) && r.period().equals(period)) {
                    return true;
                }
            }
            return false;
        }

        private List<PayrollRun> runsOf(YearMonth period) {
            return runs.values().stream().filter(r -> r.period().equals(period)).map(PayrollRun::withoutPayslips).toList();
        }

        private Optional<Payslip> payslipOf(PayrollRunId run, EmployeeId employee) {
            PayrollRun r = runs.get(run);
            if (r == null) {
                return Optional.empty();
            }
            return r.payslips().stream().filter(p -> p.employeeId().equals(employee)).findFirst();
        }

        /** The reads, each run by {@link #locked}: under the lock (committed data) or inside the write. */
        private abstract class View implements PayrollReads {

            abstract <T> T locked(Supplier<T> read);

            @Override
            public TenantId tenant() {
                return tenant;
            }

            @Override
            public Optional<Employee> employee(EmployeeId id) {
                return locked(() -> Optional.ofNullable(employees.get(id)));
            }

            @Override
            public List<Employee> employees() {
                return locked(() -> List.copyOf(employees.values()));
            }

            @Override
            public List<Contract> contracts(EmployeeId employee) {
                return locked(() -> contractsOf(employee));
            }

            @Override
            public List<Contract> contractsOverlapping(LocalDate from, LocalDate to) {
                return locked(() -> overlapping(from, to));
            }

            @Override
            public Map<EmployeeId, Map<String, Long>> ytd(String jurisdiction, String taxYear) {
                return locked(() -> ytdOf(jurisdiction, taxYear));
            }

            @Override
            public Map<EmployeeId, Map<String, Long>> ytdDeltasFrom(String jurisdiction, String taxYear, YearMonth from) {
                return locked(() -> deltasFrom(jurisdiction, taxYear, from));
            }

            @Override
            public List<Payslip> approvedPayslips(String jurisdiction, YearMonth period) {
                return locked(() -> approved(jurisdiction, period));
            }

            @Override
            public boolean regularRunApproved(String jurisdiction, YearMonth period) {
                return locked(() -> regularApproved(jurisdiction, period));
            }

            @Override
            public long version() {
                return locked(() -> version);
            }

            @Override
            public Optional<PayrollRun> run(PayrollRunId id) {
                return locked(() -> Optional.ofNullable(runs.get(id)));
            }

            @Override
            public List<PayrollRun> runs(YearMonth period) {
                return locked(() -> runsOf(period));
            }

            @Override
            public Optional<Payslip> payslip(PayrollRunId run, EmployeeId employee) {
                return locked(() -> payslipOf(run, employee));
            }
        }

        /** Committed data: each read takes the lock on its own. */
        private final class Reads extends View {
            @Override
            <T> T locked(Supplier<T> read) {
                synchronized (Tenant.this) {
                    return read.get();
                }
            }
        }

        /** A write in progress: the lock is held; each change pushes its inverse on the undo log. */
        private final class Tx extends View implements PayrollTx {
            private final Deque<Runnable> undo = new ArrayDeque<>();
            private boolean closed;

            private void undo() {
                while (!undo.isEmpty()) {
                    undo.pop().run();
                }
            }

            private void checkOpen() {
                if (closed) {
                    throw new IllegalStateException("this write has ended: use its unit only inside the work");
                }
            }

            @Override
            <T> T locked(Supplier<T> read) {
                checkOpen(); // the write holds the lock
                return read.get();
            }

            @Override
            public void saveEmployee(Employee employee) {
                saveEmployees(List.of(Check.notNull(employee, "employee")));
            }

            @Override
            public void saveEmployees(List<Employee> list) {
                checkOpen();
                Check.notNull(list, "employees");
                list.forEach(e -> Check.notNull(e, "employee"));
                for (Employee e : list) {
                    EmployeeId id = e.id();
                    Employee before = employees.put(id, e);
                    undo.push(before == null ? () -> employees.remove(id) : () -> employees.put(id, before));
                }
            }

            @Override
            public void saveContract(Contract contract) {
                saveContracts(List.of(Check.notNull(contract, "contract")));
            }

            @Override
            public void saveContracts(List<Contract> list) {
                checkOpen();
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
                Map<ContractId, Contract> before = contracts;
                contracts = staged;
                undo.push(() -> contracts = before);
            }

            @Override
            public boolean saveApprovedRun(PayrollRun run, long expectedVersion) {
                checkOpen();
                Check.notNull(run, "run");
                if (version != expectedVersion) {
                    throw PayrollErrorCode.STALE_RUN.conflict("another run was approved since this one was computed (version "
                            + version + ", expected " + expectedVersion + ")");
                }
                if (runs.containsKey(run.id())) {
                    throw PayrollErrorCode.PERIOD_ALREADY_APPROVED.conflict("run " + run.id() + " is already approved");
                }
                if (run.kind() == RunKind.REGULAR && regularApproved(run.jurisdiction(), run.period())) {
                    throw PayrollErrorCode.PERIOD_ALREADY_APPROVED.rule("the " + run.jurisdiction() + " payroll of " + run.period() + " is already approved");
                }
                Map<String, Map<EmployeeId, Map<String, Long>>> touched = new HashMap<>();
                for (Payslip p : run.payslips()) {
                    String k = key(run.jurisdiction(), p.taxYear());
                    Map<EmployeeId, Map<String, Long>> year = touched.computeIfAbsent(k, x -> {
                        Map<EmployeeId, Map<String, Long>> before = ytd.get(x);
                        undo.push(before == null ? () -> ytd.remove(x) : () -> ytd.put(x, before));
                        Map<EmployeeId, Map<String, Long>> copy = before == null ? new HashMap<>() : new HashMap<>(before);
                        ytd.put(x, copy);
                        return copy;
                    });
                    year.put(p.employeeId(), LongMap.plus(year.getOrDefault(p.employeeId(), LongMap.EMPTY), p.ytdDelta()));
                }
                runs.put(run.id(), run);
                undo.push(() -> runs.remove(run.id()));
                long before = version;
                version = before + 1;
                undo.push(() -> version = before);
                return true;
            }
        }
    }
}
