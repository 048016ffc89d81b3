package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An invoice to draft or issue. Everything is checked here, once, and each error names its
 * field ({@code lines[1].unitNetPrice}, {@code buyer.taxId}, {@code dueDate}).
 * <pre>{@code
 * NewInvoice sale = NewInvoice.builder("FV", PLN)
 *         .seller(Party.of("Acme sp. z o.o.", "PL", "5260250274", "ul. Prosta 1, 00-001 Warszawa"))
 *         .buyer(Party.of("Globex S.A.", "PL", "7680002466", "ul. Krotka 2, 30-001 Krakow"))
 *         .line(InvoiceLine.of("Consulting", new BigDecimal("10"), "h", Money.parse("PLN 150.00"), VatRate.PL_23))
 *         .saleDate(LocalDate.of(2026, 3, 16))
 *         .paymentDays(14)
 *         .build();
 * }</pre>
 *
 * @param id          the invoice's id, or empty to generate one before the first attempt; a
 *                    retried command with the same id returns the stored invoice
 * @param series      the code of the numbering series it is issued in
 * @param customer    the caller's key of the buyer, which payments name ({@code payer}); default
 *                    the buyer's VAT number, else its name
 * @param seller      the seller; must have a tax id, and its country chooses the VAT rates
 * @param buyer       the buyer; must have a tax id when a line is reverse charge
 * @param currency    the invoice's currency; every unit price is in it
 * @param lines       1..{@value InvoicingLimits#MAX_LINES} lines
 * @param issueDate   the issue date, or empty for the day it is issued (the clock's)
 * @param saleDate    the date of supply (the tax point), or empty for the issue date
 * @param dueDate     the payment due date, or empty for the issue date plus {@code paymentDays}
 * @param paymentDays the payment term in days, 0..{@value InvoicingLimits#MAX_PAYMENT_DAYS}
 */
public record NewInvoice(Optional<InvoiceId> id, String series, String customer, Party seller, Party buyer,
                         CurrencyUnit currency, List<InvoiceLine> lines, Optional<LocalDate> issueDate,
                         Optional<LocalDate> saleDate, Optional<LocalDate> dueDate, int paymentDays) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public NewInvoice {
        Check.notNull(id, "id");
        Check.notBlank(series, "series");
        Check.notNull(seller, "seller");
        Check.notNull(buyer, "buyer");
        Check.text(customer, "customer", InvoicingLimits.MAX_CUSTOMER_LENGTH);
        if (seller.taxId().isEmpty()) {
            throw InvoicingErrorCode.INVALID_TAX_ID.exception("seller.taxId", "must be present: a VAT invoice names the seller's VAT number", null);
        }
        Check.notNull(currency, "currency");
        Check.notNull(lines, "lines");
        lines = List.copyOf(lines);
        checkLines(lines, "lines", seller, buyer, currency, false);
        Check.notNull(issueDate, "issueDate");
        Check.notNull(saleDate, "saleDate");
        Check.notNull(dueDate, "dueDate");
        issueDate.ifPresent(d -> InvoicingLimits.checkDate(d, "issueDate"));
        saleDate.ifPresent(d -> InvoicingLimits.checkDate(d, "saleDate"));
        dueDate.ifPresent(d -> InvoicingLimits.checkDate(d, "dueDate"));
        if (issueDate.isPresent() && dueDate.isPresent() && dueDate.get().isBefore(issueDate.get())) {
            throw InvoicingErrorCode.INVALID_DATE.exception("dueDate", "must not be before the issue date " + issueDate.get(), dueDate.get());
        }
        if (paymentDays < 0 || paymentDays > InvoicingLimits.MAX_PAYMENT_DAYS) {
            throw InvoicingErrorCode.INVALID_DATE.exception("paymentDays", "must be 0.." + InvoicingLimits.MAX_PAYMENT_DAYS, paymentDays);
        }
    }

    /**
     * Checks {@code lines} of an invoice of {@code seller} in {@code currency}, naming each
     * field {@code <field>[i].<component>}. The after side of a credit note
     * ({@code zeroAllowed}) may take a line's quantity to zero.
     */
    static void checkLines(List<InvoiceLine> lines, String field, Party seller, Party buyer, CurrencyUnit currency,
                           boolean zeroAllowed) {
        if (lines.isEmpty() || lines.size() > InvoicingLimits.MAX_LINES) {
            throw InvoicingErrorCode.INVALID_LINES.exception(field, "must hold 1.." + InvoicingLimits.MAX_LINES + " lines", lines.size());
        }
        for (int i = 0; i < lines.size(); i++) {
            String at = field + "[" + i + "]";
            InvoiceLine l = Check.notNull(lines.get(i), at);
            Check.text(l.description(), at + ".description", InvoicingLimits.MAX_DESCRIPTION_LENGTH);
            Check.text(l.unit(), at + ".unit", InvoicingLimits.MAX_UNIT_LENGTH);
            BigDecimal q = l.quantity();
            if ((zeroAllowed ? q.signum() < 0 : q.signum() <= 0) || q.stripTrailingZeros().scale() > InvoicingLimits.MAX_QUANTITY_SCALE
                    || q.compareTo(InvoicingLimits.MAX_QUANTITY) > 0) {
                throw InvoicingErrorCode.INVALID_QUANTITY.exception(at + ".quantity", "must be " + (zeroAllowed ? "0" : "above 0")
                        + ".." + InvoicingLimits.MAX_QUANTITY + " with at most " + InvoicingLimits.MAX_QUANTITY_SCALE + " decimals", q);
            }
            if (!l.unitNetPrice().getCurrencyUnit().equals(currency)) {
                throw InvoicingErrorCode.CURRENCY_MISMATCH.exception(at + ".unitNetPrice", "must be in the invoice's currency " + currency,
                        l.unitNetPrice());
            }
            BigDecimal p = l.unitNetPrice().getAmount();
            if (p.signum() < 0 || p.stripTrailingZeros().scale() > InvoicingLimits.MAX_PRICE_SCALE
                    || p.compareTo(InvoicingLimits.MAX_PRICE) > 0) {
                throw InvoicingErrorCode.INVALID_PRICE.exception(at + ".unitNetPrice", "must be 0.." + InvoicingLimits.MAX_PRICE
                        + " with at most " + InvoicingLimits.MAX_PRICE_SCALE + " decimals", l.unitNetPrice());
            }
            BigDecimal d = l.discountPercent();
            if (d.signum() < 0 || d.compareTo(HUNDRED) > 0 || d.stripTrailingZeros().scale() > 2) {
                throw InvoicingErrorCode.INVALID_DISCOUNT.exception(at + ".discountPercent", "must be 0..100 with at most two decimals", d);
            }
            if (!l.vatRate().country().equals(seller.country())) {
                throw InvoicingErrorCode.UNKNOWN_VAT_RATE.exception(at + ".vatRate", "is not a VAT rate of the seller's country "
                        + seller.country() + " (rates: " + ratesOf(seller.country()) + ")", l.vatRate());
            }
            if (l.vatRate() == VatRate.PL_REVERSE_CHARGE && buyer.taxId().isEmpty()) {
                throw InvoicingErrorCode.INVALID_TAX_ID.exception("buyer.taxId", "must be present: line " + i
                        + " is reverse charge, so the buyer accounts for the VAT under its VAT number", null);
            }
            Money net = l.netValue();
            if (net.getAmount().movePointRight(net.getCurrencyUnit().getDecimalPlaces()).compareTo(
                    BigDecimal.valueOf(InvoicingLimits.MAX_LINE_NET_MINOR)) > 0) {
                throw InvoicingErrorCode.INVALID_PRICE.exception(at, "has a net value above the limit of "
                        + InvoicingLimits.MAX_LINE_NET_MINOR + " minor units", net);
            }
        }
    }

    private static List<VatRate> ratesOf(String country) {
        List<VatRate> out = new ArrayList<>();
        for (VatRate r : VatRate.values()) {
            if (r.country().equals(country)) {
                out.add(r);
            }
        }
        return out;
    }

    /** A builder of an invoice in {@code series} and {@code currency}. */
    public static Builder builder(String series, CurrencyUnit currency) {
        return new Builder(series, currency);
    }

    /** This invoice with the id {@code invoiceId} (for a retry that must be recognised). */
    public NewInvoice withId(InvoiceId invoiceId) {
        return new NewInvoice(Optional.of(Check.notNull(invoiceId, "id")), series, customer, seller, buyer, currency, lines,
                issueDate, saleDate, dueDate, paymentDays);
    }

    /** Builder of {@link NewInvoice}; not thread-safe. */
    public static final class Builder {
        private final String series;
        private final CurrencyUnit currency;
        private final List<InvoiceLine> lines = new ArrayList<>();
        private InvoiceId id;
        private String customer;
        private Party seller;
        private Party buyer;
        private LocalDate issueDate;
        private LocalDate saleDate;
        private LocalDate dueDate;
        private int paymentDays = 14;

        private Builder(String series, CurrencyUnit currency) {
            this.series = series;
            this.currency = currency;
        }

        /** The invoice's id (default: generated). */
        public Builder id(InvoiceId invoiceId) {
            this.id = invoiceId;
            return this;
        }

        /** The caller's key of the buyer (default: the buyer's VAT number, else its name). */
        public Builder customer(String key) {
            this.customer = key;
            return this;
        }

        /** The seller. */
        public Builder seller(Party party) {
            this.seller = party;
            return this;
        }

        /** The buyer. */
        public Builder buyer(Party party) {
            this.buyer = party;
            return this;
        }

        /** Adds a line. */
        public Builder line(InvoiceLine line) {
            lines.add(line);
            return this;
        }

        /** The issue date (default: the day it is issued). */
        public Builder issueDate(LocalDate date) {
            this.issueDate = date;
            return this;
        }

        /** The date of supply, the tax point (default: the issue date). */
        public Builder saleDate(LocalDate date) {
            this.saleDate = date;
            return this;
        }

        /** The due date (default: the issue date plus the payment days). */
        public Builder dueDate(LocalDate date) {
            this.dueDate = date;
            return this;
        }

        /** The payment term in days (default 14). */
        public Builder paymentDays(int days) {
            this.paymentDays = days;
            return this;
        }

        /** The invoice. */
        public NewInvoice build() {
            String key = customer;
            if (key == null && buyer != null) {
                key = buyer.taxId().map(TaxId::vatNumber).orElse(buyer.name());
            }
            return new NewInvoice(Optional.ofNullable(id), series, key, seller, buyer, currency, lines,
                    Optional.ofNullable(issueDate), Optional.ofNullable(saleDate), Optional.ofNullable(dueDate), paymentDays);
        }
    }
}
