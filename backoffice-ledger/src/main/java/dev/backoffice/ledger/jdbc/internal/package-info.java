/**
 * Machinery of the JDBC ledger store (SQL, group commit, sequence blocks, caches). Not API: may
 * change in any release; nothing outside the ledger module may use it (an architecture test
 * enforces it).
 */
package dev.backoffice.ledger.jdbc.internal;
