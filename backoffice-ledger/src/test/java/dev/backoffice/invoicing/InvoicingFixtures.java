package dev.backoffice.invoicing;

import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.ChartTemplates;
import dev.backoffice.ledger.OpenAccount;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Parties, charts, mappings and invoices the invoicing tests share. */
public final class InvoicingFixtures {

    public static final CurrencyUnit PLN = CurrencyUnit.of("PLN");
    public static final CurrencyUnit EUR = CurrencyUnit.EUR;
    public static final CurrencyUnit GBP = CurrencyUnit.GBP;

    /** A Polish seller (the NIP of the Ministry of Finance's example, valid checksum). */
    public static final Party ACME = Party.of("Acme sp. z o.o.", "PL", "526-025-02-74", "ul. Prosta 1, 00-001 Warszawa");
    /** A Polish buyer with a valid NIP. */
    public static final Party GLOBEX = Party.of("Globex S.A.", "PL", "7680002466", "ul. Krotka 2, 30-001 Krakow");
    /** A German buyer with a VAT number of the German format. */
    public static final Party INITECH = Party.of("Initech GmbH", "DE", "DE123456789", "Hauptstrasse 1, 10115 Berlin");
    /** A UK seller with valid mod-97 check digits. */
    public static final Party BRITCO = Party.of("Britco Ltd", "GB", "GB 999 9999 73", "1 High Street, London");
    /** A UK buyer, consumer. */
    public static final Party JANE = Party.withoutTaxId("Jane Doe", "GB", "2 Low Road, Leeds");

    /** Receivable, revenue, VAT due, bank, customer credit, per currency. */
    public static final AccountMapping ACCOUNTS = AccountMapping.builder()
            .currency(PLN, "1100", "4100", "2200", "1010", "2400")
            .currency(EUR, "1101", "4101", "2201", "1011", "2401")
            .currency(GBP, "1102", "4102", "2202", "1012", "2402")
            .build();

    private InvoicingFixtures() {
    }

    /** The small-business chart in PLN plus the EUR and GBP accounts of {@link #ACCOUNTS}. */
    public static List<OpenAccount> chart() {
        List<OpenAccount> all = new ArrayList<>(ChartTemplates.smallBusiness(PLN));
        for (CurrencyUnit c : List.of(EUR, GBP)) {
            String n = c == EUR ? "1" : "2";
            all.add(OpenAccount.of("110" + n, "Receivables " + c, AccountType.ASSET, c));
            all.add(OpenAccount.of("410" + n, "Sales " + c, AccountType.INCOME, c));
            all.add(OpenAccount.of("220" + n, "VAT " + c, AccountType.LIABILITY, c));
            all.add(OpenAccount.of("101" + n, "Bank " + c, AccountType.ASSET, c));
            all.add(OpenAccount.of("240" + n, "Customer credit " + c, AccountType.LIABILITY, c));
        }
        return all;
    }

    public static Money pln(String amount) {
        return Money.of(PLN, new BigDecimal(amount));
    }

    public static Money eur(String amount) {
        return Money.of(EUR, new BigDecimal(amount));
    }

    public static Money gbp(String amount) {
        return Money.of(GBP, new BigDecimal(amount));
    }

    public static BigDecimal qty(String q) {
        return new BigDecimal(q);
    }

    /** A line of {@code quantity} at {@code unitPrice} and {@code rate}. */
    public static InvoiceLine line(String description, String quantity, Money unitPrice, VatRate rate) {
        return InvoiceLine.of(description, qty(quantity), "szt.", unitPrice, rate);
    }

    /** An invoice from Acme to Globex in {@code series}: one consulting line of {@code net} PLN at 23 %. */
    public static NewInvoice.Builder sale(String series, String net) {
        return NewInvoice.builder(series, PLN).seller(ACME).buyer(GLOBEX)
                .line(line("Consulting", "1", pln(net), VatRate.PL_23));
    }

    /** The same, dated: issue and sale on {@code date}. */
    public static NewInvoice sale(String series, String net, LocalDate date) {
        return sale(series, net).issueDate(date).saleDate(date).build();
    }
}
