package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a reminder may claim on an overdue invoice as of a date: statutory late-payment
 * interest and the fixed compensation for recovery costs, by the law of the seller's country,
 * from the cited rate tables ({@code dev/backoffice/invoicing/latepayment/pl.json}, {@code gb.json}).
 * <ul>
 *   <li>Poland: ustawa z 8 marca 2013 r. o przeciwdziałaniu nadmiernym opóźnieniom w
 *       transakcjach handlowych: interest at the NBP reference rate + 10 pp (art. 4 pkt 3, art. 8),
 *       the rate of each half-year for the days in it; compensation EUR 40 / 70 / 100 by the
 *       amount (art. 10 ust. 1), in zloty at the NBP average rate of the last business day of the
 *       month before the month the payment was due (art. 10 ust. 1a).</li>
 *   <li>United Kingdom: Late Payment of Commercial Debts (Interest) Act 1998: 8 % over the Bank
 *       of England rate of 30 June / 31 December before interest starts to run, one rate for the
 *       whole delay (SI 2002/1675 art. 4); fixed sum £40 / £70 / £100 (s.5A).</li>
 * </ul>
 * Interest runs from the day after the due date to {@code asOf} inclusive on the amount open
 * ({@link Invoice#open()}), actual days / 365, simple; each period's interest is exact and the
 * total is rounded half up once to the minor unit. The compensation bands are chosen by the
 * invoice's gross amount (the value of the payment obligation). Not done: interest on parts
 * paid late before {@code asOf} (only what is still open earns interest), the 8 pp margin for
 * public healthcare debtors (PL), reasonable costs beyond the fixed sum (UK s.5A(2A)).
 *
 * @param invoice      the invoice
 * @param number       its number
 * @param jurisdiction the law applied: {@code PL} or {@code GB} (the seller's country)
 * @param asOf         the day interest is counted to
 * @param dueDate      the due date
 * @param principal    the amount interest runs on (what is open)
 * @param daysLate     days from the due date to {@code asOf} (0 if not late)
 * @param periods      the interest periods, each at one rate
 * @param interest     the interest, rounded half up to the minor unit
 * @param compensation the fixed compensation in the invoice's currency (zero if not late)
 * @param compensationBasis how the compensation was found (band, its source, the FX rate used)
 * @param fxRate       the rate the compensation was converted at, if converted
 * @param sources      the statute and rate sources applied
 */
public record LatePaymentClaim(InvoiceId invoice, String number, String jurisdiction, LocalDate asOf, LocalDate dueDate,
                               Money principal, long daysLate, List<Period> periods, Money interest, Money compensation,
                               String compensationBasis, Optional<FxRate> fxRate, List<String> sources) {

    /**
     * Days of the delay at one annual rate.
     *
     * @param from        the first day
     * @param to          the last day
     * @param days        how many days
     * @param ratePercent the annual rate (reference rate plus margin)
     * @param interest    the exact interest of these days (not rounded)
     * @param source      where the reference rate comes from
     */
    public record Period(LocalDate from, LocalDate to, long days, BigDecimal ratePercent, BigDecimal interest, String source) {
        public Period {
            Check.notNull(from, "from");
            Check.notNull(to, "to");
            Check.notNull(ratePercent, "ratePercent");
            Check.notNull(interest, "interest");
            Check.notNull(source, "source");
        }
    }

    public LatePaymentClaim {
        Check.notNull(invoice, "invoice");
        Check.notNull(number, "number");
        Check.notNull(jurisdiction, "jurisdiction");
        Check.notNull(asOf, "asOf");
        Check.notNull(dueDate, "dueDate");
        Check.notNull(principal, "principal");
        periods = List.copyOf(Check.notNull(periods, "periods"));
        Check.notNull(interest, "interest");
        Check.notNull(compensation, "compensation");
        Check.notNull(compensationBasis, "compensationBasis");
        Check.notNull(fxRate, "fxRate");
        sources = List.copyOf(Check.notNull(sources, "sources"));
    }

    /** Interest plus compensation. */
    public Money total() {
        return interest.plus(compensation);
    }
}
