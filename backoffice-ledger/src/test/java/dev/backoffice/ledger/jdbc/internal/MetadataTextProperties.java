package dev.backoffice.ledger.jdbc.internal;

import dev.backoffice.core.json.BackofficeJson;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An entry's metadata text written without Jackson ({@link LedgerSql#plainMetadata}) is exactly
 * Jackson's text for the sorted map whenever it is written at all, and reads back to the map.
 */
class MetadataTextProperties {

    @Property(tries = 500)
    void plainTextIsJacksonsTextAndReadsBack(@ForAll @Size(max = 4) Map<@StringLength(max = 12) String, @StringLength(max = 24) String> metadata)
            throws Exception {
        String plain = LedgerSql.plainMetadata(metadata);
        if (metadata.isEmpty()) {
            assertThat(plain).isEqualTo("{}");
            return;
        }
        boolean needsEscaping = metadata.entrySet().stream().anyMatch(e -> escaped(e.getKey()) || escaped(e.getValue()));
        if (needsEscaping) {
            assertThat(plain).isNull();
        } else {
            assertThat(plain).isEqualTo(BackofficeJson.mapper().writeValueAsString(new TreeMap<>(metadata)));
        }
        assertThat(LedgerSql.readMetadata(LedgerSql.writeMetadata(metadata))).isEqualTo(metadata);
    }

    @Property(tries = 200)
    void invoiceLikeMetadataIsWrittenPlain(@ForAll @StringLength(min = 1, max = 30) String number) {
        String safe = number.replaceAll("[\\p{Cntrl}\"\\\\]", "x");
        Map<String, String> metadata = Map.of("invoiceId", "0190f3a2-7c1e-7000-8000-000000000001", "number", safe);
        assertThat(LedgerSql.plainMetadata(metadata)).isEqualTo("{\"invoiceId\":\"0190f3a2-7c1e-7000-8000-000000000001\",\"number\":\""
                + safe + "\"}");
    }

    private static boolean escaped(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == '"' || c == '\\');
    }
}
