/**
 * The in-memory payroll store, for tests and single-process use.
 */
package dev.backoffice.payroll.memory;
