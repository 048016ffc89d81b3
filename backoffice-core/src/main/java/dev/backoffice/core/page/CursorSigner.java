package dev.backoffice.core.page;

import dev.backoffice.core.error.CoreErrorCode;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes listing cursors opaque and tamper-proof: a cursor is the listing's own position text
 * (the payload) plus an HMAC-SHA256 over the payload, the tenant and a scope that names the
 * listing and its arguments (e.g. {@code ledger.statement|<account>|<from>|<to>}).
 *
 * <p>{@link #verify} gives the payload back only for a cursor that this signer's key made for the
 * same tenant and scope; anything else (a forged or edited cursor, one of another tenant, another
 * account or another range, one made with another key) is an {@link InvalidRequestException} with
 * code {@code page.invalid_cursor} ({@link CoreErrorCode#PAGE_INVALID_CURSOR}) naming the field {@code cursor}. So a listing may keep figures in
 * its cursor (a running balance, say) and trust them: a client can only hand back what it was
 * given, for the very listing it was given for.
 *
 * <p>The payload is signed, not encrypted: a client can read it, and must not be able to learn
 * anything from it that the page itself did not show.
 *
 * <p>Keys: {@link #withKey} (at least 32 bytes) for cursors that must stay valid across restarts and
 * on every node of a cluster (give every node the same key); {@link #random()} for cursors valid
 * only as long as this signer lives. Thread-safe.
 */
public final class CursorSigner {

    /** Shortest key accepted, in bytes (the HMAC-SHA256 block strength). */
    public static final int MIN_KEY_BYTES = 32;
    /** Longest payload signed, in characters (a cursor is a position, not data). */
    public static final int MAX_PAYLOAD = 1024;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int TAG_BYTES = 32;
    private static final char SEPARATOR = '.';

    private final SecretKeySpec key;

    private CursorSigner(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /**
     * A signer with {@code key} (at least {@value #MIN_KEY_BYTES} bytes, copied): cursors it makes
     * are valid wherever a signer has the same key.
     */
    public static CursorSigner withKey(byte[] key) {
        Check.notNull(key, "cursorKey");
        Check.that(key.length >= MIN_KEY_BYTES, "cursorKey", "must be at least " + MIN_KEY_BYTES + " bytes", key.length + " bytes");
        return new CursorSigner(key);
    }

    /** A signer with a fresh random key: its cursors are valid only as long as it lives. */
    public static CursorSigner random() {
        byte[] k = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(k);
        return new CursorSigner(k);
    }

    /**
     * The cursor for {@code payload} in {@code tenant}'s listing {@code scope}: URL-safe Base64 of
     * the payload, a dot, URL-safe Base64 of the tag.
     *
     * @param tenant  the tenant whose listing this is
     * @param scope   the listing and its arguments; {@link #verify} must be given the same
     * @param payload the listing's position (at most {@value #MAX_PAYLOAD} characters)
     */
    public String sign(TenantId tenant, String scope, String payload) {
        Check.notNull(tenant, "tenant");
        Check.notNull(scope, "scope");
        Check.notNull(payload, "payload");
        Check.that(payload.length() <= MAX_PAYLOAD, "payload", "must be at most " + MAX_PAYLOAD + " characters", payload.length());
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(body) + SEPARATOR + b64.encodeToString(tag(tenant, scope, body));
    }

    /**
     * The payload of {@code cursor}, if this signer made it for {@code tenant} and {@code scope}.
     *
     * @throws InvalidRequestException with code {@code page.invalid_cursor} ({@link CoreErrorCode#PAGE_INVALID_CURSOR}) (field {@code cursor})
     *                                 for any other cursor
     */
    public String verify(TenantId tenant, String scope, String cursor) {
        Check.notNull(tenant, "tenant");
        Check.notNull(scope, "scope");
        if (cursor == null || cursor.length() > 2 * MAX_PAYLOAD + 64) {
            throw invalid(cursor);
        }
        int dot = cursor.indexOf(SEPARATOR);
        if (dot < 0 || cursor.indexOf(SEPARATOR, dot + 1) >= 0) {
            throw invalid(cursor);
        }
        byte[] body;
        byte[] tag;
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            body = b64.decode(cursor.substring(0, dot));
            tag = b64.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid(cursor);
        }
        if (tag.length != TAG_BYTES || !MessageDigest.isEqual(tag, tag(tenant, scope, body))) {
            throw invalid(cursor);
        }
        // canonical encoding only: a cursor is accepted exactly as it was handed out
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        if (!cursor.equals(enc.encodeToString(body) + SEPARATOR + enc.encodeToString(tag))) {
            throw invalid(cursor);
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private byte[] tag(TenantId tenant, String scope, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            // length-prefixed fields: no two (tenant, scope, payload) triples share an input
            field(mac, "cursor/v1".getBytes(StandardCharsets.UTF_8));
            field(mac, tenant.value().getBytes(StandardCharsets.UTF_8));
            field(mac, scope.getBytes(StandardCharsets.UTF_8));
            field(mac, body);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    private static void field(Mac mac, byte[] bytes) {
        int n = bytes.length;
        mac.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        mac.update(bytes);
    }

    private static InvalidRequestException invalid(String cursor) {
        String shown = cursor == null ? null : cursor.length() <= 64 ? cursor : cursor.substring(0, 64) + "...";
        return CoreErrorCode.PAGE_INVALID_CURSOR.invalid("cursor",
                "is not a cursor this listing handed out for this tenant, scope and arguments", shown);
    }

    @Override
    public String toString() {
        return "CursorSigner[HmacSHA256, key hidden]";
    }
}
