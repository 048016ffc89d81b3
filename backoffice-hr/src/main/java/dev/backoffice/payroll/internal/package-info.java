/**
 * Payroll machinery (payslip assembly and encoding, number helpers). Not API: may change in any
 * release; nothing outside the hr module may use it (an architecture test enforces it).
 */
package dev.backoffice.payroll.internal;
