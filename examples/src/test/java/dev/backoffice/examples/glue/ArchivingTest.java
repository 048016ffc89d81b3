package dev.backoffice.examples.glue;

import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.docs.Archive;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentQuery;
import dev.backoffice.docs.OwnerRef;
import dev.backoffice.docs.TenantArchive;
import dev.backoffice.docs.blob.InMemoryBlobStore;
import dev.backoffice.docs.memory.InMemoryDocumentStore;
import dev.backoffice.docs.retention.PolicyCatalogue;
import dev.backoffice.orders.NewOrder;
import dev.backoffice.orders.Order;
import dev.backoffice.orders.OrderId;
import dev.backoffice.orders.OrderLine;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ArchivingTest {

    private final TenantArchive archive = Archive.builder()
            .store(InMemoryDocumentStore.create()).blobs(InMemoryBlobStore.create())
            .audit(InMemoryAuditStore.create(GlueFixtures.clock())).clock(GlueFixtures.clock()).build()
            .forTenant(TenantId.of("acme"));

    private static Order order() {
        NewOrder draft = NewOrder.of("C-1", CurrencyUnit.of("PLN"), List.of(OrderLine.of("FAN-40", 3, Money.parse("PLN 349.00"), "23")));
        return Order.draft(OrderId.newId(), TenantId.of("acme"), draft, false, Instant.parse("2026-03-10T10:00:00Z"));
    }

    @Test
    void anInvoiceIsArchivedUnderItsClassOwnedByTheOrderAndTheCustomer() throws Exception {
        archive.setPolicy(PolicyCatalogue.standard().policy("pl.tax-invoice"), "test");
        Archiving.Item item = Archiving.invoice("acme", "SO-1", order(), LocalDate.of(2026, 3, 10), "test");
        Document doc = archive.ingest(item.document(), item.content());
        assertThat(doc.documentClass()).isEqualTo(Archiving.INVOICE);
        assertThat(doc.owners()).contains(OwnerRef.order("SO-1"), OwnerRef.of("customer", "C-1"));
        assertThat(doc.retainUntil()).contains(LocalDate.of(2032, 12, 31));
        try (InputStream in = archive.openContent(doc.id(), 1)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("total PLN 1287.81");
        }
    }

    @Test
    void archivingTheSameInvoiceTwiceStoresItOnce() {
        archive.setPolicy(PolicyCatalogue.standard().policy("pl.tax-invoice"), "test");
        Order order = order();
        Archiving.Item first = Archiving.invoice("acme", "SO-1", order, LocalDate.of(2026, 3, 10), "test");
        Archiving.Item again = Archiving.invoice("acme", "SO-1", order, LocalDate.of(2026, 3, 10), "test");
        archive.ingest(first.document(), first.content());
        archive.ingest(again.document(), again.content());
        assertThat(archive.search(DocumentQuery.all(), Optional.empty(), 10).items()).hasSize(1);
    }

    @Test
    void documentIdsDependOnTenantKindAndReference() {
        assertThat(Archiving.id("a", "invoice", "SO-1")).isEqualTo(Archiving.id("a", "invoice", "SO-1"));
        assertThat(Archiving.id("a", "invoice", "SO-1")).isNotEqualTo(Archiving.id("b", "invoice", "SO-1"));
        assertThat(Archiving.id("a", "invoice", "SO-1")).isNotEqualTo(Archiving.id("a", "payslip", "SO-1"));
    }
}
