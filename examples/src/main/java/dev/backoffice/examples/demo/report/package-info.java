/**
 * The demo's HTML report (charts and tables).
 */
package dev.backoffice.examples.demo.report;
