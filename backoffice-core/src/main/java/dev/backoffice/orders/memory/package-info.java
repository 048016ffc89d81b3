/**
 * The in-memory order store, for tests and single-process use.
 */
package dev.backoffice.orders.memory;
