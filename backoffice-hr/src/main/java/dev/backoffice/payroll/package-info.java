/**
 * Payroll (public API; the root package of the hr jar): employees, contracts, tax profiles, runs,
 * payslips, the engine, the journal for the ledger, the {@code PayrollStore} SPI and the error
 * codes ({@link dev.backoffice.payroll.PayrollErrorCode}).
 */
package dev.backoffice.payroll;
