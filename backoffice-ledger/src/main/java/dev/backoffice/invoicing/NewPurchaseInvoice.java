package dev.backoffice.invoicing;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.validation.Check;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A supplier's invoice to register. Everything is checked here, once, and each error names its
 * field ({@code supplierNumber}, {@code lines[1].vat}, {@code dueDate}).
 * <pre>{@code
 * NewPurchaseInvoice bill = NewPurchaseInvoice.builder(PLN)
 *         .seller(Party.of("Globex S.A.", "PL", "7680002466", "ul. Krotka 2, 30-001 Krakow"))
 *         .buyer(Party.of("Acme sp. z o.o.", "PL", "5260250274", "ul. Prosta 1, 00-001 Warszawa"))
 *         .supplierNumber("FV/2026/03/117")
 *         .line(PurchaseLine.of("Office rent March", VatRate.PL_23, Money.parse("PLN 4000.00"), Money.parse("PLN 920.00")))
 *         .issueDate(LocalDate.of(2026, 3, 2)).receivedOn(LocalDate.of(2026, 3, 3)).dueDate(LocalDate.of(2026, 3, 16))
 *         .build();
 * }</pre>
 *
 * @param id             the id, or empty to generate one before the first attempt; a retried
 *                       command with the same id returns the stored invoice
 * @param supplier       the caller's key of the supplier (default: the seller's VAT number, else its name)
 * @param supplierNumber the supplier's number of the invoice, 1..{@value PurchaseLimits#MAX_SUPPLIER_NUMBER_LENGTH}
 *                       characters, unique per supplier
 * @param seller         the supplier; must have a tax id (a VAT invoice names it)
 * @param buyer          the tenant's company; its country chooses the VAT rates
 * @param currency       the currency of every amount
 * @param lines          1..{@value InvoicingLimits#MAX_LINES} lines as printed
 * @param issueDate      the supplier's issue date
 * @param saleDate       the date of supply, or empty for the issue date
 * @param receivedOn     the day it was received, not before the issue date
 * @param dueDate        the due date, not before the issue date
 */
public record NewPurchaseInvoice(Optional<InvoiceId> id, String supplier, String supplierNumber, Party seller, Party buyer,
                                 CurrencyUnit currency, List<PurchaseLine> lines, LocalDate issueDate, Optional<LocalDate> saleDate,
                                 LocalDate receivedOn, LocalDate dueDate) {

    public NewPurchaseInvoice {
        Check.notNull(id, "id");
        Check.notNull(seller, "seller");
        Check.notNull(buyer, "buyer");
        Check.text(supplier, "supplier", PurchaseLimits.MAX_SUPPLIER_LENGTH);
        Check.text(supplierNumber, "supplierNumber", PurchaseLimits.MAX_SUPPLIER_NUMBER_LENGTH);
        if (seller.taxId().isEmpty()) {
            throw InvoicingErrorCode.INVALID_TAX_ID.exception("seller.taxId", "must be present: a VAT invoice names the seller's VAT number", null);
        }
        Check.notNull(currency, "currency");
        lines = List.copyOf(Check.notNull(lines, "lines"));
        checkLines(lines, buyer, currency);
        InvoicingLimits.checkDate(issueDate, "issueDate");
        Check.notNull(saleDate, "saleDate");
        saleDate.ifPresent(d -> InvoicingLimits.checkDate(d, "saleDate"));
        InvoicingLimits.checkDate(receivedOn, "receivedOn");
        InvoicingLimits.checkDate(dueDate, "dueDate");
        if (receivedOn.isBefore(issueDate)) {
            throw InvoicingErrorCode.INVALID_DATE.exception("receivedOn", "must not be before the issue date " + issueDate, receivedOn);
        }
        if (dueDate.isBefore(issueDate)) {
            throw InvoicingErrorCode.INVALID_DATE.exception("dueDate", "must not be before the issue date " + issueDate, dueDate);
        }
    }

    private static void checkLines(List<PurchaseLine> lines, Party buyer, CurrencyUnit currency) {
        if (lines.isEmpty() || lines.size() > InvoicingLimits.MAX_LINES) {
            throw InvoicingErrorCode.INVALID_LINES.exception("lines", "must hold 1.." + InvoicingLimits.MAX_LINES + " lines", lines.size());
        }
        for (int i = 0; i < lines.size(); i++) {
            String at = "lines[" + i + "]";
            PurchaseLine l = Check.notNull(lines.get(i), at);
            Check.text(l.description(), at + ".description", InvoicingLimits.MAX_DESCRIPTION_LENGTH);
            if (!l.vatRate().country().equals(buyer.country())) {
                throw InvoicingErrorCode.UNKNOWN_VAT_RATE.exception(at + ".vatRate", "is not a VAT rate of the buyer's country "
                        + buyer.country(), l.vatRate());
            }
            for (String part : List.of("net", "vat")) {
                Money m = part.equals("net") ? l.net() : l.vat();
                if (!m.getCurrencyUnit().equals(currency)) {
                    throw InvoicingErrorCode.CURRENCY_MISMATCH.exception(at + "." + part, "must be in the invoice's currency " + currency, m);
                }
                if (m.isNegative() || MoneyMath.toMinor(m) > InvoicingLimits.MAX_LINE_NET_MINOR) {
                    throw InvoicingErrorCode.INVALID_AMOUNT.exception(at + "." + part, "must be 0.." + InvoicingLimits.MAX_LINE_NET_MINOR
                            + " minor units", m);
                }
            }
            if (l.reverseCharge()) {
                // the supplier charges no VAT; the buyer self-assesses it at a rate of its own (Polish) VAT
                // (art. 17 ust. 1 pkt 4, art. 86 ust. 2 pkt 4 ustawy o VAT)
                if (!buyer.country().equals("PL") || l.vatRate().treatment() != VatRate.Treatment.TAXED) {
                    throw InvoicingErrorCode.UNKNOWN_VAT_RATE.exception(at + ".vatRate", "of a reverse-charge line must be a taxed "
                            + "Polish rate (23, 8 or 5 %) the Polish buyer self-assesses", l.vatRate());
                }
                if (!l.vat().isZero()) {
                    throw InvoicingErrorCode.INVALID_AMOUNT.exception(at + ".vat", "must be zero on a reverse-charge line: the "
                            + "supplier charges no VAT", l.vat());
                }
                continue;
            }
            Money expected = MoneyMath.percent(l.net(), l.vatRate().percent(), RoundingMode.HALF_UP);
            long difference = Math.abs(MoneyMath.toMinor(l.vat()) - MoneyMath.toMinor(expected));
            if (l.vatRate().treatment() != VatRate.Treatment.TAXED ? l.vat().isPositive()
                    : difference > PurchaseLimits.MAX_VAT_DIFFERENCE_MINOR) {
                throw InvoicingErrorCode.INVALID_AMOUNT.exception(at + ".vat", "must be the net amount at " + l.vatRate().code()
                        + " (" + expected + ", within " + PurchaseLimits.MAX_VAT_DIFFERENCE_MINOR + " minor units)", l.vat());
            }
        }
    }

    /** A builder of a supplier's invoice in {@code currency}. */
    public static Builder builder(CurrencyUnit currency) {
        return new Builder(currency);
    }

    /** This invoice with the id {@code invoiceId} (for a retry that must be recognised). */
    public NewPurchaseInvoice withId(InvoiceId invoiceId) {
        return new NewPurchaseInvoice(Optional.of(Check.notNull(invoiceId, "id")), supplier, supplierNumber, seller, buyer, currency,
                lines, issueDate, saleDate, receivedOn, dueDate);
    }

    /** Builder of {@link NewPurchaseInvoice}; not thread-safe. */
    public static final class Builder {
        private final CurrencyUnit currency;
        private final List<PurchaseLine> lines = new ArrayList<>();
        private InvoiceId id;
        private String supplier;
        private String supplierNumber;
        private Party seller;
        private Party buyer;
        private LocalDate issueDate;
        private LocalDate saleDate;
        private LocalDate receivedOn;
        private LocalDate dueDate;

        private Builder(CurrencyUnit currency) {
            this.currency = currency;
        }

        /** The id (default: generated). */
        public Builder id(InvoiceId invoiceId) {
            this.id = invoiceId;
            return this;
        }

        /** The caller's key of the supplier (default: the seller's VAT number, else its name). */
        public Builder supplier(String key) {
            this.supplier = key;
            return this;
        }

        /** The supplier's number of the invoice. */
        public Builder supplierNumber(String number) {
            this.supplierNumber = number;
            return this;
        }

        /** The supplier. */
        public Builder seller(Party party) {
            this.seller = party;
            return this;
        }

        /** The tenant's company. */
        public Builder buyer(Party party) {
            this.buyer = party;
            return this;
        }

        /** Adds a line. */
        public Builder line(PurchaseLine line) {
            lines.add(line);
            return this;
        }

        /** The supplier's issue date (default for the received and due dates too). */
        public Builder issueDate(LocalDate date) {
            this.issueDate = date;
            return this;
        }

        /** The date of supply (default: the issue date). */
        public Builder saleDate(LocalDate date) {
            this.saleDate = date;
            return this;
        }

        /** The day it was received (default: the issue date). */
        public Builder receivedOn(LocalDate date) {
            this.receivedOn = date;
            return this;
        }

        /** The due date (default: the issue date). */
        public Builder dueDate(LocalDate date) {
            this.dueDate = date;
            return this;
        }

        /** The invoice. */
        public NewPurchaseInvoice build() {
            String key = supplier;
            if (key == null && seller != null) {
                key = seller.taxId().map(TaxId::vatNumber).orElse(seller.name());
            }
            return new NewPurchaseInvoice(Optional.ofNullable(id), key, supplierNumber, seller, buyer, currency, lines, issueDate,
                    Optional.ofNullable(saleDate), receivedOn == null ? issueDate : receivedOn, dueDate == null ? issueDate : dueDate);
        }
    }
}
