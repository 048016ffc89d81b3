/**
 * Documented glue where two domains meet (payroll journal to the ledger, documents to the
 * archive), small enough to copy.
 */
package dev.backoffice.examples.glue;
