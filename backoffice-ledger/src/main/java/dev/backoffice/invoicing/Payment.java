package dev.backoffice.invoicing;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.validation.Check;
import dev.backoffice.ledger.EntryId;
import org.joda.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A payment as stored, with every allocation made of it so far.
 *
 * @param id          the id
 * @param version     1 when first stored, one more on every allocation
 * @param payer       the customer key
 * @param amount      the amount received
 * @param receivedOn  the date it arrived
 * @param reference   the reference
 * @param allocations the allocations, oldest first
 * @param ledgerEntry the journal entry of the receipt, if it was posted
 * @param createdAt   when it was first stored
 */
public record Payment(PaymentId id, long version, String payer, Money amount, LocalDate receivedOn, String reference,
                      List<Allocation> allocations, Optional<EntryId> ledgerEntry, Instant createdAt) {

    public Payment {
        Check.notNull(id, "id");
        Check.notNull(payer, "payer");
        Check.notNull(amount, "amount");
        Check.notNull(receivedOn, "receivedOn");
        Check.notNull(reference, "reference");
        allocations = List.copyOf(Check.notNull(allocations, "allocations"));
        Check.notNull(ledgerEntry, "ledgerEntry");
        Check.notNull(createdAt, "createdAt");
    }

    /** How much of it is allocated. */
    public Money allocated() {
        Money sum = Money.zero(amount.getCurrencyUnit());
        for (Allocation a : allocations) {
            sum = MoneyMath.plus(sum, a.amount());
        }
        return sum;
    }

    /** How much of it is left as the customer's credit. */
    public Money unallocated() {
        return MoneyMath.minus(amount, allocated());
    }
}
