/** The invoicing benchmark: issuing into one series, gap-free, each invoice with its journal entry. */
package dev.backoffice.examples.bench.invoicing;
