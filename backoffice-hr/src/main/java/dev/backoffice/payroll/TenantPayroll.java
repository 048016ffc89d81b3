package dev.backoffice.payroll;

import dev.backoffice.core.tenant.TenantId;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * One tenant's payroll: its employees and contracts, and its runs (preview, approve, read back).
 * Obtained from {@link PayrollEngine#forTenant(TenantId)}; every call is scoped to
 * {@link #tenant()} and runs with the tenant and the operation ({@code payroll.<method>}) in the
 * SLF4J MDC.
 *
 * <pre>{@code
 * TenantPayroll acme = engine.forTenant(TenantId.of("acme"));
 * acme.saveEmployee(anna);
 * acme.saveContract(annasContract);
 * PayrollRun preview = acme.preview(RunRequest.regular("PL", YearMonth.of(2026, 1)));
 * PayrollRun approved = acme.approve(RunRequest.regular("PL", YearMonth.of(2026, 1)), "anna@hr");
 * }</pre>
 *
 * <p>A run computes every employee of the tenant who has the jurisdiction's profile and a
 * contract in the period. It is deterministic: the same data and request give the same
 * payslips. {@link #approve} recomputes, stores the run, its payslips and journal and the
 * year-to-date totals in one transaction together with an audit record
 * ({@code payroll.run_approved}); an approved run never changes. A second regular run of an
 * approved period fails with {@code payroll.period_already_approved}: correct it with a
 * {@link RunKind#CORRECTION} run, whose payslips carry the difference from what was approved.
 *
 * <p>Before computing, a run refuses any amount not in the jurisdiction's currency
 * ({@code payroll.currency_mismatch}, naming each field) and an employee born after the pay date
 * ({@code payroll.birth_date_in_future}). Thread-safe.
 */
public interface TenantPayroll {

    /**
     * The tenant every call of this handle is scoped to.
     *
     * @return the tenant
     */
    TenantId tenant();

    /**
     * Creates or replaces an employee.
     *
     * @param employee the employee
     */
    void saveEmployee(Employee employee);

    /**
     * Creates or replaces many employees, all or none.
     *
     * @param employees the employees
     */
    void saveEmployees(List<Employee> employees);

    /**
     * The employee, if known.
     *
     * @param id the employee's id
     * @return the employee, or empty
     */
    Optional<Employee> employee(EmployeeId id);

    /**
     * Every employee, ordered by id.
     *
     * @return the employees
     */
    List<Employee> employees();

    /**
     * Creates or replaces a contract (same id = a change of it).
     *
     * @param contract the contract
     * @throws dev.backoffice.core.error.NotFoundException      {@code payroll.employee_not_found} for an unknown employee
     * @throws dev.backoffice.core.error.RuleViolationException {@code payroll.contract_overlap} if it overlaps
     *                                                          another contract of the employee (nothing is written)
     */
    void saveContract(Contract contract);

    /**
     * Creates or replaces many contracts, all or none, with the checks of {@link #saveContract}.
     *
     * @param contracts the contracts
     */
    void saveContracts(List<Contract> contracts);

    /**
     * The employee's contracts, by start date.
     *
     * @param employee the employee's id
     * @return the contracts, possibly none
     */
    List<Contract> contracts(EmployeeId employee);

    /**
     * Computes a run without storing anything.
     *
     * @param request what to run
     * @return the run, with status {@link RunStatus#PREVIEW}
     * @throws dev.backoffice.core.error.InvalidRequestException {@code payroll.unknown_jurisdiction},
     *         {@code payroll.currency_mismatch}, {@code payroll.birth_date_in_future}...
     * @throws dev.backoffice.core.error.RuleViolationException {@code payroll.period_already_approved} for a
     *         regular run of an approved period, {@code payroll.nothing_to_correct} for a correction of one not approved
     */
    PayrollRun preview(RunRequest request);

    /**
     * Computes one stored employee's payslip of a run without computing the rest of the tenant
     * and without storing anything: the payslip that {@link #preview(RunRequest)} would show for
     * that employee (for a correction request, the difference). Inputs of other employees in the
     * request are ignored.
     *
     * @param request  what to run
     * @param employee whose payslip
     * @return the payslip
     * @throws dev.backoffice.core.error.NotFoundException {@code payroll.employee_not_found} if the tenant has
     *         no such employee of the jurisdiction
     * @throws dev.backoffice.core.error.InvalidRequestException {@code payroll.no_contract_in_period} if the
     *         employee has no contract in the period
     */
    Payslip preview(RunRequest request, EmployeeId employee);

    /**
     * Computes and approves a run: stores it with its payslips, journal and year-to-date totals
     * and appends {@code payroll.run_approved} to the tenant's audit log, all or nothing. A run
     * computed while another approval of the tenant landed is computed again (a few times),
     * then refused with {@code payroll.stale_run}.
     *
     * @param request what to run
     * @param actor   who approves (at most {@link PayrollLimits#MAX_ACTOR_LENGTH} characters)
     * @return the approved run
     * @throws dev.backoffice.core.error.ConflictException {@code payroll.stale_run}
     * @throws dev.backoffice.core.error.RuleViolationException {@code payroll.period_already_approved},
     *         {@code payroll.nothing_to_correct}
     */
    PayrollRun approve(RunRequest request, String actor);

    /**
     * An approved run with its payslips.
     *
     * @param id the run's id
     * @return the run, or empty
     */
    Optional<PayrollRun> run(PayrollRunId id);

    /**
     * The approved runs of a period (headers without payslips: the regular run and its
     * corrections), in approval order.
     *
     * @param period the period
     * @return the runs
     */
    List<PayrollRun> runs(YearMonth period);

    /**
     * One payslip of an approved run.
     *
     * @param run      the run's id
     * @param employee the employee's id
     * @return the payslip, or empty
     */
    Optional<Payslip> payslip(PayrollRunId run, EmployeeId employee);
}
