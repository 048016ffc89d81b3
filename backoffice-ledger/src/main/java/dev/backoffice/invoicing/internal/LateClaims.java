package dev.backoffice.invoicing.internal;

import dev.backoffice.invoicing.FxRate;
import dev.backoffice.invoicing.FxRates;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceKind;
import dev.backoffice.invoicing.InvoicingErrorCode;
import dev.backoffice.invoicing.LatePaymentClaim;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Computes a {@link LatePaymentClaim} from a {@link LatePaymentTable} (see the claim's Javadoc for the rules). */
final class LateClaims {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final CurrencyUnit PLN = CurrencyUnit.of("PLN");
    private static final MathContext EXACT = MathContext.DECIMAL128;

    private LateClaims() {
    }

    static LatePaymentClaim of(Invoice invoice, LocalDate asOf, FxRates fxRates) {
        if (invoice.kind() != InvoiceKind.INVOICE || invoice.number().isEmpty()) {
            throw InvoicingErrorCode.NOT_PAYABLE.rule("invoice: " + invoice.id() + " is not an issued invoice");
        }
        String country = invoice.seller().country();
        LatePaymentTable table = LatePaymentTable.forCountry(country).orElseThrow(() -> InvoicingErrorCode.INTEREST_RATE_MISSING
                .exception("seller.country", "has no late-payment rate table (PL and GB have one)", country));
        LocalDate due = invoice.dueDate().orElseThrow();
        Money principal = invoice.open();
        CurrencyUnit currency = invoice.currency();
        List<String> sources = List.of(table.statute(), table.rateRuleSource(), table.margin().source(), table.compensation().source());
        long daysLate = Math.max(0, ChronoUnit.DAYS.between(due, asOf));
        if (daysLate == 0 || principal.isZero()) {
            return new LatePaymentClaim(invoice.id(), invoice.number().get(), country, asOf, due, principal, daysLate, List.of(),
                    Money.zero(currency), Money.zero(currency), "not late on " + asOf + ": nothing to claim", Optional.empty(), sources);
        }
        List<LatePaymentClaim.Period> periods = periods(table, due.plusDays(1), asOf, principal);
        BigDecimal exact = periods.stream().map(LatePaymentClaim.Period::interest).reduce(BigDecimal.ZERO, BigDecimal::add);
        Money interest = Money.of(currency, exact, RoundingMode.HALF_UP);

        // compensation: the band of the invoice's value, in the threshold currency
        LatePaymentTable.Compensation comp = table.compensation();
        CurrencyUnit compCurrency = CurrencyUnit.of(comp.currency());
        CurrencyUnit thresholdCurrency = CurrencyUnit.of(comp.thresholdCurrency());
        Optional<FxRate> rate = Optional.empty();
        Money compensation;
        String basis;
        if (comp.conversion().equals("NONE")) {
            if (!currency.equals(thresholdCurrency)) {
                throw InvoicingErrorCode.INTEREST_RATE_MISSING.exception("currency", "the " + country + " fixed sums are in "
                        + thresholdCurrency + " only", currency);
            }
            BigDecimal amount = comp.amountFor(invoice.gross().getAmount());
            compensation = Money.of(currency, amount);
            basis = thresholdCurrency + " " + amount + " for a debt of " + invoice.gross() + " (" + comp.source() + ")";
        } else {
            // art. 10 ust. 1a: the NBP average rate of the last business day of the month before the month it became due
            LocalDate firstOfDueMonth = due.withDayOfMonth(1);
            rate = fxRates == null ? Optional.empty() : fxRates.lastBefore(compCurrency, PLN, firstOfDueMonth);
            if (rate.isEmpty() || !rate.get().date().isBefore(firstOfDueMonth)
                    || rate.get().date().isBefore(firstOfDueMonth.minusDays(7))) {
                throw InvoicingErrorCode.FX_RATE_MISSING.exception("dueDate", "no " + compCurrency + "/PLN rate of the last business day of "
                        + firstOfDueMonth.minusMonths(1).getMonth() + " " + firstOfDueMonth.minusMonths(1).getYear()
                        + " (art. 10 ust. 1a)", due);
            }
            BigDecimal valuePln;
            if (currency.equals(PLN)) {
                valuePln = invoice.gross().getAmount();
            } else if (currency.equals(compCurrency)) {
                valuePln = invoice.gross().getAmount().multiply(rate.get().rate());
            } else {
                throw InvoicingErrorCode.INTEREST_RATE_MISSING.exception("currency", "the compensation of art. 10 is computed for PLN and "
                        + "EUR invoices only", currency);
            }
            BigDecimal amount = comp.amountFor(valuePln);
            compensation = currency.equals(PLN) ? Money.of(PLN, amount.multiply(rate.get().rate()), RoundingMode.HALF_UP)
                    : Money.of(currency, amount);
            basis = comp.currency() + " " + amount + " for " + valuePln.setScale(2, RoundingMode.HALF_UP) + " PLN"
                    + (currency.equals(PLN) ? " at " + rate.get().rate() + " PLN/EUR (table " + rate.get().table() + " of "
                    + rate.get().date() + ")" : "") + " (" + comp.source() + "; " + comp.conversionSource() + ")";
        }
        return new LatePaymentClaim(invoice.id(), invoice.number().get(), country, asOf, due, principal, daysLate, periods, interest,
                compensation, basis, currency.equals(PLN) ? rate : Optional.empty(), sources);
    }

    /** The periods of {@code from..to} at one rate each. */
    private static List<LatePaymentClaim.Period> periods(LatePaymentTable table, LocalDate from, LocalDate to, Money principal) {
        List<LatePaymentClaim.Period> out = new ArrayList<>();
        boolean fixed = table.rateRule().equals("FIXED_WHEN_INTEREST_STARTS");
        LatePaymentTable.Rate startRate = rateOn(table, from, "dueDate");
        LocalDate day = from;
        while (!day.isAfter(to)) {
            LatePaymentTable.Rate r = fixed ? startRate : rateOn(table, day, "asOf");
            LocalDate end = fixed ? to : (r.to().isBefore(to) ? r.to() : to);
            long days = ChronoUnit.DAYS.between(day, end) + 1;
            BigDecimal percent = r.value().add(table.margin().value());
            BigDecimal interest = principal.getAmount().multiply(percent).multiply(BigDecimal.valueOf(days))
                    .divide(HUNDRED.multiply(BigDecimal.valueOf(table.dayCountBasis())), EXACT);
            out.add(new LatePaymentClaim.Period(day, end, days, percent, interest, r.source()));
            day = end.plusDays(1);
        }
        return out;
    }

    private static LatePaymentTable.Rate rateOn(LatePaymentTable table, LocalDate day, String field) {
        return table.rateOn(day).orElseThrow(() -> InvoicingErrorCode.INTEREST_RATE_MISSING.exception(field,
                "the " + table.jurisdiction() + " late-payment table has no reference rate for " + day
                        + " (extend dev/backoffice/invoicing/latepayment/" + table.jurisdiction().toLowerCase(java.util.Locale.ROOT)
                        + ".json with the announced rate)", day));
    }
}
