package dev.backoffice.docs.memory;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.docs.ArchiveContract;
import dev.backoffice.docs.ContentHash;
import dev.backoffice.docs.blob.BlobStore;
import dev.backoffice.docs.blob.FileSystemBlobStore;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The contract with the default, file-system blob store under the in-memory document store. */
class FileSystemBlobArchiveTest extends ArchiveContract {

    @TempDir
    Path dir;

    FileSystemBlobArchiveTest() {
        super(StoreKind.MEMORY);
    }

    @Override
    protected BlobStore newBlobStore() {
        return FileSystemBlobStore.create(dir.resolve("blobs"), false);
    }

    @Override
    protected void corrupt(TenantId tenant, ContentHash hash) {
        Path p = ((FileSystemBlobStore) blobs).pathOf(tenant, hash);
        try {
            byte[] b = Files.readAllBytes(p);
            b[0] ^= 0x20;
            Files.write(p, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
