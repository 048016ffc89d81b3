package dev.backoffice.ledger.internal;

import dev.backoffice.core.error.CoreErrorCode;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.page.CursorSigner;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.ledger.AccountId;
import dev.backoffice.ledger.LedgerReads;

import java.time.LocalDate;

/**
 * The statement cursor: the position of the last line shown and the running balance after it, so
 * the next page needs no re-summing and stays stable when entries are added.
 *
 * <p>The client is not trusted with the running balance: the cursor is signed by the ledger's
 * {@link CursorSigner} over the tenant and the scope {@code ledger.statement|account|from|to}, so
 * only a cursor this ledger handed out for this very statement is accepted; anything else is
 * {@code page.invalid_cursor}. (Re-deriving the balance from the stored position instead would
 * cost a sum over the movements of the page's first day on every page.)
 */
record StatementCursor(LedgerReads.MovementPosition position, long runningBalance) {

    static String scope(AccountId account, LocalDate from, LocalDate to) {
        return "ledger.statement|" + account.value() + "|" + from + "|" + to;
    }

    String encode(CursorSigner signer, TenantId tenant, String scope) {
        return signer.sign(tenant, scope,
                position.effectiveDate() + "|" + position.sequence() + "|" + position.index() + "|" + runningBalance);
    }

    /**
     * The cursor, if {@code signer} made it for {@code tenant} and {@code scope}.
     *
     * @throws InvalidRequestException {@code page.invalid_cursor} otherwise
     */
    static StatementCursor decode(CursorSigner signer, TenantId tenant, String scope, String cursor) {
        String raw = signer.verify(tenant, scope, cursor);
        try {
            String[] p = raw.split("\\|");
            if (p.length != 4) {
                throw new IllegalArgumentException(raw);
            }
            return new StatementCursor(new LedgerReads.MovementPosition(LocalDate.parse(p[0]), Long.parseLong(p[1]),
                    Integer.parseInt(p[2])), Long.parseLong(p[3]));
        } catch (RuntimeException e) { // signed by this key but not a statement position: another listing's cursor
            throw CoreErrorCode.PAGE_INVALID_CURSOR.invalid("cursor", "is not a statement cursor", cursor);
        }
    }
}
