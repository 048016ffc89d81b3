package dev.backoffice.ledger;

/**
 * The four counters of an account in minor units, as in TigerBeetle. Immutable; the rule
 * engine returns new instances.
 *
 * @param debitsPosted   posted debits
 * @param creditsPosted  posted credits
 * @param debitsPending  debits held by pending entries
 * @param creditsPending credits held by pending entries
 */
public record AccountCounters(long debitsPosted, long creditsPosted, long debitsPending, long creditsPending) {

    /** All zero. */
    public static final AccountCounters ZERO = new AccountCounters(0, 0, 0, 0);

    /** Posted debits minus posted credits (exact; counters are bounded so this cannot overflow in practice). */
    public long postedNetDebit() {
        return Math.subtractExact(debitsPosted, creditsPosted);
    }

    /**
     * Whether posted plus pending debits exceed posted credits: what TigerBeetle's
     * {@code debits_must_not_exceed_credits} forbids (pending debits count, pending credits do not).
     *
     * @throws ArithmeticException if the sum overflows
     */
    public boolean debitsExceedCredits() {
        return Math.addExact(debitsPosted, debitsPending) > creditsPosted;
    }

    /**
     * Whether posted plus pending credits exceed posted debits: what TigerBeetle's
     * {@code credits_must_not_exceed_debits} forbids. Shared by the ledger's balance limits and
     * inventory's stock limits (a stock position's credits are issues and reservations).
     *
     * @throws ArithmeticException if the sum overflows
     */
    public boolean creditsExceedDebits() {
        return Math.addExact(creditsPosted, creditsPending) > debitsPosted;
    }

    /** Component-wise sum, failing on overflow. */
    public AccountCounters plus(AccountCounters o) {
        return new AccountCounters(Math.addExact(debitsPosted, o.debitsPosted), Math.addExact(creditsPosted, o.creditsPosted),
                Math.addExact(debitsPending, o.debitsPending), Math.addExact(creditsPending, o.creditsPending));
    }

    /** Component-wise difference, failing on overflow. */
    public AccountCounters minus(AccountCounters o) {
        return new AccountCounters(Math.subtractExact(debitsPosted, o.debitsPosted), Math.subtractExact(creditsPosted, o.creditsPosted),
                Math.subtractExact(debitsPending, o.debitsPending), Math.subtractExact(creditsPending, o.creditsPending));
    }

    /** These counters after {@code m} (exact arithmetic; throws {@link ArithmeticException} on overflow). */
    public AccountCounters apply(Movement m) {
        return apply(m.side(), m.pending(), m.amount());
    }

    /**
     * These counters after moving the {@code side} counter, pending or posted, by {@code a}
     * (exact arithmetic; throws {@link ArithmeticException} on overflow).
     */
    public AccountCounters apply(Side side, boolean pending, long a) {
        if (pending) {
            return side == Side.DEBIT
                    ? new AccountCounters(debitsPosted, creditsPosted, Math.addExact(debitsPending, a), creditsPending)
                    : new AccountCounters(debitsPosted, creditsPosted, debitsPending, Math.addExact(creditsPending, a));
        }
        return side == Side.DEBIT
                ? new AccountCounters(Math.addExact(debitsPosted, a), creditsPosted, debitsPending, creditsPending)
                : new AccountCounters(debitsPosted, Math.addExact(creditsPosted, a), debitsPending, creditsPending);
    }
}
