package dev.backoffice.invoicing.internal;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceId;
import dev.backoffice.invoicing.InvoiceReads;
import dev.backoffice.invoicing.InvoicingLimits;
import dev.backoffice.invoicing.PayableReads;
import dev.backoffice.invoicing.PurchaseInvoice;
import dev.backoffice.invoicing.VatRate;
import dev.backoffice.invoicing.VatRegister;
import dev.backoffice.invoicing.VatTotal;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Builds a {@link VatRegister} from the documents of a period (see its Javadoc for which). */
final class VatRegisters {

    private static final CurrencyUnit PLN = CurrencyUnit.of("PLN");

    private VatRegisters() {
    }

    /** The register of {@code from..to} from the sales in {@code sales} and the purchases in {@code purchases} (may be null). */
    static VatRegister of(LocalDate from, LocalDate to, InvoiceReads sales, PayableReads purchases) {
        Map<String, Acc> rows = new TreeMap<>();
        Optional<InvoiceId> after = Optional.empty();
        while (true) {
            List<Invoice> page = sales.issuedBetween(from, to, after, InvoicingLimits.MAX_PAGE_SIZE);
            for (Invoice i : page) {
                boolean pl = i.seller().country().equals("PL");
                i.totals().forEach(t -> add(rows, VatRegister.Side.SALES, i.currency(), t, pl));
            }
            if (page.size() < InvoicingLimits.MAX_PAGE_SIZE) {
                break;
            }
            after = Optional.of(page.get(page.size() - 1).id());
        }
        if (purchases != null) {
            after = Optional.empty();
            while (true) {
                List<PurchaseInvoice> page = purchases.postedReceivedBetween(from, to, after, InvoicingLimits.MAX_PAGE_SIZE);
                for (PurchaseInvoice p : page) {
                    boolean pl = p.buyer().country().equals("PL");
                    for (VatTotal t : p.totals()) {
                        if (p.selfAssessed().isEmpty() || t.rate() != VatRate.PL_REVERSE_CHARGE) {
                            add(rows, VatRegister.Side.PURCHASES, p.currency(), t, pl);
                        }
                    }
                    // reverse charge: the self-assessed VAT is output VAT due and input VAT deducted alike
                    // (art. 86 ust. 2 pkt 4 ustawy o VAT); its rows replace the supplier's VAT-less "oo" row
                    for (VatTotal t : p.selfAssessed()) {
                        add(rows, VatRegister.Side.SALES, p.currency(), t, pl);
                        add(rows, VatRegister.Side.PURCHASES, p.currency(), t, pl);
                    }
                }
                if (page.size() < InvoicingLimits.MAX_PAGE_SIZE) {
                    break;
                }
                after = Optional.of(page.get(page.size() - 1).id());
            }
        }
        List<VatRegister.Row> out = new ArrayList<>(rows.size());
        rows.values().stream().sorted(Comparator.comparing((Acc a) -> a.side).thenComparing(a -> a.currency.getCode())
                .thenComparing(a -> a.rate)).forEach(a -> out.add(a.row()));
        return new VatRegister(from, to, out);
    }

    private static void add(Map<String, Acc> rows, VatRegister.Side side, CurrencyUnit currency, VatTotal t, boolean pl) {
        Acc a = rows.computeIfAbsent(side + "|" + currency.getCode() + "|" + t.rate(), k -> new Acc(side, currency, t.rate(), pl));
        a.documents++;
        a.net = MoneyMath.plus(a.net, t.net());
        a.vat = MoneyMath.plus(a.vat, t.vat());
        if (a.netPln != null) {
            if (currency.equals(PLN)) {
                a.netPln = MoneyMath.plus(a.netPln, t.net());
                a.vatPln = MoneyMath.plus(a.vatPln, t.vat());
            } else if (t.netLocal().isPresent() && t.vatLocal().isPresent()) {
                a.netPln = MoneyMath.plus(a.netPln, t.netLocal().get());
                a.vatPln = MoneyMath.plus(a.vatPln, t.vatLocal().get());
            }
        }
    }

    /** A row being summed. */
    private static final class Acc {
        final VatRegister.Side side;
        final CurrencyUnit currency;
        final VatRate rate;
        int documents;
        Money net;
        Money vat;
        Money netPln;
        Money vatPln;

        Acc(VatRegister.Side side, CurrencyUnit currency, VatRate rate, boolean pl) {
            this.side = side;
            this.currency = currency;
            this.rate = rate;
            this.net = Money.zero(currency);
            this.vat = Money.zero(currency);
            this.netPln = pl ? Money.zero(PLN) : null;
            this.vatPln = pl ? Money.zero(PLN) : null;
        }

        VatRegister.Row row() {
            return new VatRegister.Row(side, currency, rate, documents, net, vat, Optional.ofNullable(netPln), Optional.ofNullable(vatPln));
        }
    }
}
