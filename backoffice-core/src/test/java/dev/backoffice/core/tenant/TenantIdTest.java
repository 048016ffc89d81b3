package dev.backoffice.core.tenant;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.json.BackofficeJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantIdTest {

    @Test
    void acceptsVendorKeysAndUuids() {
        assertThat(TenantId.of("acme-corp").value()).isEqualTo("acme-corp");
        assertThat(TenantId.of("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-leading-dash", "has space", "semi;colon", "x/../y"})
    void rejectsMalformedKeysNamingTheField(String bad) {
        assertThatThrownBy(() -> TenantId.of(bad))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("tenantId");
    }

    @Test
    void serializesAsAPlainString() throws Exception {
        String json = BackofficeJson.mapper().writeValueAsString(TenantId.of("acme"));
        assertThat(json).isEqualTo("\"acme\"");
        assertThat(BackofficeJson.mapper().readValue(json, TenantId.class)).isEqualTo(TenantId.of("acme"));
    }
}
