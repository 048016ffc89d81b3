/**
 * United Kingdom payroll rules (PAYE, National Insurance, student loans) and their yearly
 * parameters.
 */
package dev.backoffice.payroll.uk;
