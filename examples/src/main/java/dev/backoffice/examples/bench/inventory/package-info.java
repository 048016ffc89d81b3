/** The inventory benchmark: flash sale on PostgreSQL against a textbook baseline, in-memory movements, valuation. */
package dev.backoffice.examples.bench.inventory;
