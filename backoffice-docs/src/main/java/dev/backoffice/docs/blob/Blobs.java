package dev.backoffice.docs.blob;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.StorageException;
import dev.backoffice.docs.ContentCorruptedException;
import dev.backoffice.docs.ContentHash;
import dev.backoffice.docs.DocsErrorCode;

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
        return DocsErrorCode.CONTENT_TOO_LARGE.invalid("content", "must be at most " + max + " bytes", "more than " + max + " bytes");
    }

    static InvalidRequestException empty() {
        return DocsErrorCode.EMPTY_CONTENT.invalid("content", "must not be empty", "0 bytes");
    }

    static StorageException io(String what, IOException e) {
        return DocsErrorCode.IO_FAILURE.storage(what + ": " + e.getMessage(), e);
    }

    /** A verifying stream over {@code in} that expects exactly {@code size} bytes (negative: unknown). */
    static InputStream verifying(InputStream in, ContentHash expected, long size) {
        return new Verifying(in, expected, size < 0 ? -1 : size);
    }

    /**
     * A stream that hashes what passes through and compares with the key: when the source
     * reports end of data, and, if the size is known, as soon as the last declared byte has
     * been read from the source, before that read returns. On mismatch (or too many or too few
     * bytes) it throws instead of returning, and keeps throwing, so corrupted content is never
     * accepted as complete, also by a caller that reads exactly the declared size and stops.
     */
    static final class Verifying extends FilterInputStream {
        private final ContentHash expected;
        /** The declared size, or -1 if unknown (then checked at end of data only). */
        private final long size;
        private final MessageDigest digest = sha256();
        private long count;
        private boolean checked;
        private ContentCorruptedException failure;

        Verifying(InputStream in, ContentHash expected) {
            this(in, expected, -1);
        }

        Verifying(InputStream in, ContentHash expected, long size) {
            super(in);
            this.expected = expected;
            this.size = size < 0 ? -1 : size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (failure != null) {
                throw failure;
            }
            int n = super.read(buf, off, len);
            if (n < 0) {
                if (size >= 0 && count != size) {
                    throw fail("it ends after " + count + " bytes, before its declared size " + size);
                }
                check();
                return n;
            }
            count += n;
            if (size >= 0 && count > size) {
                throw fail("it is longer than its declared size " + size);
            }
            digest.update(buf, off, n);
            if (count == size) {
                check(); // before the last declared byte is delivered
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
                throw fail("its content hashes to " + actual);
            }
        }

        private ContentCorruptedException fail(String why) {
            failure = new ContentCorruptedException("blob " + expected + " is corrupted: " + why);
            return failure;
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
