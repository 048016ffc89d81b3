package dev.backoffice.core.id;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.time.AdjustableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdsTest {

    @Test
    void generatedIdsAreVersion7WithTheClocksTimestamp() {
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-01-02T03:04:05.678Z"));
        UUID id = Ids.newId(clock);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(Ids.timestampMillis(id)).isEqualTo(clock.millis());
    }

    @Test
    void idsFromOneJvmAreStrictlyIncreasingEvenWithinOneMillisecond() {
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2030-01-01T00:00:00Z"));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Ids.newId(clock));
        }
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i).toString()).isGreaterThan(ids.get(i - 1).toString());
        }
    }

    @Test
    void callerSuppliedIdsAreParsed() {
        UUID id = UUID.randomUUID();
        assertThat(Ids.parse(id.toString(), "orderId")).isEqualTo(id);
    }

    @Test
    void malformedIdNamesTheField() {
        assertThatThrownBy(() -> Ids.parse("not-a-uuid", "orderId"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("orderId")
                .hasMessageContaining("not-a-uuid");
        assertThatThrownBy(() -> Ids.require(null, "accountId"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("accountId");
    }
}
