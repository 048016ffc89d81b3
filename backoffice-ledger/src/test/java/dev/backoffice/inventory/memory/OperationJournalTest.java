package dev.backoffice.inventory.memory;

import dev.backoffice.inventory.Location;
import dev.backoffice.inventory.MoveKind;
import dev.backoffice.inventory.OperationId;
import dev.backoffice.inventory.StockMove;
import dev.backoffice.inventory.StockOperation;
import dev.backoffice.inventory.ValuationRow;
import dev.backoffice.ledger.EntryId;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    private static StockOperation plain(OperationId id, MoveKind kind, String sku, String from, String to, long q, long value, int day,
                                        boolean entry) {
        StockMove m = new StockMove(sku, from, to, Optional.empty(), Optional.empty(), q, 2, Money.ofMinor(CurrencyUnit.EUR, value),
                Optional.empty());
        return new StockOperation(id, kind, sku, LocalDate.ofEpochDay(day), Optional.empty(), Optional.empty(), List.of(m),
                entry ? Optional.of(EntryId.of(id.value())) : Optional.empty(), Instant.ofEpochSecond(1_700_000_000L + day, 123_456_000));
    }

    @Test
    void packedOperationsAreReadBackEqualAndOthersKeptWhole() {
        OperationJournal journal = new OperationJournal();
        List<StockOperation> stored = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) { // across the growing first chunk and into the next chunks
            OperationId id = i % 11 == 5 ? OperationId.of(UUID.randomUUID()) : OperationId.newId();
            StockOperation op = switch (i % 4) {
                case 0 -> plain(id, MoveKind.RECEIPT, "SKU-" + i % 7, "SUP", "WH1", 100 + i, 5_000 + i, 20_000 + i % 3, i % 8 == 0);
                case 1 -> plain(id, MoveKind.TRANSFER, "SKU-" + i % 7, "WH1", "WH2", 3, 0, 20_000 + i % 3, false);
                case 2 -> plain(id, MoveKind.SHIPMENT, "SKU-" + i % 7, "WH1", "CUST", 2, -70, 20_001, true);
                default -> new StockOperation(id, MoveKind.SHIPMENT, "SKU-" + i % 7, LocalDate.ofEpochDay(20_002), Optional.of("order " + i),
                        Optional.empty(), plain(id, MoveKind.SHIPMENT, "SKU-" + i % 7, "WH1", "CUST", 1, -35, 20_002, false).moves(),
                        Optional.empty(), Instant.EPOCH);
            };
            journal.append(op);
            stored.add(op);
        }
        for (int i = 0; i < stored.size(); i++) {
            assertThat(journal.get(i)).isEqualTo(stored.get(i));
            assertThat(journal.find(stored.get(i).id())).isEqualTo(stored.get(i));
            assertThat(journal.isOf(i, stored.get(i).sku())).isTrue();
            assertThat(journal.isOf(i, "SKU-X")).isFalse();
        }
        Map<String, Location> locations = Map.of("SUP", Location.supplier("SUP"), "WH1", Location.warehouse("WH1"),
                "WH2", Location.warehouse("WH2"), "CUST", Location.customer("CUST"));
        for (int day = 19_999; day <= 20_003; day++) {
            LocalDate asOf = LocalDate.ofEpochDay(day);
            Map<String, long[]> expected = new java.util.TreeMap<>();
            for (StockOperation op : stored) {
                if (!op.date().isAfter(asOf)) {
                    for (StockMove m : op.moves()) {
                        boolean in = locations.get(m.to()).kind().internal();
                        boolean out = locations.get(m.from()).kind().internal();
                        long[] s = expected.computeIfAbsent(m.sku(), k -> new long[2]);
                        s[0] += in == out ? 0 : in ? m.quantity() : -m.quantity();
                        s[1] += m.valueDelta().getAmountMinorLong();
                    }
                }
            }
            List<ValuationRow> rows = new ArrayList<>();
            expected.forEach((sku, s) -> rows.add(new ValuationRow(sku, s[0], s[1])));
            assertThat(journal.valuation(asOf, locations::get)).as("as of day %d", day).isEqualTo(rows);
        }
    }
}
