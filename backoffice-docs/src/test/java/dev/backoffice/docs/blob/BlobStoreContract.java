package dev.backoffice.docs.blob;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.NotFoundException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.docs.ContentCorruptedException;
import dev.backoffice.docs.ContentHash;
import dev.backoffice.docs.DocsErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link BlobStore} does. */
abstract class BlobStoreContract {

    static final TenantId T = TenantId.of("acme");
    static final TenantId OTHER = TenantId.of("Globex:EU");

    BlobStore store;

    abstract BlobStore newStore() throws IOException;

    /** Changes a stored blob's bytes behind the store's back. */
    abstract void corrupt(TenantId tenant, ContentHash hash) throws IOException;

    @BeforeEach
    void setUp() throws IOException {
        store = newStore();
    }

    static ContentHash sha(byte[] b) throws Exception {
        return ContentHash.of(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)));
    }

    static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void content_is_keyed_by_its_sha256_and_reads_back() throws Exception {
        BlobRef ref = store.put(T, in("hello archive"), 1000);
        assertThat(ref.hash()).isEqualTo(sha("hello archive".getBytes(StandardCharsets.UTF_8)));
        assertThat(ref.size()).isEqualTo(13);
        try (InputStream s = store.open(T, ref.hash())) {
            assertThat(new String(s.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello archive");
        }
        assertThat(store.verify(T, ref.hash())).isEqualTo(BlobStatus.INTACT);
    }

    @Test
    void storing_the_same_content_twice_is_idempotent() {
        BlobRef a = store.put(T, in("same"), 100);
        BlobRef b = store.put(T, in("same"), 100);
        assertThat(b).isEqualTo(a);
        assertThat(store.delete(T, a.hash())).isTrue();
        assertThat(store.delete(T, a.hash())).isFalse();
        assertThat(store.exists(T, a.hash())).isFalse();
    }

    @Test
    void tenants_do_not_share_blobs() {
        BlobRef a = store.put(T, in("mine"), 100);
        assertThat(store.exists(OTHER, a.hash())).isFalse();
        assertThat(store.verify(OTHER, a.hash())).isEqualTo(BlobStatus.MISSING);
        assertThatThrownBy(() -> store.open(OTHER, a.hash())).isInstanceOf(NotFoundException.class)
                .extracting(e -> ((BackofficeException) e).code()).isEqualTo(DocsErrorCode.CONTENT_MISSING.code());
    }

    @Test
    void empty_and_oversize_content_is_rejected_and_nothing_stored() {
        assertThatThrownBy(() -> store.put(T, in(""), 100)).isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((BackofficeException) e).code()).isEqualTo(DocsErrorCode.EMPTY_CONTENT.code());
        assertThatThrownBy(() -> store.put(T, in("12345678901"), 10)).isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((BackofficeException) e).code()).isEqualTo(DocsErrorCode.CONTENT_TOO_LARGE.code());
        assertThat(store.put(T, in("1234567890"), 10).size()).isEqualTo(10);
    }

    @Test
    void a_corrupted_blob_fails_at_the_end_of_the_stream_and_in_verify() throws Exception {
        BlobRef ref = store.put(T, in("a contract worth keeping"), 1000);
        corrupt(T, ref.hash());
        assertThat(store.verify(T, ref.hash())).isEqualTo(BlobStatus.CORRUPTED);
        try (InputStream s = store.open(T, ref.hash())) {
            assertThatThrownBy(s::readAllBytes).isInstanceOf(ContentCorruptedException.class)
                    .extracting(e -> ((BackofficeException) e).code()).isEqualTo(DocsErrorCode.CONTENT_CORRUPTED.code());
        }
    }

    @Test
    void a_malformed_hash_is_rejected_before_touching_storage() {
        assertThatThrownBy(() -> ContentHash.of("../../etc/passwd")).isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((BackofficeException) e).code()).isEqualTo(DocsErrorCode.INVALID_HASH.code());
        assertThatThrownBy(() -> ContentHash.of("ABCDEF".repeat(10) + "abcd")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void a_stream_opened_with_the_declared_size_fails_on_the_read_that_would_deliver_the_last_corrupted_byte() throws Exception {
        BlobRef ref = store.put(T, in("declared size"), 1000);
        corrupt(T, ref.hash());
        try (InputStream s = store.open(T, ref.hash(), ref.size())) {
            assertThatThrownBy(() -> dev.backoffice.docs.ArchiveContract.readExactly(s, (int) ref.size()))
                    .isInstanceOf(ContentCorruptedException.class);
            assertThatThrownBy(s::read).as("and keeps failing").isInstanceOf(ContentCorruptedException.class);
        }
    }

    @Test
    void a_stream_opened_with_the_declared_size_fails_when_the_content_is_shorter_or_longer() throws Exception {
        BlobRef ref = store.put(T, in("twelve bytes"), 1000);
        try (InputStream s = store.open(T, ref.hash(), ref.size() + 1)) {
            assertThatThrownBy(s::readAllBytes).isInstanceOf(ContentCorruptedException.class).hasMessageContaining("before its declared size");
        }
        try (InputStream s = store.open(T, ref.hash(), ref.size() - 1)) {
            assertThatThrownBy(s::readAllBytes).isInstanceOf(ContentCorruptedException.class);
        }
    }
}
