package dev.backoffice.ledger.internal;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.ledger.LedgerStore;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

/**
 * The opaque statement cursor: the position of the last line shown and the running balance
 * after it, so the next page needs no re-summing and stays stable when entries are added.
 */
record StatementCursor(LedgerStore.MovementPosition position, long runningBalance) {

    String encode() {
        String raw = "v1|" + position.effectiveDate() + "|" + position.sequence() + "|" + position.index() + "|" + runningBalance;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static StatementCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] p = raw.split("\\|");
            if (p.length != 5 || !p[0].equals("v1")) {
                throw new IllegalArgumentException(raw);
            }
            return new StatementCursor(new LedgerStore.MovementPosition(LocalDate.parse(p[1]), Long.parseLong(p[2]),
                    Integer.parseInt(p[3])), Long.parseLong(p[4]));
        } catch (RuntimeException e) {
            throw InvalidRequestException.of("cursor", "is not a cursor returned by this ledger", cursor);
        }
    }
}
