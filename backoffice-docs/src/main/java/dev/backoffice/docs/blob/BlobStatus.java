package dev.backoffice.docs.blob;

/** The outcome of {@link BlobStore#verify}. */
public enum BlobStatus {
    /** Present and hashes to its key. */
    INTACT,
    /** Present but its bytes do not hash to its key. */
    CORRUPTED,
    /** Not there. */
    MISSING
}
