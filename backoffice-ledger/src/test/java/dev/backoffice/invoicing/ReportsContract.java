package dev.backoffice.invoicing;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.ledger.AccountRef;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static dev.backoffice.invoicing.ApFixtures.bill;
import static dev.backoffice.invoicing.InvoicingFixtures.ACME;
import static dev.backoffice.invoicing.InvoicingFixtures.EUR;
import static dev.backoffice.invoicing.InvoicingFixtures.GLOBEX;
import static dev.backoffice.invoicing.InvoicingFixtures.INITECH;
import static dev.backoffice.invoicing.InvoicingFixtures.PLN;
import static dev.backoffice.invoicing.InvoicingFixtures.eur;
import static dev.backoffice.invoicing.InvoicingFixtures.line;
import static dev.backoffice.invoicing.InvoicingFixtures.pln;
import static org.assertj.core.api.Assertions.assertThat;

/** The VAT register (and, below, the aging report) on every store kind. */
public abstract class ReportsContract extends ApContractBase {

    protected static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    protected static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);

    protected ReportsContract(StoreKind kind) {
        super(kind);
    }

    /** How much {@code code}'s posted balance moved in {@code from..to}. */
    protected Money movement(String code, LocalDate from, LocalDate to) {
        return ledger.balance(AccountRef.code(code), to).posted().minus(ledger.balance(AccountRef.code(code), from.minusDays(1)).posted());
    }

    @Test
    void the_vat_register_lists_sales_and_purchases_by_rate_in_zloty_and_reconciles_to_the_ledgers_vat_accounts() {
        FxRates rates = FixedFxRates.builder().rate(EUR, PLN, LocalDate.of(2026, 3, 13), "4.2817", "051/A/NBP/2026").build();
        TenantInvoicing books = invoicing(rates).forTenant(tenant);
        books.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        books.defineSeries(Series.of("KOR", "KOR/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        books.issue(NewInvoice.builder("FV", PLN).seller(ACME).buyer(GLOBEX).issueDate(MARCH_16).saleDate(MARCH_16)
                .line(line("Consulting", "2", pln("500.00"), VatRate.PL_23))
                .line(line("Books", "1", pln("100.00"), VatRate.PL_5)).build());
        Invoice cancelled = books.issue(NewInvoice.builder("FV", PLN).seller(ACME).buyer(GLOBEX).issueDate(MARCH_16).saleDate(MARCH_16)
                .line(line("Consulting", "1", pln("200.00"), VatRate.PL_23)).build());
        books.cancel(cancelled.id(), CancelInvoice.of("KOR", "wrong buyer", "clerk"));
        books.issue(NewInvoice.builder("FV", EUR).seller(ACME).buyer(INITECH).issueDate(MARCH_16).saleDate(MARCH_16)
                .line(line("Licence", "1", eur("1000.00"), VatRate.PL_23)).build());
        books.issue(NewInvoice.builder("FV", PLN).seller(ACME).buyer(GLOBEX).issueDate(LocalDate.of(2026, 4, 1))
                .line(line("April", "1", pln("1000.00"), VatRate.PL_23)).build()); // another period
        TenantPayables ap = books.payables();
        ap.approve(ap.register(bill("P/1", "4000.00", LocalDate.of(2026, 3, 2)).build()).id(), "approver");
        ap.register(bill("P/2", "50.00", LocalDate.of(2026, 3, 2)).build()); // not approved: not posted, not in the register
        ap.approve(ap.register(bill("P/3", "10.00", LocalDate.of(2026, 2, 27)).receivedOn(LocalDate.of(2026, 3, 2)).build()).id(), "approver");

        VatRegister register = books.vatRegister(MARCH_1, MARCH_31);
        assertThat(register.rows()).extracting(VatRegister.Row::side, VatRegister.Row::currency, VatRegister.Row::rate,
                VatRegister.Row::documents, VatRegister.Row::net, VatRegister.Row::vat).containsExactly(
                org.assertj.core.groups.Tuple.tuple(VatRegister.Side.SALES, EUR, VatRate.PL_23, 1, eur("1000.00"), eur("230.00")),
                org.assertj.core.groups.Tuple.tuple(VatRegister.Side.SALES, PLN, VatRate.PL_23, 3, pln("1000.00"), pln("230.00")),
                org.assertj.core.groups.Tuple.tuple(VatRegister.Side.SALES, PLN, VatRate.PL_5, 1, pln("100.00"), pln("5.00")),
                org.assertj.core.groups.Tuple.tuple(VatRegister.Side.PURCHASES, PLN, VatRate.PL_23, 2, pln("4010.00"), pln("922.30")));
        assertThat(register.rows().get(0).vatPln()).contains(pln("984.79")); // 230.00 EUR x 4.2817
        assertThat(register.vatPln(VatRegister.Side.SALES)).isEqualTo(pln("1219.79"));

        for (CurrencyUnit c : new CurrencyUnit[] {PLN, EUR}) {
            String n = c == PLN ? "" : "1";
            String vatDue = c == PLN ? "2200" : "2201";
            String inputVat = c == PLN ? "1300" : "1301";
            assertThat(register.vat(VatRegister.Side.SALES, c)).as("sales " + n).isEqualTo(movement(vatDue, MARCH_1, MARCH_31));
            assertThat(register.vat(VatRegister.Side.PURCHASES, c)).isEqualTo(movement(inputVat, MARCH_1, MARCH_31));
        }
        assertThat(books.vatRegister(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30)).vat(VatRegister.Side.SALES, PLN))
                .isEqualTo(pln("230.00"));
        failsNaming("invoicing.invalid_date", "to", () -> books.vatRegister(MARCH_31, MARCH_1));
    }

    // ================================================================== aging

    private Invoice due(String net, LocalDate dueDate) {
        return invoicing.issue(InvoicingFixtures.sale("FV", net).issueDate(MARCH_16).saleDate(MARCH_16).dueDate(dueDate).build());
    }

    @Test
    void the_aging_report_buckets_each_customers_open_amounts_by_days_overdue() {
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        LocalDate asOf = LocalDate.of(2026, 6, 30);
        due("100.00", asOf);                      // due today: current, 123.00
        due("200.00", asOf.plusDays(31));         // not yet due: current, 246.00
        due("10.00", asOf.minusDays(1));          // 1 day: 12.30
        due("20.00", asOf.minusDays(30));         // 30 days: 24.60
        due("30.00", asOf.minusDays(31));         // 31 days: 36.90
        due("40.00", asOf.minusDays(60));         // 60 days: 49.20
        Invoice partly = due("50.00", asOf.minusDays(61)); // 61 days: 61.50, 11.50 paid -> 50.00
        due("60.00", asOf.minusDays(90));         // 90 days: 73.80
        due("70.00", asOf.minusDays(91));         // 91 days: 86.10
        Invoice paid = due("80.00", asOf.minusDays(100));
        invoicing.recordPayment(NewPayment.of(ApFixtures.GLOBEX_KEY, pln("11.50"), MARCH_16, "part").allocate(partly.id(), pln("11.50")));
        invoicing.recordPayment(NewPayment.of(ApFixtures.GLOBEX_KEY, paid.gross(), MARCH_16, "all").allocate(paid.id(), paid.gross()));
        Party kowalski = Party.withoutTaxId("Jan Kowalski", "PL", "ul. Polna 3, 90-001 Lodz");
        invoicing.issue(NewInvoice.builder("FV", PLN).seller(ACME).buyer(kowalski).issueDate(MARCH_16).dueDate(asOf.minusDays(5))
                .line(line("Chair", "1", pln("100.00"), VatRate.PL_23)).build());
        invoicing.issue(NewInvoice.builder("FV", PLN).seller(ACME).buyer(GLOBEX).issueDate(asOf.plusDays(1))
                .line(line("Later", "1", pln("999.00"), VatRate.PL_23)).build()); // issued after asOf: not in it

        AgingReport report = invoicing.aging(asOf);
        assertThat(report.rows()).hasSize(2);
        AgingReport.Row globex = report.rows().stream().filter(r -> r.customer().equals(ApFixtures.GLOBEX_KEY)).findFirst().orElseThrow();
        assertThat(globex.current()).isEqualTo(pln("369.00"));
        assertThat(globex.days1to30()).isEqualTo(pln("36.90"));
        assertThat(globex.days31to60()).isEqualTo(pln("86.10"));
        assertThat(globex.days61to90()).isEqualTo(pln("123.80"));
        assertThat(globex.over90()).isEqualTo(pln("86.10"));
        assertThat(globex.invoices()).isEqualTo(9);
        assertThat(globex.total()).isEqualTo(pln("701.90"));
        AgingReport.Row jan = invoicing.aging(asOf, "Jan Kowalski").rows().get(0);
        assertThat(jan.days1to30()).isEqualTo(pln("123.00"));
        assertThat(jan.overdue()).isEqualTo(pln("123.00"));
        // the receivable's balance is the sum of every open amount
        assertThat(ledger.balance("1100").posted()).isEqualTo(globex.total().plus(jan.total()).plus(pln("1228.77")));
        assertThat(invoicing.aging(asOf, "nobody").rows()).isEmpty();
    }

    // ================================================================== late-payment claims

    private static final FxRates NBP = FixedFxRates.builder()
            .rate(EUR, PLN, LocalDate.of(2025, 11, 28), "4.2300", "230/A/NBP/2025")
            .rate(EUR, PLN, LocalDate.of(2026, 2, 27), "4.2000", "040/A/NBP/2026")
            .build();

    private Invoice plSale(TenantInvoicing books, String net, LocalDate issued, LocalDate due) {
        return books.issue(NewInvoice.builder("FV", PLN).seller(ACME).buyer(GLOBEX).issueDate(issued).saleDate(issued).dueDate(due)
                .line(line("Goods", "1", pln(net), VatRate.PL_23)).build());
    }

    @Test
    void a_polish_claim_charges_the_reference_rate_plus_ten_points_per_half_year_and_euro_40_70_100_in_zloty() {
        TenantInvoicing books = invoicing(NBP).forTenant(tenant);
        books.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        Invoice small = plSale(books, "1000.00", MARCH_16, LocalDate.of(2026, 3, 30)); // 1230.00
        LatePaymentClaim claim = books.lateClaim(small.id(), LocalDate.of(2026, 6, 30));
        assertThat(claim.jurisdiction()).isEqualTo("PL");
        assertThat(claim.daysLate()).isEqualTo(92);
        assertThat(claim.periods()).singleElement().satisfies(p -> {
            assertThat(p.from()).isEqualTo(LocalDate.of(2026, 3, 31));
            assertThat(p.ratePercent()).isEqualByComparingTo("14.00");
        });
        assertThat(claim.interest()).isEqualTo(pln("43.40")); // 1230.00 x 14 % x 92 / 365 = 43.4038
        assertThat(claim.compensation()).isEqualTo(pln("168.00")); // EUR 40 x 4.2000 (27 Feb 2026, the month before March)
        assertThat(claim.fxRate().orElseThrow().table()).isEqualTo("040/A/NBP/2026");
        assertThat(claim.total()).isEqualTo(pln("211.40"));

        // across 1 January: 16 days at 15.25 %, 15 days at 14 %
        Invoice december = plSale(books, "1000.00", LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 15));
        LatePaymentClaim across = books.lateClaim(december.id(), LocalDate.of(2026, 1, 15));
        assertThat(across.periods()).extracting(LatePaymentClaim.Period::days).containsExactly(16L, 15L);
        assertThat(across.periods().get(0).ratePercent()).isEqualByComparingTo("15.25");
        assertThat(across.interest()).isEqualTo(pln("15.30")); // 8.2225 + 7.0767 = 15.2992
        assertThat(across.compensation()).isEqualTo(pln("169.20")); // EUR 40 x 4.2300 (28 Nov 2025)

        // the bands: exactly 5000 zl is EUR 40, above it EUR 70, 50 000 zl and more EUR 100
        assertThat(books.lateClaim(plSale(books, "4065.04", MARCH_16, LocalDate.of(2026, 3, 30)).id(), LocalDate.of(2026, 4, 1))
                .compensation()).isEqualTo(pln("168.00"));
        assertThat(books.lateClaim(plSale(books, "4065.05", MARCH_16, LocalDate.of(2026, 3, 30)).id(), LocalDate.of(2026, 4, 1))
                .compensation()).isEqualTo(pln("294.00"));
        assertThat(books.lateClaim(plSale(books, "40650.41", MARCH_16, LocalDate.of(2026, 3, 30)).id(), LocalDate.of(2026, 4, 1))
                .compensation()).isEqualTo(pln("420.00"));

        // a part paid: interest on what is open
        books.recordPayment(NewPayment.of(ApFixtures.GLOBEX_KEY, pln("230.00"), MARCH_16, "part").allocate(small.id(), pln("230.00")));
        assertThat(books.lateClaim(small.id(), LocalDate.of(2026, 6, 30)).interest()).isEqualTo(pln("35.29")); // 1000 x 14 % x 92 / 365
        // not late yet: nothing
        LatePaymentClaim early = books.lateClaim(small.id(), LocalDate.of(2026, 3, 30));
        assertThat(early.interest()).isEqualTo(pln("0.00"));
        assertThat(early.compensation()).isEqualTo(pln("0.00"));
        // beyond the table, or without the NBP rate: typed errors naming the field
        failsNaming("invoicing.interest_rate_missing", "asOf", () -> books.lateClaim(small.id(), LocalDate.of(2026, 7, 5)));
        failsNaming("invoicing.fx_rate_missing", "dueDate", () -> invoicing.lateClaim(small.id(), LocalDate.of(2026, 6, 30)));
    }

    @Test
    void a_uk_claim_charges_eight_points_over_the_base_rate_fixed_when_interest_starts_and_a_fixed_sum() {
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        Invoice sale = invoicing.issue(NewInvoice.builder("FV", InvoicingFixtures.GBP).seller(InvoicingFixtures.BRITCO).buyer(INITECH)
                .issueDate(MARCH_16).saleDate(MARCH_16).dueDate(LocalDate.of(2026, 3, 30))
                .line(line("Widgets", "1", InvoicingFixtures.gbp("1000.00"), VatRate.GB_20)).build());
        LatePaymentClaim claim = invoicing.lateClaim(sale.id(), LocalDate.of(2026, 6, 30));
        assertThat(claim.jurisdiction()).isEqualTo("GB");
        assertThat(claim.periods()).singleElement().satisfies(p -> assertThat(p.ratePercent()).isEqualByComparingTo("11.75"));
        assertThat(claim.interest()).isEqualTo(InvoicingFixtures.gbp("35.54")); // 1200 x 11.75 % x 92 / 365 = 35.5397
        assertThat(claim.compensation()).isEqualTo(InvoicingFixtures.gbp("70.00")); // 1,000 or more, less than 10,000

        // interest that starts in June 2025 keeps the rate of 31 December 2024 after 1 July
        Invoice june = invoicing.issue(NewInvoice.builder("FV", InvoicingFixtures.GBP).seller(InvoicingFixtures.BRITCO).buyer(INITECH)
                .issueDate(LocalDate.of(2025, 6, 1)).dueDate(LocalDate.of(2025, 6, 20))
                .line(line("Widgets", "1", InvoicingFixtures.gbp("500.00"), VatRate.GB_20)).build());
        LatePaymentClaim fixed = invoicing.lateClaim(june.id(), LocalDate.of(2025, 7, 20));
        assertThat(fixed.periods()).singleElement().satisfies(p -> {
            assertThat(p.days()).isEqualTo(30);
            assertThat(p.ratePercent()).isEqualByComparingTo("12.75");
        });
        assertThat(fixed.interest()).isEqualTo(InvoicingFixtures.gbp("6.29")); // 600 x 12.75 % x 30 / 365 = 6.2877
        assertThat(fixed.compensation()).isEqualTo(InvoicingFixtures.gbp("40.00"));
        Invoice old = invoicing.issue(NewInvoice.builder("FV", InvoicingFixtures.GBP).seller(InvoicingFixtures.BRITCO).buyer(INITECH)
                .issueDate(LocalDate.of(2023, 12, 1)).dueDate(LocalDate.of(2023, 12, 10))
                .line(line("Widgets", "1", InvoicingFixtures.gbp("500.00"), VatRate.GB_20)).build());
        failsNaming("invoicing.interest_rate_missing", "dueDate", () -> invoicing.lateClaim(old.id(), LocalDate.of(2024, 1, 10)));
    }
}
