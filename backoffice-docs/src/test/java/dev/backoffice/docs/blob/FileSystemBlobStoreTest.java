package dev.backoffice.docs.blob;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.docs.ContentHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSystemBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path dir;

    @Override
    BlobStore newStore() {
        return FileSystemBlobStore.create(dir.resolve("blobs"));
    }

    private FileSystemBlobStore fs() {
        return (FileSystemBlobStore) store;
    }

    @Override
    void corrupt(TenantId tenant, ContentHash hash) throws IOException {
        Path p = fs().pathOf(tenant, hash);
        byte[] b = Files.readAllBytes(p);
        b[b.length / 2] ^= 0x01;
        Files.write(p, b);
    }

    @Test
    void blobs_live_under_the_root_at_their_hash_path_and_no_temp_file_remains() throws IOException {
        BlobRef ref = store.put(T, in("content"), 100);
        Path p = fs().pathOf(T, ref.hash());
        assertThat(p).exists().startsWith(fs().root());
        assertThat(p.getFileName().toString()).isEqualTo(ref.hash().hex());
        try (Stream<Path> tmp = Files.list(p.getParent().getParent().resolve("tmp"))) {
            assertThat(tmp).isEmpty();
        }
    }

    @Test
    void a_damaged_leftover_at_the_hash_path_is_replaced_by_the_next_put_of_that_content() throws Exception {
        BlobRef ref = store.put(T, in("payslip 2026-03"), 100);
        corrupt(T, ref.hash());
        assertThat(store.verify(T, ref.hash())).isEqualTo(BlobStatus.CORRUPTED);
        assertThat(store.put(T, in("payslip 2026-03"), 100)).isEqualTo(ref);
        assertThat(store.verify(T, ref.hash())).isEqualTo(BlobStatus.INTACT);
    }

    @Test
    void a_rejected_write_leaves_no_file_behind() throws IOException {
        assertThatThrownBy(() -> store.put(T, in("too long for the limit"), 5));
        try (Stream<Path> all = Files.walk(fs().root())) {
            assertThat(all.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void tenant_directories_cannot_collide_or_escape_the_root() {
        Path a = fs().pathOf(TenantId.of("Acme"), ContentHash.of("a".repeat(64)));
        Path b = fs().pathOf(TenantId.of("acme"), ContentHash.of("a".repeat(64)));
        Path c = fs().pathOf(TenantId.of("a:b"), ContentHash.of("a".repeat(64)));
        Path d = fs().pathOf(TenantId.of("a.."), ContentHash.of("a".repeat(64)));
        assertThat(a.getParent().getParent()).isNotEqualTo(b.getParent().getParent());
        assertThat(a.toString().toLowerCase()).isNotEqualTo(b.toString().toLowerCase());
        for (Path p : new Path[]{a, b, c, d}) {
            assertThat(p.normalize().startsWith(fs().root())).isTrue();
            assertThat(p.getParent().getParent().getParent()).isEqualTo(fs().root());
        }
    }

    @Test
    void a_large_content_is_streamed_without_being_held_in_memory() throws Exception {
        long size = 256L * 1024 * 1024; // 256 MiB from a generator: never materialised in the heap
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        BlobRef ref = store.put(T, new Generated(size, expected), Long.MAX_VALUE);
        assertThat(ref.size()).isEqualTo(size);
        assertThat(ref.hash().hex()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
        assertThat(Files.size(fs().pathOf(T, ref.hash()))).isEqualTo(size);
        long read = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream s = store.open(T, ref.hash())) {
            int n;
            while ((n = s.read(buf)) >= 0) {
                read += n;
            }
        }
        assertThat(read).isEqualTo(size);
    }

    /** Deterministic pseudo-random bytes, hashed as they are produced. */
    static final class Generated extends InputStream {
        private final long size;
        private final MessageDigest digest;
        private long produced;
        private long state = 0x9E3779B97F4A7C15L;

        Generated(long size, MessageDigest digest) {
            this.size = size;
            this.digest = digest;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (produced >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - produced);
            for (int i = 0; i < n; i++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                b[off + i] = (byte) state;
            }
            digest.update(b, off, n);
            produced += n;
            return n;
        }
    }
}
