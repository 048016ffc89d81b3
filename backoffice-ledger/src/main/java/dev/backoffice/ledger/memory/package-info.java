/**
 * The in-memory ledger store, for tests and single-process use.
 */
package dev.backoffice.ledger.memory;
