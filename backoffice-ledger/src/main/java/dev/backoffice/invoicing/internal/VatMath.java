package dev.backoffice.invoicing.internal;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.invoicing.FxRate;
import dev.backoffice.invoicing.InvoiceLine;
import dev.backoffice.invoicing.VatRate;
import dev.backoffice.invoicing.VatTotal;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The VAT arithmetic of an invoice, by the method of the Polish VAT Act (ustawa z dnia 11 marca
 * 2004 r. o podatku od towarow i uslug), art. 106e ust. 1:
 * <ul>
 *   <li>pkt 11: each line's net value (quantity times net unit price, less its discount), rounded
 *       half up to the minor unit ({@link InvoiceLine#netValue()});</li>
 *   <li>pkt 12-13: the net values summed per VAT rate;</li>
 *   <li>pkt 14: the VAT computed once per rate, from that sum, not line by line;</li>
 * </ul>
 * and art. 106e ust. 11: VAT amounts are rounded to whole grosze, fractions below half a grosz
 * dropped and from half a grosz up rounded up ({@link RoundingMode#HALF_UP}). The same method is
 * allowed in the UK (HMRC VAT Notice 700, section 16.3: VAT on the invoice's total per rate,
 * rounded to the nearest penny).
 *
 * <p>A foreign-currency invoice of a Polish seller also shows the net and VAT of each rate in
 * zloty (FA(3) {@code P_14_xW}), each amount converted at the rate of the last business day
 * before the tax point (art. 31a ust. 1) and rounded half up. No floating point anywhere.
 */
public final class VatMath {

    private VatMath() {
    }

    /** The totals per VAT rate of {@code lines}, in the order each rate first appears. */
    public static List<VatTotal> totals(List<InvoiceLine> lines, CurrencyUnit currency) {
        Map<VatRate, Money> netByRate = new LinkedHashMap<>();
        for (InvoiceLine line : lines) {
            netByRate.merge(line.vatRate(), line.netValue(), MoneyMath::plus);
        }
        List<VatTotal> out = new ArrayList<>(netByRate.size());
        netByRate.forEach((rate, net) -> out.add(total(rate, net, MoneyMath.percent(net, rate.percent(), RoundingMode.HALF_UP))));
        return out;
    }

    /**
     * The totals of a correction from {@code before} to {@code after} (FA(3) KOR: the difference
     * per rate): for each rate, the after net sum and its VAT less the before net sum and its VAT.
     */
    public static List<VatTotal> correction(List<InvoiceLine> before, List<InvoiceLine> after, CurrencyUnit currency) {
        Map<VatRate, VatTotal> b = byRate(totals(before, currency));
        Map<VatRate, VatTotal> a = byRate(totals(after, currency));
        Map<VatRate, VatTotal> out = new LinkedHashMap<>();
        for (VatRate rate : union(b, a)) {
            Money zero = Money.zero(currency);
            VatTotal tb = b.get(rate);
            VatTotal ta = a.get(rate);
            Money net = MoneyMath.minus(ta == null ? zero : ta.net(), tb == null ? zero : tb.net());
            Money vat = MoneyMath.minus(ta == null ? zero : ta.vat(), tb == null ? zero : tb.vat());
            out.put(rate, total(rate, net, vat));
        }
        return List.copyOf(out.values());
    }

    /** {@code totals} with the net and VAT of each rate also in {@code rate.to()}, converted at {@code rate}. */
    public static List<VatTotal> inLocal(List<VatTotal> totals, FxRate rate) {
        List<VatTotal> out = new ArrayList<>(totals.size());
        for (VatTotal t : totals) {
            out.add(new VatTotal(t.rate(), t.net(), t.vat(), t.gross(), Optional.of(convert(t.net(), rate)),
                    Optional.of(convert(t.vat(), rate))));
        }
        return out;
    }

    /** {@code amount} converted at {@code rate}, rounded half up to the target's minor unit. */
    public static Money convert(Money amount, FxRate rate) {
        return Money.of(rate.to(), amount.getAmount().multiply(rate.rate()), RoundingMode.HALF_UP);
    }

    /** The sum of one amount of every total. */
    public static Money sum(List<VatTotal> totals, CurrencyUnit currency, Function<VatTotal, Money> amount) {
        Money sum = Money.zero(currency);
        for (VatTotal t : totals) {
            sum = MoneyMath.plus(sum, amount.apply(t));
        }
        return sum;
    }

    private static VatTotal total(VatRate rate, Money net, Money vat) {
        return new VatTotal(rate, net, vat, MoneyMath.plus(net, vat), Optional.empty(), Optional.empty());
    }

    private static Map<VatRate, VatTotal> byRate(List<VatTotal> totals) {
        Map<VatRate, VatTotal> m = new LinkedHashMap<>();
        totals.forEach(t -> m.put(t.rate(), t));
        return m;
    }

    private static List<VatRate> union(Map<VatRate, VatTotal> a, Map<VatRate, VatTotal> b) {
        List<VatRate> out = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(r -> !a.containsKey(r)).forEach(out::add);
        return out;
    }
}
