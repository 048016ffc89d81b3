/**
 * The in-memory document store, for tests and single-process use.
 */
package dev.backoffice.docs.memory;
