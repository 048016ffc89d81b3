package dev.backoffice.ledger;

import dev.backoffice.core.validation.Check;
import org.joda.money.CurrencyUnit;

import java.util.List;

/**
 * Ready-made charts of accounts. {@link #smallBusiness(CurrencyUnit)} is a small generic chart
 * (numbering in the common 1xxx assets, 2xxx liabilities, 3xxx equity, 4xxx income, 5-6xxx
 * expenses style) enough for invoicing, payments and payroll; open it with
 * {@link TenantLedger#openAll(List)} and add accounts as needed.
 */
public final class ChartTemplates {
    private ChartTemplates() {
    }

    /** A small generic chart in {@code currency}. */
    public static List<OpenAccount> smallBusiness(CurrencyUnit currency) {
        Check.notNull(currency, "currency");
        return List.of(
                OpenAccount.of("1000", "Assets", AccountType.ASSET, currency),
                OpenAccount.of("1010", "Cash at bank", AccountType.ASSET, currency).parent("1000"),
                OpenAccount.of("1020", "Card settlement receivable", AccountType.ASSET, currency).parent("1000"),
                OpenAccount.of("1100", "Accounts receivable", AccountType.ASSET, currency).parent("1000"),
                OpenAccount.of("2000", "Liabilities", AccountType.LIABILITY, currency),
                OpenAccount.of("2100", "Accounts payable", AccountType.LIABILITY, currency).parent("2000"),
                OpenAccount.of("2200", "VAT payable", AccountType.LIABILITY, currency).parent("2000"),
                OpenAccount.of("2300", "Salaries payable", AccountType.LIABILITY, currency).parent("2000"),
                OpenAccount.of("2310", "Payroll taxes payable", AccountType.LIABILITY, currency).parent("2000"),
                OpenAccount.of("2400", "Customer balances", AccountType.LIABILITY, currency).parent("2000"),
                OpenAccount.of("3000", "Equity", AccountType.EQUITY, currency),
                OpenAccount.of("3100", "Share capital", AccountType.EQUITY, currency).parent("3000"),
                OpenAccount.of("3200", "Retained earnings", AccountType.EQUITY, currency).parent("3000"),
                OpenAccount.of("4000", "Revenue", AccountType.INCOME, currency),
                OpenAccount.of("4100", "Sales", AccountType.INCOME, currency).parent("4000"),
                OpenAccount.of("4200", "Service revenue", AccountType.INCOME, currency).parent("4000"),
                OpenAccount.of("5000", "Cost of sales", AccountType.EXPENSE, currency),
                OpenAccount.of("6000", "Operating expenses", AccountType.EXPENSE, currency),
                OpenAccount.of("6100", "Salaries", AccountType.EXPENSE, currency).parent("6000"),
                OpenAccount.of("6110", "Employer payroll taxes", AccountType.EXPENSE, currency).parent("6000"),
                OpenAccount.of("6200", "Card processing fees", AccountType.EXPENSE, currency).parent("6000"),
                OpenAccount.of("6300", "Rent", AccountType.EXPENSE, currency).parent("6000"));
    }
}
