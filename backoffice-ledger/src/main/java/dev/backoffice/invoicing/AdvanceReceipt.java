package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;
import org.joda.money.Money;

import java.time.LocalDate;

/**
 * A payment received before the supply, which an advance invoice documents (art. 106b ust. 1
 * pkt 4 ustawy o VAT; its VAT is due on the day it is received, art. 19a ust. 8).
 *
 * @param received   the amount received, gross (FA(3) {@code P_15} of a {@code ZAL} invoice)
 * @param receivedOn the day it was received (the advance's tax point; FA(3) {@code P_6})
 */
public record AdvanceReceipt(Money received, LocalDate receivedOn) {
    public AdvanceReceipt {
        Check.notNull(received, "received");
        Check.notNull(receivedOn, "receivedOn");
    }
}
