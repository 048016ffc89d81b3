package dev.backoffice.invoicing;

import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.OpenAccount;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static dev.backoffice.invoicing.InvoicingFixtures.ACME;
import static dev.backoffice.invoicing.InvoicingFixtures.EUR;
import static dev.backoffice.invoicing.InvoicingFixtures.GBP;
import static dev.backoffice.invoicing.InvoicingFixtures.GLOBEX;
import static dev.backoffice.invoicing.InvoicingFixtures.PLN;
import static dev.backoffice.invoicing.InvoicingFixtures.pln;

/** The purchase side of the fixtures: the sales mapping plus expense, input VAT, payable and advances per currency. */
public final class ApFixtures {

    /** Globex's supplier key (its VAT number). */
    public static final String GLOBEX_KEY = "PL7680002466";

    /** Sales and purchase roles per currency. */
    public static final AccountMapping ACCOUNTS = AccountMapping.builder()
            .currency(PLN, "1100", "4100", "2200", "1010", "2400")
            .currency(EUR, "1101", "4101", "2201", "1011", "2401")
            .currency(GBP, "1102", "4102", "2202", "1012", "2402")
            .purchases(PLN, "6300", "1300", "2100", "1400")
            .purchases(EUR, "6301", "1301", "2101", "1401")
            .purchases(GBP, "6302", "1302", "2102", "1402")
            .advances(PLN, "2450")
            .advances(EUR, "2451")
            .build();

    private ApFixtures() {
    }

    /** {@link InvoicingFixtures#chart()} plus the purchase accounts of {@link #ACCOUNTS}. */
    public static List<OpenAccount> chart() {
        List<OpenAccount> all = new ArrayList<>(InvoicingFixtures.chart());
        all.add(OpenAccount.of("1300", "Input VAT", AccountType.ASSET, PLN));
        all.add(OpenAccount.of("1400", "Supplier advances", AccountType.ASSET, PLN));
        all.add(OpenAccount.of("2450", "Advances received", AccountType.LIABILITY, PLN));
        all.add(OpenAccount.of("2451", "Advances received EUR", AccountType.LIABILITY, EUR));
        for (CurrencyUnit c : List.of(EUR, GBP)) {
            String n = c == EUR ? "1" : "2";
            all.add(OpenAccount.of("630" + n, "Purchases " + c, AccountType.EXPENSE, c));
            all.add(OpenAccount.of("130" + n, "Input VAT " + c, AccountType.ASSET, c));
            all.add(OpenAccount.of("210" + n, "Payables " + c, AccountType.LIABILITY, c));
            all.add(OpenAccount.of("140" + n, "Supplier advances " + c, AccountType.ASSET, c));
        }
        return all;
    }

    /** Globex's invoice {@code number} to Acme: one line of {@code net} PLN at 23 % (VAT computed), issued and received on {@code date}, due 14 days later. */
    public static NewPurchaseInvoice.Builder bill(String number, String net, LocalDate date) {
        Money n = pln(net);
        return NewPurchaseInvoice.builder(PLN).seller(GLOBEX).buyer(ACME).supplierNumber(number)
                .line(PurchaseLine.of("Office rent", VatRate.PL_23, n, n.multipliedBy(new java.math.BigDecimal("0.23"), java.math.RoundingMode.HALF_UP)))
                .issueDate(date).receivedOn(date).dueDate(date.plusDays(14));
    }
}
