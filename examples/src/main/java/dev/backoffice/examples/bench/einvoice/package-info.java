/** Throughput of the e-invoice writers and readers (issue #16: FA(3) and UBL writing, validation measured apart). */
package dev.backoffice.examples.bench.einvoice;
