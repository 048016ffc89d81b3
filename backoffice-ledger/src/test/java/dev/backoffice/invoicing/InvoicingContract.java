package dev.backoffice.invoicing;

import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.page.Page;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.invoicing.jdbc.JdbcInvoiceStore;
import dev.backoffice.invoicing.memory.InMemoryInvoiceStore;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.LedgerStore;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import dev.backoffice.ledger.memory.InMemoryLedgerStore;
import org.assertj.core.api.ThrowableAssert;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static dev.backoffice.invoicing.InvoicingFixtures.ACCOUNTS;
import static dev.backoffice.invoicing.InvoicingFixtures.ACME;
import static dev.backoffice.invoicing.InvoicingFixtures.BRITCO;
import static dev.backoffice.invoicing.InvoicingFixtures.EUR;
import static dev.backoffice.invoicing.InvoicingFixtures.GBP;
import static dev.backoffice.invoicing.InvoicingFixtures.GLOBEX;
import static dev.backoffice.invoicing.InvoicingFixtures.INITECH;
import static dev.backoffice.invoicing.InvoicingFixtures.JANE;
import static dev.backoffice.invoicing.InvoicingFixtures.PLN;
import static dev.backoffice.invoicing.InvoicingFixtures.eur;
import static dev.backoffice.invoicing.InvoicingFixtures.gbp;
import static dev.backoffice.invoicing.InvoicingFixtures.line;
import static dev.backoffice.invoicing.InvoicingFixtures.pln;
import static dev.backoffice.invoicing.InvoicingFixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The base of every invoicing suite run on each store kind: one database (or none, in memory)
 * per class, a fresh tenant per test, the ledger on the same data source as the invoices (so
 * an invoice and its journal entry share a transaction), the audit log too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class InvoicingContract {

    protected static final LocalDate MARCH_16 = LocalDate.of(2026, 3, 16);

    protected final StoreKind kind;
    private TestDatabase db;
    private InvoiceStore invoiceStore;
    private LedgerStore ledgerStore;

    protected AdjustableClock clock;
    protected TenantId tenant;
    protected Ledger ledgers;
    protected TenantLedger ledger;
    protected Invoicing invoicings;
    protected TenantInvoicing invoicing;
    protected AuditStore audit;

    protected InvoicingContract(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeAll
    void openStores() {
        if (kind.jdbc()) {
            db = kind.openDatabase();
            invoiceStore = JdbcInvoiceStore.create(db.dataSource());
            ledgerStore = JdbcLedgerStore.create(db.dataSource());
        } else {
            invoiceStore = InMemoryInvoiceStore.create();
            ledgerStore = InMemoryLedgerStore.create();
        }
    }

    @AfterAll
    void closeStores() {
        if (ledgerStore instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void freshTenant() {
        clock = AdjustableClock.startingAt(Instant.parse("2026-03-16T09:00:00Z"));
        tenant = TenantId.of("t-" + UUID.randomUUID());
        audit = kind.jdbc() ? JdbcAuditStore.create(Jdbc.of(db.dataSource()), clock) : InMemoryAuditStore.create(clock);
        ledgers = Ledger.builder().store(ledgerStore).clock(clock).audit(audit).build();
        ledger = ledgers.forTenant(tenant);
        ledger.openAll(InvoicingFixtures.chart());
        invoicings = invoicing(null);
        invoicing = invoicings.forTenant(tenant);
    }

    // ================================================================== 1. series and numbering

    @Test
    void a_draft_carries_no_number_and_issuing_gives_the_next_number_of_its_series() {
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{MM}/{seq}", NumberReset.MONTHLY), "owner");
        Invoice draft = invoicing.draft(sale("FV", "100.00").build());
        assertThat(draft.status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(draft.number()).isEmpty();
        assertThat(draft.sequence()).isZero();
        assertThat(ledger.journal(0, 100)).isEmpty();

        Invoice first = invoicing.issue(draft.id());
        Invoice second = invoicing.issue(sale("FV", "50.00").build());
        assertThat(first.number()).contains("FV/2026/03/1");
        assertThat(second.number()).contains("FV/2026/03/2");
        assertThat(first.issueDate()).contains(MARCH_16);
        assertThat(invoicing.invoiceByNumber("FV/2026/03/2")).contains(second);
        assertThat(invoicing.invoice(first.id())).isEqualTo(first);
    }

    @Test
    void a_monthly_series_starts_again_each_month_and_a_yearly_one_each_year() {
        invoicing.defineSeries(Series.of("M", "M/{yyyy}/{MM}/{seq:3}", NumberReset.MONTHLY), "owner");
        invoicing.defineSeries(Series.of("Y", "Y-{yyyy}-{seq:5}", NumberReset.YEARLY), "owner");
        LocalDate mar = LocalDate.of(2026, 3, 31);
        LocalDate apr = LocalDate.of(2026, 4, 1);
        LocalDate nextYear = LocalDate.of(2027, 1, 2);
        assertThat(invoicing.issue(sale("M", "1.00", mar)).number()).contains("M/2026/03/001");
        assertThat(invoicing.issue(sale("M", "1.00", mar)).number()).contains("M/2026/03/002");
        assertThat(invoicing.issue(sale("M", "1.00", apr)).number()).contains("M/2026/04/001");
        assertThat(invoicing.issue(sale("Y", "1.00", mar)).number()).contains("Y-2026-00001");
        assertThat(invoicing.issue(sale("Y", "1.00", apr)).number()).contains("Y-2026-00002");
        assertThat(invoicing.issue(sale("Y", "1.00", nextYear)).number()).contains("Y-2027-00001");
        assertThat(invoicing.gapAudit("M", NumberingPeriod.month(YearMonth.of(2026, 3))))
                .returns(2L, GapAudit::count).returns(true, GapAudit::gapFree);
    }

    @Test
    void defining_a_series_again_is_idempotent_and_another_definition_under_its_code_is_a_conflict() {
        Series fv = Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY);
        assertThat(invoicing.defineSeries(fv, "owner")).isEqualTo(fv);
        assertThat(invoicing.defineSeries(fv, "owner")).isEqualTo(fv);
        fails("invoicing.series_exists", () -> invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{MM}/{seq}", NumberReset.MONTHLY), "owner"));
        assertThat(invoicing.series()).containsExactly(fv);
        assertThat(audit.forTenant(tenant).size()).isEqualTo(1);
    }

    @Test
    void the_gap_audit_shows_first_last_count_and_no_hole_after_issues() {
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        for (int i = 0; i < 5; i++) {
            invoicing.issue(sale("FV", "10.00").build());
        }
        invoicing.draft(sale("FV", "10.00").build()); // a draft takes no number
        GapAudit audit = invoicing.gapAudit("FV", NumberingPeriod.year(Year.of(2026)));
        assertThat(audit.first()).isEqualTo(1);
        assertThat(audit.last()).isEqualTo(5);
        assertThat(audit.count()).isEqualTo(5);
        assertThat(audit.counter()).isEqualTo(5);
        assertThat(audit.holes()).isEmpty();
        assertThat(audit.gapFree()).isTrue();
        assertThat(invoicing.gapAudit("FV", NumberingPeriod.year(Year.of(2025))))
                .returns(0L, GapAudit::count).returns(true, GapAudit::gapFree);
    }

    @Test
    void an_issue_refused_by_a_closed_ledger_period_writes_nothing_and_consumes_no_number() {
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        invoicing.issue(sale("FV", "10.00").build());
        ledger.closePeriod(LocalDate.of(2026, 3, 10), "accountant");
        Invoice draft = invoicing.draft(sale("FV", "10.00").issueDate(LocalDate.of(2026, 3, 9)).build());
        int entries = ledger.journal(0, 1000).size();

        BackofficeException e = fails("invoicing.period_closed", () -> invoicing.issue(draft.id()));
        assertThat(e.getMessage()).contains("issueDate");

        assertThat(invoicing.invoice(draft.id()).status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(invoicing.invoice(draft.id()).number()).isEmpty();
        assertThat(ledger.journal(0, 1000)).hasSize(entries);
        GapAudit audit = invoicing.gapAudit("FV", NumberingPeriod.year(Year.of(2026)));
        assertThat(audit.counter()).isEqualTo(1);
        assertThat(audit.gapFree()).isTrue();
        assertThat(invoicing.issue(sale("FV", "10.00").build()).number()).contains("FV/2026/2");
    }

    @Test
    void many_threads_issuing_into_one_series_leave_no_gap_and_no_duplicate() throws Exception {
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        int threads = 12;
        int each = kind == StoreKind.MEMORY ? 50 : 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                List<String> numbers = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    numbers.add(invoicing.issue(sale("FV", "10.00").build()).number().orElseThrow());
                }
                return numbers;
            }));
        }
        start.countDown();
        List<String> all = new ArrayList<>();
        for (var f : futures) {
            all.addAll(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        int n = threads * each;
        assertThat(all).hasSize(n).doesNotHaveDuplicates();
        assertThat(all.stream().map(s -> Long.parseLong(s.substring("FV/2026/".length()))).sorted().toList())
                .isEqualTo(LongStream.rangeClosed(1, n).boxed().toList());
        GapAudit audit = invoicing.gapAudit("FV", NumberingPeriod.year(Year.of(2026)));
        assertThat(audit.gapFree()).isTrue();
        assertThat(audit.count()).isEqualTo(n);
        assertThat(ledger.balance("1100").posted()).isEqualTo(pln("12.30").multipliedBy(n));
    }

    // ================================================================== 2. the invoice

    @Test
    void an_issued_invoice_posts_receivable_debit_revenue_and_vat_credits_in_its_currency() {
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        Invoice invoice = invoicing.issue(NewInvoice.builder("FV", PLN).seller(ACME).buyer(GLOBEX)
                .line(line("Laptop", "2", pln("3000.00"), VatRate.PL_23))
                .line(line("Book", "3", pln("40.00"), VatRate.PL_5))
                .line(line("Training", "1", pln("500.00"), VatRate.PL_EXEMPT).discount(new BigDecimal("10")))
                .saleDate(LocalDate.of(2026, 3, 12))
                .paymentDays(30)
                .build());
        assertThat(invoice.net()).isEqualTo(pln("6570.00"));
        assertThat(invoice.vat()).isEqualTo(pln("1386.00"));
        assertThat(invoice.gross()).isEqualTo(pln("7956.00"));
        assertThat(invoice.totals()).extracting(VatTotal::rate).containsExactly(VatRate.PL_23, VatRate.PL_5, VatRate.PL_EXEMPT);
        assertThat(invoice.saleDate()).contains(LocalDate.of(2026, 3, 12));
        assertThat(invoice.dueDate()).contains(MARCH_16.plusDays(30));
        assertThat(invoice.open()).isEqualTo(invoice.gross());

        JournalEntry entry = ledger.entry(invoice.ledgerEntry().orElseThrow());
        assertThat(entry.effectiveDate()).isEqualTo(MARCH_16);
        assertThat(ledger.balance("1100").posted()).isEqualTo(pln("7956.00"));
        assertThat(ledger.balance("4100").posted()).isEqualTo(pln("6570.00"));
        assertThat(ledger.balance("2200").posted()).isEqualTo(pln("1386.00"));
    }

    @Test
    void a_euro_invoice_of_a_polish_seller_shows_its_vat_in_zloty_at_the_rate_of_the_business_day_before_the_tax_point() {
        // sale on Monday 16 March: the last table before it is Friday 13 March (no tables at the weekend)
        FxRates rates = FixedFxRates.builder()
                .rate(EUR, PLN, LocalDate.of(2026, 3, 12), "4.2700", "050/A/NBP/2026")
                .rate(EUR, PLN, LocalDate.of(2026, 3, 13), "4.2817", "051/A/NBP/2026")
                .rate(EUR, PLN, LocalDate.of(2026, 3, 16), "4.3000", "052/A/NBP/2026")
                .build();
        TenantInvoicing withRates = invoicing(rates).forTenant(tenant);
        withRates.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        Invoice invoice = withRates.issue(NewInvoice.builder("FV", EUR).seller(ACME).buyer(INITECH)
                .line(line("Consulting", "8", eur("125.00"), VatRate.PL_23))
                .saleDate(MARCH_16).build());
        assertThat(invoice.fxRate().orElseThrow().table()).isEqualTo("051/A/NBP/2026");
        assertThat(invoice.totals().get(0).vat()).isEqualTo(eur("230.00"));
        assertThat(invoice.totals().get(0).vatLocal()).contains(pln("984.79"));
        assertThat(invoice.totals().get(0).netLocal()).contains(pln("4281.70"));
        assertThat(withRates.invoice(invoice.id())).isEqualTo(invoice);
        assertThat(ledger.balance("1101").posted()).isEqualTo(eur("1230.00"));
        assertThat(ledger.balance("2201").posted()).isEqualTo(eur("230.00"));
        assertThat(ledger.balance("1100").posted()).isEqualTo(pln("0.00"));
    }

    @Test
    void a_foreign_currency_invoice_without_a_rate_before_its_tax_point_is_refused_and_takes_no_number() {
        FxRates rates = FixedFxRates.builder().rate(EUR, PLN, MARCH_16, "4.3000", "052/A/NBP/2026").build();
        TenantInvoicing withRates = invoicing(rates).forTenant(tenant);
        withRates.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        BackofficeException e = fails("invoicing.fx_rate_missing", () -> withRates.issue(NewInvoice.builder("FV", EUR)
                .seller(ACME).buyer(INITECH).line(line("Consulting", "1", eur("100.00"), VatRate.PL_23)).saleDate(MARCH_16).build()));
        assertThat(e.getMessage()).contains("saleDate");
        assertNothingWritten("FV");
    }

    @Test
    void a_uk_invoice_uses_uk_rates_and_may_go_to_a_consumer() {
        invoicing.defineSeries(Series.of("UK", "UK-{yyyy}-{seq:4}", NumberReset.YEARLY), "owner");
        Invoice invoice = invoicing.issue(NewInvoice.builder("UK", GBP).seller(BRITCO).buyer(JANE)
                .line(line("Widget", "3", gbp("19.99"), VatRate.GB_20))
                .line(line("Children's shoes", "1", gbp("25.00"), VatRate.GB_0))
                .build());
        assertThat(invoice.number()).contains("UK-2026-0001");
        assertThat(invoice.customer()).isEqualTo("Jane Doe");
        assertThat(invoice.vat()).isEqualTo(gbp("11.99")); // 59.97 x 20 % = 11.994
        assertThat(invoice.fxRate()).isEmpty();
        assertThat(ledger.balance("1102").posted()).isEqualTo(gbp("96.96"));
    }

    @Test
    void issuing_the_same_invoice_again_returns_it_and_posts_once() {
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        NewInvoice command = sale("FV", "100.00").id(InvoiceId.newId()).build();
        Invoice first = invoicing.issue(command);
        assertThat(invoicing.issue(command)).isEqualTo(first);
        assertThat(invoicing.issue(first.id())).isEqualTo(first);
        assertThat(invoicing.draft(command)).isEqualTo(first);
        assertThat(ledger.journal(0, 100)).hasSize(1);
        assertThat(invoicing.gapAudit("FV", first.period().orElseThrow()).count()).isEqualTo(1);
        fails("invoicing.invoice_exists", () -> invoicing.issue(sale("FV", "999.00").id(first.id()).build()));
    }

    @Test
    void invoices_are_listed_in_pages_whose_cursors_work_for_their_tenant_only() {
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        for (int i = 0; i < 5; i++) {
            invoicing.issue(sale("FV", "10.00").build());
        }
        Page<Invoice> first = invoicing.invoices(Optional.empty(), 2);
        Page<Invoice> second = invoicing.invoices(first.nextCursor(), 2);
        Page<Invoice> third = invoicing.invoices(second.nextCursor(), 2);
        assertThat(first.items()).hasSize(2);
        assertThat(third.items()).hasSize(1);
        assertThat(third.hasNext()).isFalse();
        assertThat(Stream.of(first, second, third).flatMap(p -> p.items().stream()).map(Invoice::number))
                .doesNotHaveDuplicates().hasSize(5);
        TenantInvoicing other = invoicings.forTenant(TenantId.of("other-" + UUID.randomUUID()));
        fails("page.invalid_cursor", () -> other.invoices(first.nextCursor(), 2));
    }

    // ---- bad input: each a typed error naming the field, nothing written, no number consumed

    @Test
    void a_vat_rate_of_another_country_is_refused_naming_the_line() {
        assertBadInput("invoicing.unknown_vat_rate", "lines[1].vatRate", () -> sale("FV", "10.00")
                .line(line("Widget", "1", pln("5.00"), VatRate.GB_20)).build());
    }

    @Test
    void a_price_in_another_currency_is_refused_naming_the_line() {
        assertBadInput("invoicing.currency_mismatch", "lines[1].unitNetPrice", () -> sale("FV", "10.00")
                .line(line("Widget", "1", eur("5.00"), VatRate.PL_23)).build());
    }

    @Test
    void a_zero_or_too_precise_quantity_is_refused_naming_the_line() {
        assertBadInput("invoicing.invalid_quantity", "lines[1].quantity", () -> sale("FV", "10.00")
                .line(line("Widget", "0", pln("5.00"), VatRate.PL_23)).build());
        assertBadInput("invoicing.invalid_quantity", "lines[0].quantity", () -> NewInvoice.builder("FV", PLN).seller(ACME).buyer(GLOBEX)
                .line(line("Widget", "1.0000001", pln("5.00"), VatRate.PL_23)).build());
    }

    @Test
    void a_negative_price_or_a_discount_over_100_percent_is_refused_naming_the_line() {
        assertBadInput("invoicing.invalid_price", "lines[1].unitNetPrice", () -> sale("FV", "10.00")
                .line(line("Widget", "1", pln("-5.00"), VatRate.PL_23)).build());
        assertBadInput("invoicing.invalid_discount", "lines[1].discountPercent", () -> sale("FV", "10.00")
                .line(line("Widget", "1", pln("5.00"), VatRate.PL_23).discount(new BigDecimal("100.01"))).build());
    }

    @Test
    void an_invoice_without_lines_is_refused() {
        assertBadInput("invoicing.invalid_lines", "lines", () -> NewInvoice.builder("FV", PLN).seller(ACME).buyer(GLOBEX).build());
    }

    @Test
    void a_due_date_before_the_issue_date_is_refused() {
        assertBadInput("invoicing.invalid_date", "dueDate", () -> sale("FV", "10.00").issueDate(MARCH_16)
                .dueDate(MARCH_16.minusDays(1)).build());
    }

    @Test
    void reverse_charge_to_a_buyer_without_a_tax_id_and_a_seller_without_one_are_refused() {
        assertBadInput("invoicing.invalid_tax_id", "buyer.taxId", () -> NewInvoice.builder("FV", PLN).seller(ACME)
                .buyer(Party.withoutTaxId("Jan Kowalski", "PL", "ul. Polna 3, Lodz"))
                .line(line("Scrap metal", "1", pln("100.00"), VatRate.PL_REVERSE_CHARGE)).build());
        assertBadInput("invoicing.invalid_tax_id", "seller.taxId", () -> NewInvoice.builder("FV", PLN)
                .seller(Party.withoutTaxId("Acme", "PL", "Warszawa")).buyer(GLOBEX)
                .line(line("Widget", "1", pln("100.00"), VatRate.PL_23)).build());
    }

    @Test
    void an_invalid_tax_id_is_refused_naming_it() {
        assertBadInput("invoicing.invalid_tax_id", "taxId", () -> sale("FV", "10.00")
                .buyer(Party.of("Globex", "PL", "7680002467", "Krakow")).build());
    }

    @Test
    void an_unknown_series_is_refused_and_nothing_is_written() {
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        BackofficeException e = fails("invoicing.series_not_found", () -> invoicing.issue(sale("XX", "10.00").build()));
        assertThat(e.getMessage()).startsWith("series");
        assertNothingWritten("FV");
    }

    @Test
    void a_currency_with_no_accounts_is_refused_before_anything_is_written() {
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        Party ukSeller = BRITCO;
        Invoice draft = invoicing.draft(NewInvoice.builder("FV", CurrencyUnit.USD).seller(ukSeller).buyer(JANE)
                .line(line("Widget", "1", Money.of(CurrencyUnit.USD, 10), VatRate.GB_20)).build());
        BackofficeException e = fails("invoicing.account_not_mapped", () -> invoicing.issue(draft.id()));
        assertThat(e.getMessage()).startsWith("currency");
        assertThat(invoicing.invoice(draft.id()).status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(ledger.journal(0, 10)).isEmpty();
        assertThat(invoicing.gapAudit("FV", NumberingPeriod.year(Year.of(2026))).counter()).isZero();
    }

    /**
     * Defines series FV, then checks that making the command and issuing it fails with
     * {@code code} naming {@code field}, and that nothing was written.
     */
    private void assertBadInput(String code, String field, Supplier<NewInvoice> command) {
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        BackofficeException e = fails(code, () -> invoicing.issue(command.get()));
        assertThat(e).isInstanceOf(InvalidRequestException.class);
        assertThat(((InvalidRequestException) e).violations().get(0).field()).isEqualTo(field);
        assertNothingWritten("FV");
    }

    /** No invoice, no journal entry, no number of {@code series} taken in 2026. */
    protected void assertNothingWritten(String series) {
        assertThat(invoicing.invoices(Optional.empty(), 10).items()).isEmpty();
        assertThat(ledger.journal(0, 10)).isEmpty();
        assertThat(invoicing.gapAudit(series, NumberingPeriod.year(Year.of(2026))).counter()).isZero();
    }

    // ================================================================== 4. lifecycle, payments, credit notes

    private static final String GLOBEX_KEY = "PL7680002466";

    private Invoice issued(String net) {
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        return invoicing.issue(sale("FV", net).build());
    }

    @Test
    void payments_move_an_invoice_through_partially_paid_to_paid_and_post_bank_against_receivable() {
        Invoice invoice = issued("100.00"); // gross 123.00
        assertThat(invoice.customer()).isEqualTo(GLOBEX_KEY);
        Payment first = invoicing.recordPayment(NewPayment.of(GLOBEX_KEY, pln("23.00"), MARCH_16, "transfer 1").allocate(invoice.id(), pln("23.00")));
        assertThat(invoicing.invoice(invoice.id())).returns(InvoiceStatus.PARTIALLY_PAID, Invoice::status)
                .returns(pln("100.00"), Invoice::open);
        invoicing.recordPayment(NewPayment.of(GLOBEX_KEY, pln("100.00"), MARCH_16, "transfer 2").allocate(invoice.id(), pln("100.00")));
        assertThat(invoicing.invoice(invoice.id())).returns(InvoiceStatus.PAID, Invoice::status).returns(pln("0.00"), Invoice::open);
        assertThat(first.unallocated()).isEqualTo(pln("0.00"));
        assertThat(ledger.balance("1010").posted()).isEqualTo(pln("123.00"));
        assertThat(ledger.balance("1100").posted()).isEqualTo(pln("0.00"));
        assertThat(ledger.balance("2400").posted()).isEqualTo(pln("0.00"));
        fails("invoicing.illegal_transition", () -> invoicing.recordPayment(NewPayment.of(GLOBEX_KEY, pln("1.00"), MARCH_16, "late")
                .allocate(invoice.id(), pln("1.00"))));
    }

    @Test
    void one_payment_settles_several_invoices_and_an_overpayment_stays_as_customer_credit_to_allocate_later() {
        Invoice a = issued("100.00"); // 123.00
        Invoice b = invoicing.issue(sale("FV", "200.00").build()); // 246.00
        Invoice c = invoicing.issue(sale("FV", "10.00").build()); // 12.30
        Payment payment = invoicing.recordPayment(NewPayment.of(GLOBEX_KEY, pln("400.00"), MARCH_16, "bulk")
                .allocate(a.id(), pln("123.00")).allocate(b.id(), pln("246.00")));
        assertThat(payment.unallocated()).isEqualTo(pln("31.00"));
        assertThat(ledger.balance("2400").posted()).isEqualTo(pln("31.00"));
        assertThat(invoicing.invoice(a.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoicing.invoice(b.id()).status()).isEqualTo(InvoiceStatus.PAID);

        Payment after = invoicing.allocate(payment.id(), List.of(NewAllocation.of(c.id(), pln("12.30"))));
        assertThat(after.unallocated()).isEqualTo(pln("18.70"));
        assertThat(after.allocations()).hasSize(3);
        assertThat(invoicing.payment(payment.id())).isEqualTo(after);
        assertThat(invoicing.invoice(c.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(ledger.balance("2400").posted()).isEqualTo(pln("18.70"));
        assertThat(ledger.balance("1100").posted()).isEqualTo(pln("0.00"));
        assertThat(ledger.balance("1010").posted()).isEqualTo(pln("400.00"));
    }

    @Test
    void recording_the_same_payment_again_returns_it_and_posts_once() {
        Invoice invoice = issued("100.00");
        NewPayment command = NewPayment.of(GLOBEX_KEY, pln("50.00"), MARCH_16, "transfer").withId(PaymentId.newId())
                .allocate(invoice.id(), pln("50.00"));
        Payment first = invoicing.recordPayment(command);
        assertThat(invoicing.recordPayment(command)).isEqualTo(first);
        assertThat(invoicing.invoice(invoice.id()).paid()).isEqualTo(pln("50.00"));
        assertThat(ledger.journal(0, 100)).hasSize(2);
        fails("invoicing.payment_exists", () -> invoicing.recordPayment(NewPayment.of(GLOBEX_KEY, pln("60.00"), MARCH_16, "transfer")
                .withId(first.id())));
    }

    @Test
    void an_allocation_beyond_what_is_open_is_refused_and_nothing_is_written() {
        Invoice invoice = issued("100.00");
        int entries = ledger.journal(0, 100).size();
        BackofficeException e = fails("invoicing.allocation_exceeds_open", () -> invoicing.recordPayment(
                NewPayment.of(GLOBEX_KEY, pln("200.00"), MARCH_16, "too much").allocate(invoice.id(), pln("123.01"))));
        assertThat(e.getMessage()).startsWith("allocations[0].amount");
        assertThat(invoicing.invoice(invoice.id())).returns(pln("0.00"), Invoice::paid).returns(InvoiceStatus.ISSUED, Invoice::status);
        assertThat(ledger.journal(0, 100)).hasSize(entries);
    }

    @Test
    void allocations_beyond_the_payment_or_in_another_currency_or_of_another_customer_are_refused() {
        Invoice invoice = issued("100.00");
        fails("invoicing.allocation_exceeds_payment", () -> NewPayment.of(GLOBEX_KEY, pln("10.00"), MARCH_16, "x")
                .allocate(invoice.id(), pln("10.01")));
        BackofficeException currency = fails("invoicing.currency_mismatch", () -> invoicing.recordPayment(
                NewPayment.of(GLOBEX_KEY, eur("10.00"), MARCH_16, "x").allocate(invoice.id(), eur("10.00"))));
        assertThat(((InvalidRequestException) currency).violations().get(0).field()).isEqualTo("allocations[0].amount");
        fails("invoicing.customer_mismatch", () -> invoicing.recordPayment(
                NewPayment.of("someone-else", pln("10.00"), MARCH_16, "x").allocate(invoice.id(), pln("10.00"))));
        Payment credit = invoicing.recordPayment(NewPayment.of(GLOBEX_KEY, pln("5.00"), MARCH_16, "credit"));
        fails("invoicing.allocation_exceeds_payment", () -> invoicing.allocate(credit.id(), List.of(NewAllocation.of(invoice.id(), pln("5.01")))));
        fails("invoicing.invoice_not_found", () -> invoicing.allocate(credit.id(), List.of(NewAllocation.of(InvoiceId.newId(), pln("1.00")))));
        assertThat(invoicing.invoice(invoice.id()).paid()).isEqualTo(pln("0.00"));
        assertThat(invoicing.payment(credit.id()).allocations()).isEmpty();
        assertThat(ledger.balance("2400").posted()).isEqualTo(pln("5.00"));
    }

    @Test
    void a_draft_cannot_be_paid() {
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        Invoice draft = invoicing.draft(sale("FV", "10.00").build());
        fails("invoicing.illegal_transition", () -> invoicing.recordPayment(NewPayment.of(GLOBEX_KEY, pln("1.00"), MARCH_16, "x")
                .allocate(draft.id(), pln("1.00"))));
        assertThat(ledger.journal(0, 10)).isEmpty();
    }

    @Test
    void the_overdue_sweep_marks_open_invoices_past_their_due_date_and_payment_in_full_still_settles_them() {
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        Invoice due = invoicing.issue(sale("FV", "100.00").paymentDays(7).build());      // due 23 March
        Invoice later = invoicing.issue(sale("FV", "100.00").paymentDays(30).build());   // due 15 April
        invoicing.recordPayment(NewPayment.of(GLOBEX_KEY, pln("20.00"), MARCH_16, "part").allocate(due.id(), pln("20.00")));
        assertThat(invoicing.markOverdue(MARCH_16)).isEmpty();
        fails("invoicing.invalid_date", () -> invoicing.markOverdue(LocalDate.of(2026, 3, 24)));

        clock.advance(Duration.ofDays(8)); // 24 March
        List<Invoice> marked = invoicing.markOverdue(LocalDate.of(2026, 3, 24));
        assertThat(marked).extracting(Invoice::id).containsExactly(due.id());
        assertThat(invoicing.invoice(due.id())).returns(InvoiceStatus.OVERDUE, Invoice::status).returns(pln("103.00"), Invoice::open);
        assertThat(invoicing.invoice(due.id()).isOverdue(LocalDate.of(2026, 3, 24))).isTrue();
        assertThat(invoicing.invoice(later.id()).status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(invoicing.markOverdue(LocalDate.of(2026, 3, 24))).isEmpty();

        invoicing.recordPayment(NewPayment.of(GLOBEX_KEY, pln("3.00"), LocalDate.of(2026, 3, 24), "more").allocate(due.id(), pln("3.00")));
        assertThat(invoicing.invoice(due.id()).status()).isEqualTo(InvoiceStatus.OVERDUE);
        invoicing.recordPayment(NewPayment.of(GLOBEX_KEY, pln("100.00"), LocalDate.of(2026, 3, 24), "rest").allocate(due.id(), pln("100.00")));
        assertThat(invoicing.invoice(due.id()).status()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void a_credit_note_cancels_an_unpaid_invoice_with_its_own_number_and_the_reverse_entry() {
        Invoice invoice = issued("100.00");
        invoicing.defineSeries(Series.of("KOR", "KOR/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        CancelInvoice command = new CancelInvoice(Optional.of(InvoiceId.newId()), "KOR", "issued in error", "alice", Optional.empty());
        Invoice creditNote = invoicing.cancel(invoice.id(), command);

        assertThat(creditNote.kind()).isEqualTo(InvoiceKind.CREDIT_NOTE);
        assertThat(creditNote.number()).contains("KOR/2026/1");
        assertThat(creditNote.corrects()).contains(invoice.id());
        assertThat(creditNote.linesBefore()).isEqualTo(invoice.lines());
        assertThat(creditNote.lines()).allSatisfy(l -> assertThat(l.quantity()).isZero());
        assertThat(creditNote.gross()).isEqualTo(pln("-123.00"));
        assertThat(creditNote.vat()).isEqualTo(pln("-23.00"));
        assertThat(invoicing.invoice(invoice.id())).returns(InvoiceStatus.CANCELLED, Invoice::status)
                .returns(Optional.of(creditNote.id()), Invoice::cancelledBy).returns(pln("0.00"), Invoice::open);
        assertThat(ledger.balance("1100").posted()).isEqualTo(pln("0.00"));
        assertThat(ledger.balance("4100").posted()).isEqualTo(pln("0.00"));
        assertThat(ledger.balance("2200").posted()).isEqualTo(pln("0.00"));
        assertThat(audit.forTenant(tenant).read(1, 10)).extracting(r -> r.event().action()).contains("invoicing.invoice_cancelled");

        assertThat(invoicing.cancel(invoice.id(), command)).isEqualTo(creditNote);
        fails("invoicing.illegal_transition", () -> invoicing.cancel(invoice.id(), CancelInvoice.of("KOR", "again", "alice")));
        fails("invoicing.not_payable", () -> invoicing.recordPayment(NewPayment.of(GLOBEX_KEY, pln("1.00"), MARCH_16, "x")
                .allocate(creditNote.id(), pln("1.00"))));
        assertThat(invoicing.gapAudit("KOR", creditNote.period().orElseThrow()).gapFree()).isTrue();
    }

    @Test
    void an_invoice_with_a_payment_is_not_cancelled() {
        Invoice invoice = issued("100.00");
        invoicing.defineSeries(Series.of("KOR", "KOR/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        invoicing.recordPayment(NewPayment.of(GLOBEX_KEY, pln("1.00"), MARCH_16, "x").allocate(invoice.id(), pln("1.00")));
        fails("invoicing.illegal_transition", () -> invoicing.cancel(invoice.id(), CancelInvoice.of("KOR", "too late", "alice")));
        clock.advance(Duration.ofDays(30));
        assertThat(invoicing.markOverdue(LocalDate.of(2026, 4, 15))).hasSize(1);
        fails("invoicing.guard_rejected", () -> invoicing.cancel(invoice.id(), CancelInvoice.of("KOR", "too late", "alice")));
        assertThat(invoicing.gapAudit("KOR", NumberingPeriod.year(Year.of(2026))).counter()).isZero();
    }

    /** An invoicing front door over this class's stores (with {@code rates}, if not null). */
    protected Invoicing invoicing(FxRates rates) {
        Invoicing.Builder b = Invoicing.builder().store(invoiceStore).ledger(ledgers, ACCOUNTS).clock(clock).audit(audit);
        if (rates != null) {
            b.fxRates(rates);
        }
        return b.build();
    }

    /** The store under test. */
    protected InvoiceStore invoiceStore() {
        return invoiceStore;
    }

    /** Asserts {@code call} fails with {@code code}; returns the exception. */
    protected static BackofficeException fails(String code, ThrowableAssert.ThrowingCallable call) {
        BackofficeException e = catchThrowableOfType(BackofficeException.class, call);
        assertThat(e).as("expected a failure with code %s", code).isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        return e;
    }
}
