package dev.backoffice.invoicing;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.validation.Check;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The VAT register of a period (rejestr sprzedaży VAT and rejestr zakupów VAT): the sales and
 * the purchases by VAT rate, each row in the documents' currency and, for a Polish company, in
 * zloty (the VAT of a foreign-currency document converted at its own rate, art. 31a ustawy o
 * VAT, as the document carries it).
 *
 * <p>Which documents: sales invoices and credit notes by their <em>issue date</em> (the date of
 * their journal entry; a credit note's rows are negative), suppliers' invoices posted to the
 * ledger by the day they were <em>received</em> (the date of their journal entry; art. 86 ust.
 * 10b pkt 1: input VAT is deducted no earlier than in the period of receipt). Because the rows
 * come from the same documents as the journal entries and carry the same amounts, the register
 * reconciles to the ledger: {@link #vat(Side, CurrencyUnit)} of the sales equals the movement of
 * the VAT-due account of that currency in the period, of the purchases the input-VAT account's.
 * Not done: a tax point ({@code saleDate}) in another month than the issue date moves a sale to
 * another JPK_V7 period; the register here follows the books.
 *
 * @param from the first day
 * @param to   the last day
 * @param rows the rows, sales first, then by currency and rate
 */
public record VatRegister(LocalDate from, LocalDate to, List<Row> rows) {

    /** Which register a row belongs to. */
    public enum Side {
        /** Output VAT: sales invoices and credit notes. */
        SALES,
        /** Input VAT: suppliers' invoices. */
        PURCHASES
    }

    /**
     * The documents of one side, currency and rate.
     *
     * @param side      sales or purchases
     * @param currency  the documents' currency
     * @param rate      the VAT rate
     * @param documents how many documents have a total at this rate
     * @param net       the sum of their net totals at this rate
     * @param vat       the sum of their VAT totals at this rate
     * @param netPln    the net in zloty, for a Polish company (empty otherwise)
     * @param vatPln    the VAT in zloty, for a Polish company (empty otherwise)
     */
    public record Row(Side side, CurrencyUnit currency, VatRate rate, int documents, Money net, Money vat, Optional<Money> netPln,
                      Optional<Money> vatPln) {
        public Row {
            Check.notNull(side, "side");
            Check.notNull(currency, "currency");
            Check.notNull(rate, "rate");
            Check.notNull(net, "net");
            Check.notNull(vat, "vat");
            Check.notNull(netPln, "netPln");
            Check.notNull(vatPln, "vatPln");
        }
    }

    public VatRegister {
        Check.notNull(from, "from");
        Check.notNull(to, "to");
        rows = List.copyOf(Check.notNull(rows, "rows"));
    }

    /** The VAT of {@code side} in {@code currency}: what the ledger's VAT account of that currency moved by in the period. */
    public Money vat(Side side, CurrencyUnit currency) {
        Money sum = Money.zero(currency);
        for (Row r : rows) {
            if (r.side() == side && r.currency().equals(currency)) {
                sum = MoneyMath.plus(sum, r.vat());
            }
        }
        return sum;
    }

    /** The VAT of {@code side} in zloty (rows without zloty amounts are left out). */
    public Money vatPln(Side side) {
        Money sum = Money.zero(CurrencyUnit.of("PLN"));
        for (Row r : rows) {
            if (r.side() == side && r.vatPln().isPresent()) {
                sum = MoneyMath.plus(sum, r.vatPln().get());
            }
        }
        return sum;
    }
}
