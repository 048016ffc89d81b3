package dev.backoffice.docs.blob;

import dev.backoffice.core.error.NotFoundException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.docs.ContentHash;
import dev.backoffice.docs.DocsErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;

/**
 * Blobs as files: {@code <root>/<tenant>/<first two hex digits>/<sha256>}.
 *
 * <p>A write streams the content through a {@link DigestInputStream} into a temp file in the
 * tenant's {@code tmp/} directory, counting bytes against the limit. Only then is the key
 * known: the temp file is renamed atomically to its hash path, and the file and its directory
 * are fsynced before {@code put} returns. If an intact blob is already at the hash path the
 * temp file is dropped (the write is idempotent); a damaged one (left by a crash before the
 * fsync) is replaced. No blob is referenced by a document before {@code put} returned, and
 * reads verify every byte, so a crash can never make damaged content look stored.
 *
 * <p>Paths are built only from the validated tenant id (escaped so that it is safe also on
 * case-insensitive file systems) and from validated hex hashes: no caller-given name ever
 * reaches the file system.
 */
public final class FileSystemBlobStore implements BlobStore {

    private static final int BUFFER = 256 * 1024;

    private final Path root;
    private final boolean fsync;
    /** Fan-out directories known to exist, to skip a stat per write. */
    private final java.util.Set<Path> knownDirs = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private FileSystemBlobStore(Path root, boolean fsync) {
        this.root = root;
        this.fsync = fsync;
    }

    /** A durable store under {@code root} (created if missing): every write is fsynced. */
    public static FileSystemBlobStore create(Path root) {
        return create(root, true);
    }

    /**
     * A store under {@code root}; with {@code fsync == false} writes are not forced to disk
     * (faster, for tests and scratch data only: a power loss may lose acknowledged content).
     */
    public static FileSystemBlobStore create(Path root, boolean fsync) {
        Check.notNull(root, "root");
        try {
            Files.createDirectories(root);
            return new FileSystemBlobStore(root.toRealPath(), fsync);
        } catch (IOException e) {
            throw Blobs.io("cannot create blob root " + root, e);
        }
    }

    /** The root directory. */
    public Path root() {
        return root;
    }

    /** The file a blob lives in (whether or not it exists): for operations and tests. */
    public Path pathOf(TenantId tenant, ContentHash hash) {
        Check.notNull(hash, "hash");
        return tenantDir(tenant).resolve(hash.hex().substring(0, 2)).resolve(hash.hex());
    }

    private Path tenantDir(TenantId tenant) {
        Check.notNull(tenant, "tenant");
        StringBuilder sb = new StringBuilder("t-");
        for (char c : tenant.value().toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('^').append(Character.toLowerCase(c));
            } else if (c == ':') {
                sb.append('+');
            } else {
                sb.append(c);
            }
        }
        Path dir = root.resolve(sb.toString()).normalize();
        if (!dir.getParent().equals(root)) {
            throw new IllegalStateException("tenant directory escaped the root: " + dir);
        }
        return dir;
    }

    @Override
    public BlobRef put(TenantId tenant, InputStream content, long maxBytes) {
        Check.notNull(content, "content");
        Check.positive(maxBytes, "maxBytes");
        Path tmpDir = tenantDir(tenant).resolve("tmp");
        Path tmp = null;
        try {
            if (knownDirs.add(tmpDir)) {
                Files.createDirectories(tmpDir);
            }
            try {
                tmp = Files.createTempFile(tmpDir, "put-", ".part");
            } catch (NoSuchFileException gone) { // removed behind our back
                Files.createDirectories(tmpDir);
                tmp = Files.createTempFile(tmpDir, "put-", ".part");
            }
            MessageDigest digest = Blobs.sha256();
            long total = 0;
            try (DigestInputStream in = new DigestInputStream(content, digest);
                 FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                byte[] buf = new byte[BUFFER];
                ByteBuffer bb = ByteBuffer.wrap(buf);
                int n;
                while ((n = in.read(buf)) >= 0) {
                    total += n;
                    if (total > maxBytes) {
                        throw Blobs.tooLarge(maxBytes);
                    }
                    bb.clear().limit(n);
                    while (bb.hasRemaining()) {
                        out.write(bb);
                    }
                }
                if (total == 0) {
                    throw Blobs.empty();
                }
            }
            ContentHash hash = ContentHash.ofDigest(digest.digest());
            Path target = pathOf(tenant, hash);
            if (Files.exists(target) && Files.size(target) == total && verify(tenant, hash) == BlobStatus.INTACT) {
                Files.deleteIfExists(tmp);
                tmp = null;
            } else {
                // Absent, or a damaged leftover of a crashed write: (re)place it atomically.
                if (knownDirs.add(target.getParent())) {
                    Files.createDirectories(target.getParent());
                }
                try {
                    try {
                        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } catch (NoSuchFileException gone) { // fan-out directory removed behind our back
                        Files.createDirectories(target.getParent());
                        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (AtomicMoveNotSupportedException e) {
                    throw Blobs.io("the file system cannot rename atomically", e);
                }
                tmp = null;
            }
            if (fsync) {
                // Data and name are forced after the rename, so on journaling file systems one
                // journal commit covers both (the directory fsync then finds nothing left to do).
                // Until both calls return, put() has not returned and nothing references the blob;
                // a crash in between can only leave a file that a later put() of the same content
                // re-verifies and replaces, and that reads refuse to serve.
                try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                syncDirectory(target.getParent());
            }
            return new BlobRef(hash, total);
        } catch (IOException e) {
            throw Blobs.io("writing blob", e);
        } catch (UncheckedIOException e) {
            throw Blobs.io("writing blob", e.getCause());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray temp file is harmless
                }
            }
        }
    }

    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory; the rename is still atomic there.
            if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win")) {
                throw e;
            }
        }
    }

    @Override
    public InputStream open(TenantId tenant, ContentHash hash) {
        return open(tenant, hash, -1);
    }

    /** {@inheritDoc} A negative {@code size} means unknown: checked at end of data only. */
    @Override
    public InputStream open(TenantId tenant, ContentHash hash, long size) {
        Path p = pathOf(tenant, hash);
        try {
            return new Blobs.Verifying(Files.newInputStream(p), hash, size);
        } catch (NoSuchFileException e) {
            throw DocsErrorCode.CONTENT_MISSING.notFound("no blob " + hash + " in tenant " + tenant);
        } catch (IOException e) {
            throw Blobs.io("opening blob " + hash, e);
        }
    }

    @Override
    public BlobStatus verify(TenantId tenant, ContentHash hash) {
        Path p = pathOf(tenant, hash);
        try (InputStream in = Files.newInputStream(p)) {
            return Blobs.matches(in, hash) ? BlobStatus.INTACT : BlobStatus.CORRUPTED;
        } catch (NoSuchFileException e) {
            return BlobStatus.MISSING;
        } catch (IOException e) {
            throw Blobs.io("verifying blob " + hash, e);
        }
    }

    @Override
    public boolean exists(TenantId tenant, ContentHash hash) {
        return Files.exists(pathOf(tenant, hash));
    }

    @Override
    public boolean delete(TenantId tenant, ContentHash hash) {
        Path p = pathOf(tenant, hash);
        try {
            boolean existed = Files.deleteIfExists(p);
            if (existed && fsync) {
                syncDirectory(p.getParent());
            }
            return existed;
        } catch (IOException e) {
            throw Blobs.io("deleting blob " + hash, e);
        }
    }
}
