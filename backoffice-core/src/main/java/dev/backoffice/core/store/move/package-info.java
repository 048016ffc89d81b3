/**
 * Moving a tenant online from one database to another: fence, export, import, verify, switch
 * ({@link dev.backoffice.core.store.move.TenantMove}), journaled in the fence rows so that a move
 * interrupted at any step is run again or rolled back.
 */
package dev.backoffice.core.store.move;
