package dev.backoffice.invoicing.einvoice;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.invoicing.Fa3Writer;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceLine;
import dev.backoffice.invoicing.Invoicing;
import dev.backoffice.invoicing.NewInvoice;
import dev.backoffice.invoicing.NumberReset;
import dev.backoffice.invoicing.Party;
import dev.backoffice.invoicing.Series;
import dev.backoffice.invoicing.TenantInvoicing;
import dev.backoffice.invoicing.VatRate;
import dev.backoffice.invoicing.memory.InMemoryInvoiceStore;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the e-invoice section of README-invoicing.md, and checks the guide shows exactly this code. */
class EInvoiceTourTest {

    @Test
    void theTourRunsItsDocumentsAreValidAndReadBack() {
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-03-16T09:00:00Z"));
        TenantInvoicing acme = Invoicing.builder().store(InMemoryInvoiceStore.create()).clock(clock).build()
                .forTenant(TenantId.of("acme"));
        acme.defineSeries(Series.of("FV", "FV/{yyyy}/{MM}/{seq}", NumberReset.MONTHLY), "owner");
        CurrencyUnit pln = CurrencyUnit.of("PLN");
        CurrencyUnit gbp = CurrencyUnit.GBP;
        // einvoice:start
        // A Polish invoice as KSeF FA(3), checked against the official schema, and read back
        Invoice polish = acme.issue(NewInvoice.builder("FV", pln)
                .seller(Party.of("Acme sp. z o.o.", "PL", "526-025-02-74", "ul. Prosta 1, 00-001 Warszawa"))
                .buyer(Party.of("Globex S.A.", "PL", "768-000-24-66", "ul. Krotka 2, 30-001 Krakow"))
                .line(InvoiceLine.of("Consulting", new BigDecimal("10"), "h", Money.parse("PLN 150.00"), VatRate.PL_23))
                .build());
        String fa3 = Fa3Writer.builder().build().write(polish);
        System.out.println(Fa3Writer.validate(fa3).isEmpty()); // true
        InvoiceDocument read = Fa3Reader.read(fa3);
        System.out.println(read.gross()); // PLN 1845.00

        // A UK invoice as Peppol BIS Billing 3.0 UBL (EN 16931), and read back
        Invoice british = acme.issue(NewInvoice.builder("FV", gbp)
                .seller(Party.of("Britco Ltd", "GB", "GB 999 9999 73", "1 High Street, London"))
                .buyer(Party.of("Buyco Ltd", "GB", "GB 123 4567 82", "3 Mill Lane, Manchester"))
                .line(InvoiceLine.of("Books", new BigDecimal("25"), "C62", Money.parse("GBP 12.99"), VatRate.GB_0))
                .line(InvoiceLine.of("Support", new BigDecimal("6.5"), "HUR", Money.parse("GBP 95.00"), VatRate.GB_20))
                .build());
        UblWriter ubl = UblWriter.builder().payeeAccount("GB33 BUKB 2020 1555 5555 55").build();
        String peppol = ubl.write(british);
        System.out.println(UblReader.read(peppol).equals(InvoiceDocument.of(british).ublView())); // true
        // einvoice:end

        assertThat(Fa3Writer.validate(fa3)).isEmpty();
        assertThat(read).isEqualTo(InvoiceDocument.of(polish).fa3View());
        assertThat(read.gross()).isEqualTo(Money.parse("PLN 1845.00"));
        assertThat(UblReader.read(peppol)).isEqualTo(InvoiceDocument.of(british).ublView());
        PeppolRules.Result rules = PeppolRules.peppol(peppol);
        assertThat(rules.errors()).isEmpty();
    }

    @Test
    void theGuideShowsTheTourCode() throws Exception {
        String test = Files.readString(Path.of("src/test/java/dev/backoffice/invoicing/einvoice/EInvoiceTourTest.java"));
        String tour = test.substring(test.indexOf("// einvoice:start") + "// einvoice:start".length(), test.indexOf("        // einvoice:end"));
        assertThat(normalize(Files.readString(Path.of("README-invoicing.md")))).contains(normalize(tour));
    }

    private static String normalize(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
