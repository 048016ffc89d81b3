package dev.backoffice.examples.bench.einvoice;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.invoicing.Fa3Writer;
import dev.backoffice.invoicing.FixedFxRates;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceLine;
import dev.backoffice.invoicing.Invoicing;
import dev.backoffice.invoicing.NewInvoice;
import dev.backoffice.invoicing.NumberReset;
import dev.backoffice.invoicing.Party;
import dev.backoffice.invoicing.Series;
import dev.backoffice.invoicing.TenantInvoicing;
import dev.backoffice.invoicing.VatRate;
import dev.backoffice.invoicing.einvoice.Fa3Reader;
import dev.backoffice.invoicing.einvoice.InvoiceDocument;
import dev.backoffice.invoicing.einvoice.UblReader;
import dev.backoffice.invoicing.einvoice.UblWriter;
import dev.backoffice.invoicing.memory.InMemoryInvoiceStore;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * E-invoices on one thread (issue #16: "FA(3) and UBL writing: at least 20,000 invoices/s on one
 * thread, validation measured separately"). Each document is a realistic five-line invoice: a
 * Polish seller's EUR invoice to a German buyer (23 %, 8 %, 0 %, exempt, one discount; PLN VAT
 * amounts) for FA(3), a UK seller's GBP invoice to a UK buyer (20 %, 5 %, 0 %, exempt, one
 * discount) for UBL.
 *
 * <ul>
 *   <li>{@code fa3Write}, {@code ublWrite}, {@code ublWriteCreditNote}: the whole XML string.</li>
 *   <li>{@code fa3Read}, {@code ublRead}: the document back to {@link InvoiceDocument}.</li>
 *   <li>{@code fa3Validate}: {@link Fa3Writer#validate(String)} against the official FA(3) schema
 *       (the Peppol Schematron validation of UBL runs in the tests through phive, which is a
 *       test-only dependency, and is not measured here).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 3)
public class EInvoiceBench {

    private static final CurrencyUnit PLN = CurrencyUnit.of("PLN");
    private static final CurrencyUnit EUR = CurrencyUnit.EUR;
    private static final CurrencyUnit GBP = CurrencyUnit.GBP;

    private Fa3Writer fa3;
    private UblWriter ubl;
    private Invoice polish;
    private Invoice british;
    private Invoice britishCredit;
    private String fa3Xml;
    private String ublXml;

    @Setup
    public void setUp() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-16T09:00:00Z"), ZoneOffset.UTC);
        TenantInvoicing invoicing = Invoicing.builder().store(InMemoryInvoiceStore.create()).clock(clock)
                .fxRates(FixedFxRates.builder().rate(EUR, PLN, LocalDate.of(2026, 3, 13), "4.2817", "051/A/NBP/2026").build())
                .build().forTenant(TenantId.of("bench"));
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{MM}/{seq}", NumberReset.MONTHLY), "bench");
        invoicing.defineSeries(Series.of("KOR", "KOR/{yyyy}/{seq}", NumberReset.YEARLY), "bench");
        Party acme = Party.of("Acme sp. z o.o.", "PL", "526-025-02-74", "ul. Prosta 1, 00-001 Warszawa");
        Party initech = Party.of("Initech GmbH", "DE", "DE123456789", "Hauptstrasse 1, 10115 Berlin");
        Party britco = Party.of("Britco Ltd", "GB", "GB 999 9999 73", "1 High Street, London");
        Party buyco = Party.of("Buyco Ltd", "GB", "GB123456782", "3 Mill Lane, Manchester M1 1AA");
        polish = invoicing.issue(NewInvoice.builder("FV", EUR).seller(acme).buyer(initech)
                .line(line("Laptop 14\" & dock", "2", "1499.99", EUR, VatRate.PL_23).discount(new BigDecimal("5")))
                .line(line("Catering", "12", "18.50", EUR, VatRate.PL_8))
                .line(line("Spare parts", "40", "3.1250", EUR, VatRate.PL_0))
                .line(line("Training day", "1", "800.00", EUR, VatRate.PL_EXEMPT))
                .line(line("Installation", "6.5", "95.00", EUR, VatRate.PL_23))
                .dueDate(LocalDate.of(2026, 4, 15)).build());
        british = invoicing.issue(NewInvoice.builder("FV", GBP).seller(britco).buyer(buyco)
                .line(line("Consulting", "10", "120.00", GBP, VatRate.GB_20).discount(new BigDecimal("12.5")))
                .line(line("Domestic fuel", "300", "0.2150", GBP, VatRate.GB_5))
                .line(line("Books", "25", "12.99", GBP, VatRate.GB_0))
                .line(line("Course", "1", "500.00", GBP, VatRate.GB_EXEMPT))
                .line(line("Support", "6.5", "95.00", GBP, VatRate.GB_20))
                .dueDate(LocalDate.of(2026, 4, 15)).build());
        britishCredit = invoicing.cancel(british.id(), dev.backoffice.invoicing.CancelInvoice.of("KOR", "Returned", "bench"));
        fa3 = Fa3Writer.builder().clock(clock).exemptionBasis("art. 43 ust. 1 pkt 29 lit. b ustawy o VAT").build();
        ubl = UblWriter.builder().exemptionReason("VAT Act 1994, Schedule 9, Group 6").payeeAccount("GB33BUKB20201555555555").build();
        fa3Xml = fa3.write(polish);
        ublXml = ubl.write(british);
        if (!Fa3Writer.validate(fa3Xml).isEmpty()) {
            throw new IllegalStateException("the benchmark's FA(3) document is not valid: " + Fa3Writer.validate(fa3Xml));
        }
        if (!UblReader.read(ublXml).equals(InvoiceDocument.of(british).ublView())
                || !Fa3Reader.read(fa3Xml).equals(InvoiceDocument.of(polish).fa3View())) {
            throw new IllegalStateException("the benchmark's documents do not read back");
        }
    }

    private static InvoiceLine line(String name, String quantity, String price, CurrencyUnit currency, VatRate rate) {
        return InvoiceLine.of(name, new BigDecimal(quantity), "szt.", BigMoney.of(currency, new BigDecimal(price)), rate);
    }

    @Benchmark
    public String fa3Write() {
        return fa3.write(polish);
    }

    @Benchmark
    public String ublWrite() {
        return ubl.write(british);
    }

    @Benchmark
    public String ublWriteCreditNote() {
        return ubl.write(britishCredit, british);
    }

    @Benchmark
    public InvoiceDocument fa3Read() {
        return Fa3Reader.read(fa3Xml);
    }

    @Benchmark
    public InvoiceDocument ublRead() {
        return UblReader.read(ublXml);
    }

    @Benchmark
    public List<String> fa3Validate() {
        return Fa3Writer.validate(fa3Xml);
    }
}
