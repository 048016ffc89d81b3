/** The in-memory inventory store, for tests, demos and single-process tools. */
package dev.backoffice.inventory.memory;
