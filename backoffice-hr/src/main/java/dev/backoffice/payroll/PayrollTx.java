package dev.backoffice.payroll;

import java.util.List;

/**
 * The write unit of {@link TenantPayrollStore#write(java.util.function.Function)}: its writes and
 * reads run in one transaction, which commits when the work returns and rolls back when it
 * throws. Valid only while the work runs.
 */
public interface PayrollTx extends PayrollReads {

    /**
     * Creates or replaces an employee.
     *
     * @param employee the employee
     */
    void saveEmployee(Employee employee);

    /**
     * Creates or replaces many employees.
     *
     * @param employees the employees
     */
    void saveEmployees(List<Employee> employees);

    /**
     * Creates or replaces a contract (same id = a change).
     *
     * @param contract the contract
     * @throws dev.backoffice.core.error.NotFoundException      {@code payroll.employee_not_found} for an unknown employee
     * @throws dev.backoffice.core.error.RuleViolationException {@code payroll.contract_overlap} if it overlaps
     *                                                          another contract of the employee
     */
    void saveContract(Contract contract);

    /**
     * Creates or replaces many contracts, with the checks of {@link #saveContract}.
     *
     * @param contracts the contracts
     */
    void saveContracts(List<Contract> contracts);

    /**
     * Saves an approved run, its payslips and journal, and adds its payslips' deltas to the
     * year-to-date accumulators, if the tenant's {@link #version()} is still
     * {@code expectedVersion}; the version then moves on by one. Locks the tenant's payroll
     * state until the write ends, so approvals of one tenant serialize.
     *
     * <p>The run id is the write's identity: when the store reruns the write after a commit
     * whose outcome was unknown and finds this very run stored, that earlier attempt landed,
     * and this call writes nothing and answers {@code false}, so the work must not write what
     * went with the run (its audit record) again.
     *
     * @param run             the approved run
     * @param expectedVersion the version the run was computed at
     * @return true if this call stored the run; false if an earlier attempt of this write had
     *         stored it (nothing was written now)
     * @throws dev.backoffice.core.error.ConflictException      {@code payroll.stale_run} if the
     *                                                          version moved since {@code expectedVersion}
     * @throws dev.backoffice.core.error.RuleViolationException {@code payroll.period_already_approved}
     *                                                          for a second regular run of a period
     */
    boolean saveApprovedRun(PayrollRun run, long expectedVersion);
}
