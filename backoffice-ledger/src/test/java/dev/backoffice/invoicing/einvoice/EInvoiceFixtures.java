package dev.backoffice.invoicing.einvoice;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.invoicing.FixedFxRates;
import dev.backoffice.invoicing.FxRates;
import dev.backoffice.invoicing.Invoicing;
import dev.backoffice.invoicing.InvoicingFixtures;
import dev.backoffice.invoicing.NumberReset;
import dev.backoffice.invoicing.Party;
import dev.backoffice.invoicing.Series;
import dev.backoffice.invoicing.TenantInvoicing;
import dev.backoffice.invoicing.memory.InMemoryInvoiceStore;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.memory.InMemoryLedgerStore;

import java.time.Instant;
import java.time.LocalDate;

import static dev.backoffice.invoicing.InvoicingFixtures.ACCOUNTS;
import static dev.backoffice.invoicing.InvoicingFixtures.EUR;
import static dev.backoffice.invoicing.InvoicingFixtures.GBP;
import static dev.backoffice.invoicing.InvoicingFixtures.PLN;

/** Books, parties and writers the e-invoice tests share. */
final class EInvoiceFixtures {

    /** A UK business buyer (GB 123 4567 82: mod-97 check digits). */
    static final Party UKBUY = Party.of("Buyco Ltd", "GB", "GB123456782", "3 Mill Lane, Manchester M1 1AA");
    /** A US buyer (no EU/UK VAT number; Peppol has no VAT endpoint scheme for it). */
    static final Party USBUY = Party.of("Yankee Inc", "US", "US123456789", "1 Main Street, Springfield");
    /** The exemption basis the writers are given. */
    static final String UK_EXEMPT = "VAT Act 1994, Schedule 9, Group 6 (education)";
    static final String PL_EXEMPT = "art. 43 ust. 1 pkt 29 lit. b ustawy o VAT";

    private EInvoiceFixtures() {
    }

    /** Invoicing for one tenant on memory stores with series FV (monthly) and KOR (yearly) and EUR/GBP rates to PLN. */
    static TenantInvoicing invoicing(AdjustableClock clock) {
        FxRates rates = FixedFxRates.builder()
                .rate(EUR, PLN, LocalDate.of(2026, 3, 13), "4.2817", "051/A/NBP/2026")
                .rate(EUR, PLN, LocalDate.of(2026, 3, 11), "4.2700", "049/A/NBP/2026")
                .rate(GBP, PLN, LocalDate.of(2026, 3, 13), "5.0123", "051/A/NBP/2026")
                .build();
        Ledger ledger = Ledger.builder().store(InMemoryLedgerStore.create()).clock(clock).build();
        TenantId tenant = TenantId.of("einvoice");
        ledger.forTenant(tenant).openAll(InvoicingFixtures.chart());
        TenantInvoicing invoicing = Invoicing.builder().store(InMemoryInvoiceStore.create()).ledger(ledger, ACCOUNTS).fxRates(rates)
                .clock(clock).build().forTenant(tenant);
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{MM}/{seq}", NumberReset.MONTHLY), "owner");
        invoicing.defineSeries(Series.of("KOR", "KOR/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        return invoicing;
    }

    static AdjustableClock clock() {
        return AdjustableClock.startingAt(Instant.parse("2026-03-16T09:00:00Z"));
    }
}
