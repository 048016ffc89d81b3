package dev.backoffice.docs.blob;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.StorageException;
import dev.backoffice.docs.ContentCorruptedException;
import dev.backoffice.docs.ContentHash;
import dev.backoffice.docs.DocsErrors;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Hashing and verification shared by the blob stores. */
final class Blobs {
    private Blobs() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static InvalidRequestException tooLarge(long max) {
        return InvalidRequestException.of(DocsErrors.CONTENT_TOO_LARGE, "content", "must be at most " + max + " bytes", "more than " + max + " bytes");
    }

    static InvalidRequestException empty() {
        return InvalidRequestException.of(DocsErrors.EMPTY_CONTENT, "content", "must not be empty", "0 bytes");
    }

    static StorageException io(String what, IOException e) {
        return new StorageException(DocsErrors.IO_FAILURE, what + ": " + e.getMessage(), e);
    }

    /**
     * A stream that hashes what passes through and, when the source reports end of data,
     * compares: on mismatch it throws instead of returning -1, so corrupted content is never
     * accepted as complete.
     */
    static final class Verifying extends FilterInputStream {
        private final ContentHash expected;
        private final MessageDigest digest = sha256();
        private boolean checked;

        Verifying(InputStream in, ContentHash expected) {
            super(in);
            this.expected = expected;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                check();
            } else {
                digest.update((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n < 0) {
                check();
            } else {
                digest.update(buf, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipped bytes must still be hashed.
            byte[] buf = new byte[8192];
            long done = 0;
            while (done < n) {
                int r = read(buf, 0, (int) Math.min(buf.length, n - done));
                if (r < 0) {
                    break;
                }
                done += r;
            }
            return done;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void check() {
            if (checked) {
                return;
            }
            ContentHash actual = ContentHash.ofDigest(digest.digest());
            checked = true;
            if (!actual.equals(expected)) {
                throw new ContentCorruptedException("blob " + expected + " is corrupted: its content hashes to " + actual);
            }
        }
    }

    /** Reads to the end, returning whether the content matches. */
    static boolean matches(InputStream in, ContentHash expected) throws IOException {
        MessageDigest d = sha256();
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) >= 0) {
            d.update(buf, 0, n);
        }
        return ContentHash.ofDigest(d.digest()).equals(expected);
    }
}
