package dev.backoffice.core.page;

import dev.backoffice.core.error.CoreErrorCode;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.tenant.TenantId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CursorSignerTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private final CursorSigner signer = CursorSigner.withKey(new byte[32]);

    private static void rejected(Runnable call) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, call::run);
        assertThat(e).as("a typed invalid request").isNotNull();
        assertThat(e.code()).isEqualTo(CoreErrorCode.PAGE_INVALID_CURSOR.code());
        assertThat(e.violations()).extracting(v -> v.field()).containsExactly("cursor");
    }

    @Test
    void aCursorVerifiesForItsTenantAndScopeAndGivesThePayloadBack() {
        String c = signer.sign(ACME, "list|a", "2026-03-01|7|0|1500");
        assertThat(signer.verify(ACME, "list|a", c)).isEqualTo("2026-03-01|7|0|1500");
        assertThat(c).doesNotContain("+", "/", "=");
    }

    @Test
    void aCursorOfAnotherTenantIsRejected() {
        String c = signer.sign(ACME, "list|a", "p");
        rejected(() -> signer.verify(GLOBEX, "list|a", c));
    }

    @Test
    void aCursorOfAnotherScopeIsRejected() {
        String c = signer.sign(ACME, "list|a", "p");
        rejected(() -> signer.verify(ACME, "list|b", c));
    }

    @Test
    void aCursorMadeWithAnotherKeyIsRejected() {
        String c = CursorSigner.random().sign(ACME, "list|a", "p");
        rejected(() -> signer.verify(ACME, "list|a", c));
    }

    @Test
    void aPlainBase64CursorWithAForgedPayloadIsRejected() {
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1|2026-03-01|1|0|" + Long.MAX_VALUE).getBytes(StandardCharsets.UTF_8));
        rejected(() -> signer.verify(ACME, "list|a", forged));
        String c = signer.sign(ACME, "list|a", "2026-03-01|1|0|10");
        String swapped = forged + c.substring(c.indexOf('.'));
        rejected(() -> signer.verify(ACME, "list|a", swapped));
    }

    @Test
    void garbageIsRejectedNeverARawException() {
        for (String g : new String[] {"", ".", "..", "a.b", "!!!.???", "a.b.c", "x".repeat(5000)}) {
            rejected(() -> signer.verify(ACME, "list|a", g));
        }
        rejected(() -> signer.verify(ACME, "list|a", null));
    }

    @Test
    void aShortKeyIsRefused() {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> CursorSigner.withKey(new byte[31]));
        assertThat(e.violations()).extracting(v -> v.field()).containsExactly("cursorKey");
    }

    @Property(tries = 300)
    void anyEditOfACursorIsRejectedOrLeavesItUnchanged(@ForAll @StringLength(min = 1, max = 40) String payload,
                                                         @ForAll @IntRange(min = 0, max = 10_000) int at,
                                                         @ForAll @IntRange(min = 0, max = 63) int replacement) {
        String c = signer.sign(ACME, "list|a", payload);
        char[] chars = c.toCharArray();
        int i = at % chars.length;
        chars[i] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.".charAt(replacement % 65);
        String edited = new String(chars);
        if (edited.equals(c)) {
            assertThat(signer.verify(ACME, "list|a", edited)).isEqualTo(payload);
        } else {
            rejected(() -> signer.verify(ACME, "list|a", edited));
        }
    }
}
