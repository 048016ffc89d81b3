/**
 * The jurisdiction plug-in SPI: the pipeline of payroll steps, calculation context, year-to-date
 * view and parameter files.
 */
package dev.backoffice.payroll.jurisdiction;
