/**
 * The ledger's rule engine, service and internal invariants, shared by every store. Not API: may
 * change in any release; nothing outside the ledger module may use it (an architecture test
 * enforces it).
 */
package dev.backoffice.ledger.internal;
