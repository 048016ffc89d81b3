/**
 * The general ledger (public API): accounts, journal entries, two-phase transfers, batches,
 * periods and reports through {@code Ledger} and {@code TenantLedger}, the store SPI
 * ({@code LedgerStore} → {@code TenantLedgerStore} with its {@code LedgerReads} and
 * {@code LedgerTx}), limits ({@link dev.backoffice.ledger.LedgerLimits}) and error codes ({@link
 * dev.backoffice.ledger.LedgerErrorCode}).
 */
package dev.backoffice.ledger;
