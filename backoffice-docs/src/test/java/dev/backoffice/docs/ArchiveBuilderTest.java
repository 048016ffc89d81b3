package dev.backoffice.docs;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.docs.blob.InMemoryBlobStore;
import dev.backoffice.docs.memory.InMemoryDocumentStore;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static dev.backoffice.docs.DocsFixtures.ADMIN;
import static dev.backoffice.docs.DocsFixtures.MEMO;
import static dev.backoffice.docs.DocsFixtures.bytes;
import static dev.backoffice.docs.DocsFixtures.doc;
import static dev.backoffice.docs.DocsFixtures.memoPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The front door's one builder rule: each setter checks its argument at once, defaults live in one place. */
class ArchiveBuilderTest {

    private static Archive.Builder minimal() {
        return Archive.builder().store(InMemoryDocumentStore.create()).blobs(InMemoryBlobStore.create());
    }

    private static void refusedAtOnce(ThrowingCallable setter, String field) {
        assertThatThrownBy(setter).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).violations()).anyMatch(v -> v.field().equals(field)));
    }

    @Test
    void every_setter_refuses_a_bad_argument_when_it_is_called_not_at_build() {
        refusedAtOnce(() -> Archive.builder().store(null), "store");
        refusedAtOnce(() -> Archive.builder().blobs(null), "blobs");
        refusedAtOnce(() -> Archive.builder().audit(null), "audit");
        refusedAtOnce(() -> Archive.builder().clock(null), "clock");
        refusedAtOnce(() -> Archive.builder().zone(null), "zone");
        refusedAtOnce(() -> Archive.builder().maxContentBytes(0), "maxContentBytes");
        refusedAtOnce(() -> Archive.builder().overrideAuthorizer(null), "authorizer");
        refusedAtOnce(() -> Archive.builder().holdAuthorizer(null), "holdAuthorizer");
        refusedAtOnce(() -> Archive.builder().observer(null), "observer");
        refusedAtOnce(() -> Archive.builder().dispositionBatchSize(0), "batchSize");
        refusedAtOnce(() -> Archive.builder().dispositionBatchSize(Archive.MAX_DISPOSITION_BATCH_SIZE + 1), "batchSize");
    }

    @Test
    void the_store_and_the_blob_store_are_required() {
        refusedAtOnce(() -> Archive.builder().blobs(InMemoryBlobStore.create()).build(), "store");
        refusedAtOnce(() -> Archive.builder().store(InMemoryDocumentStore.create()).build(), "blobs");
    }

    @Test
    void without_an_audit_store_the_archive_records_into_an_in_memory_log_and_keeps_its_defaults() {
        Archive archive = minimal().build();
        assertThat(archive.maxContentBytes()).isEqualTo(Archive.DEFAULT_MAX_CONTENT_BYTES);
        TenantArchive acme = archive.forTenant(TenantId.of("acme"));
        acme.setPolicy(memoPolicy(), ADMIN);
        Document d = acme.ingest(doc(MEMO, "memo").build(), bytes("memo"));
        assertThat(acme.get(d.id())).isEqualTo(d);
        // the hold authoriser's default is nobody, whoever asks
        assertThatThrownBy(() -> acme.placeHold("h", "case", HoldScope.documents(d.id()), ADMIN))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void each_tenant_has_one_archive_handle() {
        Archive archive = minimal().build();
        assertThat(archive.forTenant(TenantId.of("acme"))).isSameAs(archive.forTenant(TenantId.of("acme")));
        assertThat(archive.forTenant(TenantId.of("acme"))).isNotSameAs(archive.forTenant(TenantId.of("globex")));
        assertThat(archive.forTenant(TenantId.of("globex")).tenant()).isEqualTo(TenantId.of("globex"));
        refusedAtOnce(() -> archive.forTenant(null), "tenant");
    }
}
