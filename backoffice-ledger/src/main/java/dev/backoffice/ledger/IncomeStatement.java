package dev.backoffice.ledger;

import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * Income and expense between two days (inclusive) in one currency, rolled up the account tree.
 * Year-end closing entries are left out, so the statement of a closed year still shows it.
 *
 * @param from         first day
 * @param to           last day
 * @param currency     the currency
 * @param income       income lines
 * @param expenses     expense lines
 * @param totalIncome  sum of income
 * @param totalExpense sum of expense
 * @param netIncome    income minus expense
 */
public record IncomeStatement(LocalDate from, LocalDate to, CurrencyUnit currency, List<ReportLine> income,
                              List<ReportLine> expenses, Money totalIncome, Money totalExpense, Money netIncome) {
    public IncomeStatement {
        income = List.copyOf(income);
        expenses = List.copyOf(expenses);
    }

    /** Renders as plain text. */
    public String render() {
        StringBuilder sb = new StringBuilder("Income statement " + from + " .. " + to + " (" + currency + ")\n");
        Reports.section(sb, "Income", income, totalIncome);
        Reports.section(sb, "Expenses", expenses, totalExpense);
        sb.append(String.format("  %-38s %15s%n", "Net income", netIncome));
        return sb.toString();
    }
}
