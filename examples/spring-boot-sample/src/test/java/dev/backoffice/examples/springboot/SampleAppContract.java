package dev.backoffice.examples.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backoffice.docs.Archive;
import dev.backoffice.docs.DocumentId;
import dev.backoffice.ledger.EntryId;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.orders.OrderId;
import dev.backoffice.orders.OrderStatus;
import dev.backoffice.orders.Orders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application end to end, over HTTP: one {@code @Transactional} method saves the
 * application's row and calls the orders, ledger and archive of the SDK. Subclasses choose the
 * database and the host (Spring's JDBC transaction manager, or JPA with Hibernate).
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class SampleAppContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TABLES = List.of("app_purchase", "orders", "order_lines", "ledger_entry",
            "docs_document", "audit_log");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient sql;

    @Autowired
    Orders orders;

    @Autowired
    Ledger ledger;

    @Autowired
    Archive archive;

    private final HttpClient http = HttpClient.newHttpClient();

    record Answer(int status, JsonNode body) {
    }

    Answer post(String path, Map<String, Object> body) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer purchase(String customer, boolean fail) {
        return post("/purchases", Map.of("customer", customer, "sku", "BOOK", "quantity", 2, "unitPrice", "39.99",
                "failAfterSdkCalls", fail));
    }

    /** Rows per table: the application's and the SDK's. */
    Map<String, Long> rows() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, sql.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    @Test
    void aCommittedPurchaseStoresTheApplicationsRowTheOrderTheEntryAndTheDocument() {
        Answer a = purchase("customer-commit", false);

        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(201);
        UUID purchaseId = UUID.fromString(a.body().get("purchaseId").asText());
        OrderId orderId = OrderId.of(UUID.fromString(a.body().get("orderId").asText()));
        assertThat(sql.sql("SELECT customer FROM app_purchase WHERE id = ?").param(purchaseId).query(String.class).single())
                .isEqualTo("customer-commit");
        assertThat(orders.forTenant(PurchaseService.TENANT).get(orderId).status()).isEqualTo(OrderStatus.PLACED);
        EntryId entry = EntryId.of(UUID.fromString(a.body().get("invoiceEntryId").asText()));
        assertThat(ledger.forTenant(PurchaseService.TENANT).entry(entry).description()).isEqualTo("Invoice " + orderId);
        DocumentId document = DocumentId.of(UUID.fromString(a.body().get("invoiceDocumentId").asText()));
        assertThat(archive.forTenant(PurchaseService.TENANT).find(document)).isPresent();
    }

    @Test
    void aPurchaseRolledBackAfterTheSdkCallsLeavesNothingOfItAnywhere() {
        Map<String, Long> before = rows();

        Answer a = purchase("customer-rollback", true);

        assertThat(a.status()).isEqualTo(500);
        assertThat(a.body().get("code").asText()).isEqualTo("app.abandoned");
        assertThat(rows()).as("the application's row and every SDK row are gone with the rollback").isEqualTo(before);
        assertThat(sql.sql("SELECT COUNT(*) FROM orders WHERE customer_ref = 'customer-rollback'").query(Long.class).single())
                .isZero();
    }

    @Test
    void theSdksNumbersAreOnTheActuatorsMetricsEndpoint() {
        purchase("customer-metrics", false);

        Answer posted = get("/actuator/metrics/backoffice.ledger.entries.posted");
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.body().get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1);
        Answer inHost = get("/actuator/metrics/backoffice.jdbc.host.transactions");
        assertThat(inHost.status()).isEqualTo(200);
        assertThat(inHost.body().get("measurements").get(0).get("value").asDouble())
                .as("order, ledger, archive and audit calls ran in the application's transaction").isGreaterThanOrEqualTo(4);
        Answer names = get("/actuator/metrics");
        assertThat(names.body().get("names").toString()).contains("backoffice.jdbc.commit");
    }

    @Test
    void theHealthEndpointChecksEverySchemaVersionAndTheAuditChainHead() {
        purchase("customer-health", false); // appends to the audit log

        Answer health = get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        JsonNode sdk = health.body().get("components").get("backoffice");
        assertThat(sdk.get("status").asText()).isEqualTo("UP");
        assertThat(sdk.get("details").get("schema.ledger").asText()).isEqualTo("2");
        assertThat(sdk.get("details").get("schema.docs").asText()).isEqualTo("2");
        assertThat(sdk.get("details").get("audit.head").asText()).startsWith("intact at ");
    }

    /** What the loser of two concurrent payments of one order is told, on this database. */
    abstract List<String> concurrentLoserCodes();

    @Test
    void twoConcurrentPaymentsOfOneOrderOneWinsTheOtherGetsTheSdksTypedConflict() throws Exception {
        Answer created = purchase("customer-race", false);
        String orderId = created.body().get("orderId").asText();
        String total = created.body().get("total").asText().replace("PLN ", "");
        Map<String, Long> before = rows();

        List<CompletableFuture<Answer>> payments = new ArrayList<>();
        for (String reference : List.of("psp-a", "psp-b")) {
            payments.add(CompletableFuture.supplyAsync(() -> post("/orders/" + orderId + "/payments",
                    Map.of("amount", total, "reference", reference + "-" + orderId, "holdMillis", 1500))));
        }
        List<Answer> answers = new ArrayList<>();
        for (CompletableFuture<Answer> p : payments) {
            answers.add(p.get(60, TimeUnit.SECONDS));
        }

        assertThat(answers).extracting(Answer::status).as(answers.toString()).containsExactlyInAnyOrder(200, answers.stream()
                .filter(x -> x.status() != 200).findFirst().map(Answer::status).orElse(-1));
        Answer loser = answers.stream().filter(x -> x.status() != 200).findFirst().orElseThrow();
        assertThat(loser.body().get("code").asText()).isIn(concurrentLoserCodes());
        assertThat(orders.forTenant(PurchaseService.TENANT).get(OrderId.of(UUID.fromString(orderId))).status())
                .isEqualTo(OrderStatus.PAID);
        Map<String, Long> after = rows();
        assertThat(after.get("ledger_entry") - before.get("ledger_entry")).as("only the winner's payment is booked").isEqualTo(1);
    }
}
