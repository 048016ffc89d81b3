package dev.backoffice.ledger.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Entry sequence numbers for one store: blocks of {@value #BLOCK} taken from the database
 * sequence {@code ledger_sequence_block} (one round trip per block, never rolled back), handed
 * out in increasing order. Unique across processes and strictly increasing within one; a block
 * cut short by a restart leaves a gap, which the SPI allows.
 */
public final class SequenceBlocks {

    SequenceBlocks() {
    }

    /** A source with no block yet (internal classes have no public constructor). */
    public static SequenceBlocks create() {
        return new SequenceBlocks();
    }

    static final int BLOCK = 1000;

    private long next = 1;
    private long end = 0; // exclusive

    /** The next sequence number, fetching a block through {@code c} when the current one is used up. */
    public synchronized long next(Connection c) throws SQLException {
        if (next >= end) {
            long start = LedgerSql.nextSequenceBlock(c);
            next = start;
            end = start + BLOCK;
        }
        return next++;
    }
}
