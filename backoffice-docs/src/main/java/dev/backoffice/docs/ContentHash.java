package dev.backoffice.docs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.backoffice.core.error.InvalidRequestException;

import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a content, as 64 lowercase hex digits: the key of a blob.
 *
 * @param hex the digest in lowercase hex
 */
public record ContentHash(String hex) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public ContentHash {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw DocsErrorCode.INVALID_HASH.invalid("contentHash", "must be 64 lowercase hex digits (SHA-256)", hex);
        }
    }

    /** Parses 64 lowercase hex digits. */
    @JsonCreator
    public static ContentHash of(String hex) {
        return new ContentHash(hex);
    }

    /** The hash of a 32-byte SHA-256 digest. */
    public static ContentHash ofDigest(byte[] digest) {
        if (digest == null || digest.length != 32) {
            throw DocsErrorCode.INVALID_HASH.invalid("digest", "must be 32 bytes", digest == null ? null : digest.length);
        }
        return new ContentHash(HexFormat.of().formatHex(digest));
    }

    @JsonValue
    @Override
    public String toString() {
        return hex;
    }
}
