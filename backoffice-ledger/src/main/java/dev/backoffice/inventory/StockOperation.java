package dev.backoffice.inventory;

import dev.backoffice.ledger.EntryId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A stored stock operation: one or more {@link StockMove}s of one item, dated, with the journal
 * entry that posted its value (if any). Immutable.
 *
 * @param id         its identity (given before the first attempt; repeating a request with it is safe)
 * @param kind       what it is
 * @param sku        the item
 * @param date       its effective date
 * @param reference  the caller's reference (an order line, a delivery note)
 * @param reason     why (adjustments and counts)
 * @param moves      its lines
 * @param entry      the journal entry posting its value, if a ledger is attached and the value is not zero
 * @param recordedAt when it was stored
 */
public record StockOperation(OperationId id, MoveKind kind, String sku, LocalDate date, Optional<String> reference,
                             Optional<String> reason, List<StockMove> moves, Optional<EntryId> entry, Instant recordedAt) {

    public StockOperation {
        moves = List.copyOf(moves);
    }
}
