/** The in-memory invoice store, for tests, demos and single-process tools. */
package dev.backoffice.invoicing.memory;
