package dev.backoffice.payroll;

import dev.backoffice.core.tenant.TenantId;

/**
 * Where employees, contracts, approved runs, payslips and year-to-date accumulators live.
 * Implementations: {@link dev.backoffice.payroll.memory.InMemoryPayrollStore} and
 * {@link dev.backoffice.payroll.jdbc.JdbcPayrollStore}; both pass one contract test suite.
 */
public interface PayrollStore {
    /** The data of one tenant: every read and write through it is scoped to that tenant. */
    TenantPayrollStore forTenant(TenantId tenant);
}
