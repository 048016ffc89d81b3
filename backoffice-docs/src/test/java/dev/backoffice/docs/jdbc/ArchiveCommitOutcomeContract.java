package dev.backoffice.docs.jdbc;

import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.CommitOutcomeContract;
import dev.backoffice.core.testing.CommitOutcomes.Fault;
import dev.backoffice.core.testing.CommitOutcomes.Probe;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.docs.Archive;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentId;
import dev.backoffice.docs.DocsFixtures;
import dev.backoffice.docs.HoldScope;
import dev.backoffice.docs.LegalHold;
import dev.backoffice.docs.TenantArchive;
import dev.backoffice.docs.blob.InMemoryBlobStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.UUID;

import static dev.backoffice.docs.DocsFixtures.ADMIN;
import static dev.backoffice.docs.DocsFixtures.INVOICE;
import static dev.backoffice.docs.DocsFixtures.OFFICER;
import static dev.backoffice.docs.DocsFixtures.bytes;
import static dev.backoffice.docs.DocsFixtures.doc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a failure of an archive write means (DESIGN.md section 11), with faults injected between
 * the JDBC document store and a real database: an ingested document (with its content) and a
 * legal hold are stored exactly once when the caller is told so, not at all when told it failed,
 * never twice; and an ingest is always safe to repeat.
 */
abstract class ArchiveCommitOutcomeContract extends CommitOutcomeContract {

    private AuditStore audit;
    private Archive archive;
    private int serial;

    /** The contract on a JDBC store of {@code kind}. */
    protected ArchiveCommitOutcomeContract(StoreKind kind) {
        super(kind);
    }

    @BeforeAll
    void open() {
        Jdbc jdbc = jdbc();
        AdjustableClock clock = DocsFixtures.clock();
        audit = JdbcAuditStore.create(jdbc, clock);
        archive = Archive.builder().store(JdbcDocumentStore.create(jdbc)).blobs(InMemoryBlobStore.create()).audit(audit)
                .clock(clock).zone(ZoneOffset.UTC).maxContentBytes(1024 * 1024)
                .overrideAuthorizer((actor, policy) -> actor.equals(OFFICER) || actor.equals(ADMIN))
                .holdAuthorizer((actor, action) -> actor.equals(OFFICER)).build();
    }

    private TenantArchive tenant() {
        TenantArchive a = archive.forTenant(TenantId.of("t-" + UUID.randomUUID()));
        a.setPolicy(DocsFixtures.invoicePolicy(), ADMIN);
        return a;
    }

    private Document ingest(TenantArchive a, DocumentId id) {
        return a.ingest(doc(INVOICE, "Invoice " + id).id(id).build(), bytes("content of " + id));
    }

    @Test
    void anIngestedDocumentIsStoredExactlyOnceWithItsContentWhateverTheFault() {
        TenantArchive a = tenant();
        Probe probe = probe(() -> ingest(a, DocumentId.newId()), () -> ingest(a, DocumentId.newId()));
        for (Fault fault : faults(probe)) {
            DocumentId id = DocumentId.newId();
            toldMatchesStored(fault, () -> ingest(a, id),
                    told -> a.find(id).filter(told::equals).isPresent() ? 1 : 0,
                    () -> {
                        boolean stored = a.find(id).isPresent();
                        if (stored) {
                            assertThat(a.readContent(id, 1)).as(fault.name() + ": the content is not lost").isEqualTo(bytes("content of " + id));
                        }
                        return stored ? 1 : 0;
                    }, 1);
            Document again = ingest(a, id);
            assertThat(again).as(fault.name() + ": repeating the ingest is safe").isEqualTo(a.get(id));
        }
    }

    @Test
    void aLegalHoldIsStoredAtMostOnceWhateverTheFaultAndExactlyOnceWhenTheCallerIsToldSo() {
        TenantArchive a = tenant();
        Document d = ingest(a, DocumentId.newId());
        Probe probe = probe(
                () -> a.placeHold("probe 1", "probe", HoldScope.documents(d.id()), OFFICER),
                () -> a.placeHold("probe 2", "probe", HoldScope.documents(d.id()), OFFICER));
        for (Fault fault : faults(probe)) {
            String name = "hold " + (++serial);
            toldMatchesStored(fault, () -> a.placeHold(name, "litigation", HoldScope.documents(d.id()), OFFICER),
                    (LegalHold told) -> (int) a.holds().stream().filter(h -> h.id().equals(told.id())).count(),
                    () -> (int) a.holds().stream().filter(h -> h.name().equals(name)).count(), 1);
        }
    }

    @Test
    void aReadWhoseCommitIsCutIsAskedAgainNotAnsweredOutcomeUnknown() {
        TenantArchive a = tenant();
        Document d = ingest(a, DocumentId.newId());
        int fired = faulty().faultsFired();
        faulty().loseNextCommitAck();
        assertThat(a.find(d.id())).contains(d);
        faulty().dropConnectionAtNextCommit();
        assertThat(a.find(d.id())).contains(d);
        assertThat(faulty().faultsFired()).as("both faults met a read's commit").isEqualTo(fired + 2);
    }
}
