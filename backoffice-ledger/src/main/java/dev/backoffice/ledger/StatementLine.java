package dev.backoffice.ledger;

import org.joda.money.Money;

import java.time.LocalDate;

/**
 * One posted movement of an account statement.
 *
 * @param entryId        the entry
 * @param sequence       the entry's booking sequence
 * @param effectiveDate  the value date
 * @param kind           the entry's kind
 * @param description    the entry's description
 * @param side           debit or credit
 * @param amount         the amount moved (positive; {@code side} says which way)
 * @param runningBalance the posted balance after this line, on the account's normal side
 */
public record StatementLine(EntryId entryId, long sequence, LocalDate effectiveDate, EntryKind kind, String description,
                            Side side, Money amount, Money runningBalance) {
}
