package dev.backoffice.inventory.memory;

import dev.backoffice.inventory.MoveKind;
import dev.backoffice.inventory.OperationId;
import dev.backoffice.inventory.StockOperation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory journal finds every operation by id, whether ids come in order (generated) or not (supplied). */
class OperationJournalTest {

    private static StockOperation op(OperationId id) {
        return new StockOperation(id, MoveKind.TRANSFER, "SKU", LocalDate.of(2026, 1, 1), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Instant.EPOCH);
    }

    @Test
    void findsGeneratedAndSuppliedIdsAcrossChunksAndNothingElse() {
        OperationJournal journal = new OperationJournal();
        List<OperationId> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            // mostly generated (increasing), every 7th a random version-4 id supplied by a caller (any order)
            OperationId id = i % 7 == 3 ? OperationId.of(UUID.randomUUID()) : OperationId.newId();
            assertThat(journal.find(id)).isNull();
            journal.append(op(id));
            ids.add(id);
        }
        assertThat(journal.size()).isEqualTo(10_000);
        for (int i = 0; i < ids.size(); i++) {
            assertThat(journal.find(ids.get(i))).isSameAs(journal.get(i));
            assertThat(journal.get(i).id()).isEqualTo(ids.get(i));
        }
        assertThat(journal.find(OperationId.newId())).isNull();
        assertThat(journal.find(OperationId.of(new UUID(0, 1)))).isNull();
    }
}
