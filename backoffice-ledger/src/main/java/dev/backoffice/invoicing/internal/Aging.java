package dev.backoffice.invoicing.internal;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.invoicing.AgingReport;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceId;
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

/** Builds the {@link AgingReport} from the open invoices. */
final class Aging {

    private Aging() {
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
