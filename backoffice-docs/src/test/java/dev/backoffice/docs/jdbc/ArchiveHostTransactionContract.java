package dev.backoffice.docs.jdbc;

import dev.backoffice.core.audit.AuditLog;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestHost;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.docs.Archive;
import dev.backoffice.docs.DocsFixtures;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.HoldScope;
import dev.backoffice.docs.OwnerRef;
import dev.backoffice.docs.TenantArchive;
import dev.backoffice.docs.blob.InMemoryBlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.ZoneOffset;
import java.util.UUID;

import static dev.backoffice.docs.DocsFixtures.INVOICE;
import static dev.backoffice.docs.DocsFixtures.bytes;
import static dev.backoffice.docs.DocsFixtures.doc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDBC archive inside a host application's transaction (issue #18 item 1): an ingest and a
 * legal hold, with their audit records, land with the host's commit and vanish with its rollback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ArchiveHostTransactionContract {

    private static final String ADMIN = "admin";
    private static final String LEGAL = "legal";

    private final StoreKind kind;
    private TestDatabase db;
    private TestHost host;
    private Archive archive;
    private JdbcAuditStore audit;

    ArchiveHostTransactionContract(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeAll
    void open() {
        db = kind.openDatabase();
        host = TestHost.over(db.dataSource());
        Jdbc jdbc = Jdbc.of(db.dataSource()).withHostTransactions(host);
        AdjustableClock clock = DocsFixtures.clock();
        audit = JdbcAuditStore.create(jdbc, clock);
        archive = Archive.builder().store(JdbcDocumentStore.create(jdbc)).blobs(InMemoryBlobStore.create()).audit(audit)
                .clock(clock).zone(ZoneOffset.UTC)
                .holdAuthorizer((actor, action) -> actor.equals(LEGAL)).build();
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @AfterEach
    void theArchiveNeverCommittedOrClosedTheHostsConnection() {
        assertThat(host.forbiddenCalls()).isEmpty();
    }

    private TenantArchive tenant() {
        TenantArchive a = archive.forTenant(TenantId.of("t-" + UUID.randomUUID()));
        a.setPolicy(DocsFixtures.invoicePolicy(), ADMIN);
        return a;
    }

    @Test
    void anIngestAndAHoldLandWithTheHostsCommit() {
        TenantArchive a = tenant();
        AuditLog log = audit.forTenant(a.tenant());
        long before = log.size();
        host.begin();
        Document d;
        try {
            d = a.ingest(doc(INVOICE, "FV/1").owner(OwnerRef.person("P-1")).build(), bytes("invoice 1"));
            a.placeHold("case 1", "court", HoldScope.owner(OwnerRef.person("P-1")), LEGAL);
        } finally {
            host.commit();
        }
        assertThat(a.find(d.id())).isPresent();
        assertThat(a.holds()).hasSize(1);
        assertThat(log.size()).isGreaterThan(before);
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void anIngestAndAHoldVanishWithTheHostsRollback() {
        TenantArchive a = tenant();
        AuditLog log = audit.forTenant(a.tenant());
        long before = log.size();
        host.begin();
        Document d;
        try {
            d = a.ingest(doc(INVOICE, "FV/2").owner(OwnerRef.person("P-2")).build(), bytes("invoice 2"));
            a.placeHold("case 2", "court", HoldScope.owner(OwnerRef.person("P-2")), LEGAL);
            assertThat(a.find(d.id())).as("the host's transaction sees its own document").isPresent();
        } finally {
            host.rollback();
        }
        assertThat(a.find(d.id())).isEmpty();
        assertThat(a.holds()).isEmpty();
        assertThat(log.size()).isEqualTo(before);
    }
}
