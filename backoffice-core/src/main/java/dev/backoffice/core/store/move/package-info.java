/**
 * Moving a tenant online from one database to another in two phases: a snapshot copy and
 * catch-up while the tenant keeps writing, then a short fenced delta, verify, switch
 * ({@link dev.backoffice.core.store.move.TenantMove}), journaled in the fence rows so that a move
 * interrupted at any step is run again or rolled back.
 */
package dev.backoffice.core.store.move;
