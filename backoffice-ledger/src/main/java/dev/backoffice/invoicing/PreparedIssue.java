package dev.backoffice.invoicing;

import dev.backoffice.ledger.EntryRequest;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The issue of a new invoice, checked and computed outside any transaction: everything but its
 * sequence number. {@link TenantInvoicing} makes it and hands it to
 * {@link TenantInvoiceStore#issue(PreparedIssue)}; a store only calls it. Bad input was refused
 * while it was made, so an issue that reaches a store consumes a number only if it lands.
 *
 * <p>A store may run it in two ways, and both store the same invoice: alone, as
 * {@link #issueIn} in one unit of work (what the default store method does), or together with
 * other issues of the same series and period in one transaction (what the JDBC store does with
 * concurrent callers): it then takes {@code n} consecutive sequences of the counter at once, asks
 * each issue for its {@link #numbered} invoice in queue order, stores them, and hands all their
 * {@link #entry entries} to one {@link #postAll} call in the same transaction.
 */
public interface PreparedIssue {

    /** The invoice's identity, given before the first attempt. */
    InvoiceId id();

    /** The code of the series that numbers it. */
    String series();

    /** The numbering period (of its issue date) whose counter gives the sequence. */
    NumberingPeriod period();

    /**
     * Whether a document may already be stored under {@link #id()} (the caller chose the id, so
     * this may be a retry): a store that does not run {@link #issueIn} must look the id up first
     * and, if it is taken, run {@link #issueIn} instead (which answers the retry).
     */
    boolean mayExist();

    /**
     * The issued invoice carrying {@code sequence} (its number formatted by the series, the
     * lifecycle's {@code ISSUE} fired, its invariants checked), at the version and with the
     * creation instant the one-by-one path stores. It throws only on a bug.
     */
    Invoice numbered(long sequence);

    /** The journal entry of {@code numbered} (an invoice from {@link #numbered}), or empty when it posts nothing. */
    Optional<EntryRequest> entry(Invoice numbered);

    /**
     * Posts the given entries as one atomic batch in the calling thread's transaction (the
     * ledger joins it when it shares the data source). A refused entry leaves as
     * {@link dev.backoffice.ledger.BatchRejectedException} naming its index. The entries' ids are
     * those of invoices the store has just found not stored, so they are posted as new
     * ({@link dev.backoffice.ledger.TenantLedger#postAllNew}: not looked up first; a taken one
     * fails the batch and the store's transaction with it). Every issue
     * prepared by one {@link TenantInvoicing} returns the same object here, so issues whose
     * posters are the same object may share one call.
     */
    Consumer<List<EntryRequest>> postAll();

    /**
     * The whole issue as one unit of work of its own in {@code tx}: looks the id up (a stored
     * invoice is answered as a retry), stores, numbers and posts, refusing with the typed error
     * of whatever is wrong (a closed ledger period, say). What a store runs when it does not
     * group issues, and for each issue of a group that failed.
     */
    Invoice issueIn(InvoiceTx tx);
}
