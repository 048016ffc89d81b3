package dev.backoffice.ledger;

import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * Assets, liabilities and equity as of a day in one currency, rolled up the account tree
 * (lines in tree order, parents before children). Earnings not yet closed into retained
 * earnings appear as {@code currentEarnings}, so that
 * {@code totalAssets == totalLiabilities + totalEquity + currentEarnings} always holds.
 *
 * @param asOf             the day (inclusive)
 * @param currency         the currency
 * @param assets           asset lines
 * @param liabilities      liability lines
 * @param equity           equity lines
 * @param totalAssets      sum of assets
 * @param totalLiabilities sum of liabilities
 * @param totalEquity      sum of equity accounts
 * @param currentEarnings  income minus expense not yet closed
 */
public record BalanceSheet(LocalDate asOf, CurrencyUnit currency, List<ReportLine> assets, List<ReportLine> liabilities,
                           List<ReportLine> equity, Money totalAssets, Money totalLiabilities, Money totalEquity,
                           Money currentEarnings) {
    public BalanceSheet {
        assets = List.copyOf(assets);
        liabilities = List.copyOf(liabilities);
        equity = List.copyOf(equity);
    }

    /** Renders as plain text. */
    public String render() {
        StringBuilder sb = new StringBuilder("Balance sheet as of " + asOf + " (" + currency + ")\n");
        Reports.section(sb, "Assets", assets, totalAssets);
        Reports.section(sb, "Liabilities", liabilities, totalLiabilities);
        Reports.section(sb, "Equity", equity, totalEquity);
        sb.append(String.format("  %-38s %15s%n", "Current earnings", currentEarnings));
        return sb.toString();
    }
}
