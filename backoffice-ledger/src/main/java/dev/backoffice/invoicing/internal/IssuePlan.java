package dev.backoffice.invoicing.internal;

import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceId;
import dev.backoffice.invoicing.InvoiceTx;
import dev.backoffice.invoicing.NumberingPeriod;
import dev.backoffice.invoicing.PreparedIssue;
import dev.backoffice.ledger.EntryRequest;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * The {@link PreparedIssue} {@link InvoicingService} hands to its store: the service's own
 * computations, bound to one invoice. Holds no state of its own.
 */
public final class IssuePlan implements PreparedIssue {

    private final InvoiceId id;
    private final String series;
    private final NumberingPeriod period;
    private final boolean mayExist;
    private final LongFunction<Invoice> numbered;
    private final Function<Invoice, Optional<EntryRequest>> entry;
    private final Consumer<List<EntryRequest>> postAll;
    private final Function<InvoiceTx, Invoice> alone;

    private IssuePlan(InvoiceId id, String series, NumberingPeriod period, boolean mayExist, LongFunction<Invoice> numbered,
                      Function<Invoice, Optional<EntryRequest>> entry, Consumer<List<EntryRequest>> postAll,
                      Function<InvoiceTx, Invoice> alone) {
        this.id = id;
        this.series = series;
        this.period = period;
        this.mayExist = mayExist;
        this.numbered = numbered;
        this.entry = entry;
        this.postAll = postAll;
        this.alone = alone;
    }

    /** The plan of issuing {@code id}; see {@link PreparedIssue} for what each part does. */
    public static IssuePlan create(InvoiceId id, String series, NumberingPeriod period, boolean mayExist, LongFunction<Invoice> numbered,
                                   Function<Invoice, Optional<EntryRequest>> entry, Consumer<List<EntryRequest>> postAll,
                                   Function<InvoiceTx, Invoice> alone) {
        return new IssuePlan(id, series, period, mayExist, numbered, entry, postAll, alone);
    }

    @Override
    public InvoiceId id() {
        return id;
    }

    @Override
    public String series() {
        return series;
    }

    @Override
    public NumberingPeriod period() {
        return period;
    }

    @Override
    public boolean mayExist() {
        return mayExist;
    }

    @Override
    public Invoice numbered(long sequence) {
        return numbered.apply(sequence);
    }

    @Override
    public Optional<EntryRequest> entry(Invoice numbered) {
        return entry.apply(numbered);
    }

    @Override
    public Consumer<List<EntryRequest>> postAll() {
        return postAll;
    }

    @Override
    public Invoice issueIn(InvoiceTx tx) {
        return alone.apply(tx);
    }
}
