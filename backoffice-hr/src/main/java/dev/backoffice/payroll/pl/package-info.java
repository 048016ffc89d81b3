/**
 * Polish payroll rules and their yearly parameters.
 */
package dev.backoffice.payroll.pl;
