package dev.backoffice.invoicing.internal;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.invoicing.AgingReport;
import dev.backoffice.invoicing.Allocation;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceId;
import dev.backoffice.invoicing.InvoiceKind;
import dev.backoffice.invoicing.InvoiceReads;
import dev.backoffice.invoicing.InvoicingLimits;
import org.joda.money.Money;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the {@link AgingReport}: from the invoices open now (as of today or later), or, as of a
 * past date, from what was open on that date ({@link #asOfPast}).
 */
final class Aging {

    private static final LocalDate BEGINNING = LocalDate.of(1, 1, 1);

    private Aging() {
    }

    /**
     * The report as it stood at the end of the past day {@code asOf}: every invoice issued by then,
     * less what payments allocated to it by then (allocations and unallocations dated on or before
     * it) and what credit notes issued by then took back. Reads the invoices and credit notes
     * issued by {@code asOf} page by page and their allocations in one query per page; slower than
     * {@link #of} (which reads only the invoices open now), so used only for a past date.
     */
    static AgingReport asOfPast(LocalDate asOf, Optional<String> customer, InvoiceReads reads) {
        Map<InvoiceId, Invoice> invoices = new java.util.LinkedHashMap<>();
        Map<InvoiceId, Money> settled = new java.util.HashMap<>();
        Optional<InvoiceId> after = Optional.empty();
        while (true) {
            List<Invoice> page = reads.issuedBetween(BEGINNING, asOf, after, InvoicingLimits.MAX_PAGE_SIZE);
            List<InvoiceId> ids = new ArrayList<>();
            for (Invoice i : page) {
                if (i.kind() == InvoiceKind.CREDIT_NOTE) { // taken back by then: settles the invoice it corrects
                    settled.merge(i.corrects().orElseThrow(), i.gross().negated(), MoneyMath::plus);
                } else if (i.kind() == InvoiceKind.INVOICE && (customer.isEmpty() || customer.get().equals(i.customer()))) {
                    invoices.put(i.id(), i);
                    ids.add(i.id());
                }
            }
            for (Allocation a : reads.allocationsTo(ids)) {
                if (!a.date().isAfter(asOf)) {
                    settled.merge(a.invoice(), a.amount(), MoneyMath::plus);
                }
            }
            if (page.size() < InvoicingLimits.MAX_PAGE_SIZE) {
                break;
            }
            after = Optional.of(page.get(page.size() - 1).id());
        }
        Map<String, Money[]> rows = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (Invoice i : invoices.values()) {
            Money open = MoneyMath.minus(i.gross(), settled.getOrDefault(i.id(), Money.zero(i.currency())));
            if (!open.isPositive()) {
                continue;
            }
            add(rows, counts, i, open, asOf);
        }
        return report(asOf, rows, counts);
    }

    private static void add(Map<String, Money[]> rows, Map<String, Integer> counts, Invoice i, Money open, LocalDate asOf) {
        String key = i.customer() + "\u0000" + i.currency().getCode();
        Money[] b = rows.computeIfAbsent(key, k -> zeros(i));
        int bucket = bucket(ChronoUnit.DAYS.between(i.dueDate().orElseThrow(), asOf));
        b[bucket] = MoneyMath.plus(b[bucket], open);
        counts.merge(key, 1, Integer::sum);
    }

    private static AgingReport report(LocalDate asOf, Map<String, Money[]> rows, Map<String, Integer> counts) {
        List<AgingReport.Row> out = new ArrayList<>(rows.size());
        rows.forEach((key, b) -> out.add(new AgingReport.Row(key.substring(0, key.indexOf('\u0000')), b[0].getCurrencyUnit(),
                b[0], b[1], b[2], b[3], b[4], counts.get(key))));
        return new AgingReport(asOf, out);
    }

    static AgingReport of(LocalDate asOf, Optional<String> customer, InvoiceReads reads) {
        Map<String, Money[]> rows = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        Optional<InvoiceId> after = Optional.empty();
        while (true) {
            List<Invoice> page = reads.openInvoices(after, InvoicingLimits.MAX_PAGE_SIZE);
            for (Invoice i : page) {
                if (i.issueDate().isEmpty() || i.issueDate().get().isAfter(asOf)
                        || (customer.isPresent() && !customer.get().equals(i.customer()))) {
                    continue;
                }
                String key = i.customer() + "\u0000" + i.currency().getCode();
                Money[] b = rows.computeIfAbsent(key, k -> zeros(i));
                int bucket = bucket(ChronoUnit.DAYS.between(i.dueDate().orElseThrow(), asOf));
                b[bucket] = MoneyMath.plus(b[bucket], i.open());
                counts.merge(key, 1, Integer::sum);
            }
            if (page.size() < InvoicingLimits.MAX_PAGE_SIZE) {
                break;
            }
            after = Optional.of(page.get(page.size() - 1).id());
        }
        List<AgingReport.Row> out = new ArrayList<>(rows.size());
        rows.forEach((key, b) -> out.add(new AgingReport.Row(key.substring(0, key.indexOf('\u0000')), b[0].getCurrencyUnit(),
                b[0], b[1], b[2], b[3], b[4], counts.get(key))));
        return new AgingReport(asOf, out);
    }

    /** 0 current (not overdue), 1: 1-30, 2: 31-60, 3: 61-90, 4: over 90 days. */
    static int bucket(long daysOverdue) {
        if (daysOverdue <= 0) {
            return 0;
        }
        if (daysOverdue <= 30) {
            return 1;
        }
        if (daysOverdue <= 60) {
            return 2;
        }
        return daysOverdue <= 90 ? 3 : 4;
    }

    private static Money[] zeros(Invoice i) {
        Money z = Money.zero(i.currency());
        return new Money[] {z, z, z, z, z};
    }
}
