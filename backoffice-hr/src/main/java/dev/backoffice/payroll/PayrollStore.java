package dev.backoffice.payroll;

import dev.backoffice.core.store.MultiTenantStore;

/**
 * Where employees, contracts, approved runs, payslips and year-to-date accumulators live: the
 * store SPI (persistence, atomicity and locking; the rules are the engine's). Its only door is
 * {@link #forTenant(dev.backoffice.core.tenant.TenantId)}, which gives the tenant's
 * {@link TenantPayrollStore}. Implementations:
 * {@link dev.backoffice.payroll.memory.InMemoryPayrollStore} and
 * {@link dev.backoffice.payroll.jdbc.JdbcPayrollStore}; both pass one contract test suite.
 */
public interface PayrollStore extends MultiTenantStore<TenantPayrollStore> {
}
