package dev.backoffice.payroll.internal;

import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.logging.LogContext;
import dev.backoffice.core.metrics.Meters;
import dev.backoffice.core.metrics.MetricsRecorder;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.payroll.Contract;
import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.EmployeeId;
import dev.backoffice.payroll.EmployerSettings;
import dev.backoffice.payroll.PayrollErrorCode;
import dev.backoffice.payroll.PayrollLimits;
import dev.backoffice.payroll.PayrollRun;
import dev.backoffice.payroll.PayrollRunId;
import dev.backoffice.payroll.PayrollStore;
import dev.backoffice.payroll.Payslip;
import dev.backoffice.payroll.RunKind;
import dev.backoffice.payroll.RunRequest;
import dev.backoffice.payroll.TenantPayroll;
import dev.backoffice.payroll.TenantPayrollStore;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The per-tenant front door of payroll: checks arguments, puts the tenant and the operation
 * ({@code payroll.<method>}) in the MDC once per call, and hands the work to the store, the
 * {@link RunComputer} or the {@link Approval}.
 */
public final class TenantPayrollService implements TenantPayroll {

    private final TenantId tenant;
    private final TenantPayrollStore store;
    private final RunComputer computer;
    private final Approval approval;
    private final Function<TenantId, EmployerSettings> settings;
    private final MetricsRecorder metrics;

    private TenantPayrollService(TenantId tenant, TenantPayrollStore store, AuditStore audit, Clock clock, RunComputer computer,
                                 Function<TenantId, EmployerSettings> settings, MetricsRecorder metrics) {
        this.tenant = tenant;
        this.metrics = metrics;
        this.store = store;
        this.computer = computer;
        this.approval = new Approval(store, audit.forTenant(tenant), clock, computer);
        this.settings = settings;
    }

    /**
     * The payroll of {@code tenant}.
     *
     * @param store    the payroll store
     * @param tenant   the tenant
     * @param audit    where approvals are recorded
     * @param clock    the clock of computation and approval instants
     * @param computer computes runs
     * @param settings the employer settings of a tenant (asked at every run; never null)
     * @param metrics  where run durations are recorded
     * @return the front door
     */
    public static TenantPayroll create(PayrollStore store, TenantId tenant, AuditStore audit, Clock clock, RunComputer computer,
                                       Function<TenantId, EmployerSettings> settings, MetricsRecorder metrics) {
        return new TenantPayrollService(tenant, store.forTenant(tenant), audit, clock, computer, settings, metrics);
    }

    @Override
    public TenantId tenant() {
        return tenant;
    }

    private LogContext context(String operation) {
        return LogContext.open(tenant, operation);
    }

    @Override
    public void saveEmployee(Employee employee) {
        Check.notNull(employee, "employee");
        try (LogContext ignored = context("payroll.saveEmployee")) {
            store.write(tx -> {
                tx.saveEmployee(employee);
                return null;
            });
        }
    }

    @Override
    public void saveEmployees(List<Employee> employees) {
        Check.notNull(employees, "employees");
        try (LogContext ignored = context("payroll.saveEmployees")) {
            store.write(tx -> {
                tx.saveEmployees(employees);
                return null;
            });
        }
    }

    @Override
    public Optional<Employee> employee(EmployeeId id) {
        Check.notNull(id, "id");
        try (LogContext ignored = context("payroll.employee")) {
            return store.read().employee(id);
        }
    }

    @Override
    public List<Employee> employees() {
        try (LogContext ignored = context("payroll.employees")) {
            return store.read().employees();
        }
    }

    @Override
    public void saveContract(Contract contract) {
        Check.notNull(contract, "contract");
        try (LogContext ignored = context("payroll.saveContract")) {
            store.write(tx -> {
                tx.saveContract(contract);
                return null;
            });
        }
    }

    @Override
    public void saveContracts(List<Contract> contracts) {
        Check.notNull(contracts, "contracts");
        try (LogContext ignored = context("payroll.saveContracts")) {
            store.write(tx -> {
                tx.saveContracts(contracts);
                return null;
            });
        }
    }

    @Override
    public List<Contract> contracts(EmployeeId employee) {
        Check.notNull(employee, "employee");
        try (LogContext ignored = context("payroll.contracts")) {
            return store.read().contracts(employee);
        }
    }

    @Override
    public PayrollRun preview(RunRequest request) {
        Check.notNull(request, "request");
        try (LogContext ignored = context("payroll.preview")) {
            long start = System.nanoTime();
            PayrollRun run = computer.compute(store.read(), settings.apply(tenant), request, null).run();
            timed("preview", request, start);
            return run;
        }
    }

    @Override
    public Payslip preview(RunRequest request, EmployeeId employee) {
        Check.notNull(request, "request");
        Check.notNull(employee, "employee");
        try (LogContext ignored = context("payroll.preview")) {
            List<Payslip> slips = computer.compute(store.read(), settings.apply(tenant), request, employee).run().payslips();
            if (slips.isEmpty()) {
                if (request.kind() == RunKind.CORRECTION) {
                    throw PayrollErrorCode.NOTHING_TO_CORRECT.rule("employee " + employee + " has no difference to correct in " + request.period());
                }
                throw PayrollErrorCode.NO_CONTRACT.invalid("employee", "has no contract in " + request.period(), employee);
            }
            return slips.get(0);
        }
    }

    @Override
    public PayrollRun approve(RunRequest request, String actor) {
        Check.notNull(request, "request");
        Check.text(actor, "actor", PayrollLimits.MAX_ACTOR_LENGTH);
        try (LogContext ignored = context("payroll.approve")) {
            long start = System.nanoTime();
            PayrollRun run = approval.approve(request, actor, settings.apply(tenant));
            timed("approve", request, start);
            return run;
        }
    }

    /** Records a whole run's duration (a one-employee preview is not a run, so it is not timed). */
    private void timed(String step, RunRequest request, long startNanos) {
        metrics.time(Meters.PAYROLL_RUN, System.nanoTime() - startNanos, "step", step, "jurisdiction", request.jurisdiction());
    }

    @Override
    public Optional<PayrollRun> run(PayrollRunId id) {
        Check.notNull(id, "id");
        try (LogContext ignored = context("payroll.run")) {
            return store.read().run(id);
        }
    }

    @Override
    public List<PayrollRun> runs(YearMonth period) {
        Check.notNull(period, "period");
        try (LogContext ignored = context("payroll.runs")) {
            return store.read().runs(period);
        }
    }

    @Override
    public Optional<Payslip> payslip(PayrollRunId run, EmployeeId employee) {
        Check.notNull(run, "run");
        Check.notNull(employee, "employee");
        try (LogContext ignored = context("payroll.payslip")) {
            return store.read().payslip(run, employee);
        }
    }
}
