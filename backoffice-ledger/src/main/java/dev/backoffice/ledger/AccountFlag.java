package dev.backoffice.ledger;

/**
 * Balance limits of an account, with TigerBeetle's semantics: pending amounts count against the
 * limit on the restricted side, pending amounts on the other side do not help.
 */
public enum AccountFlag {
    /**
     * {@code debitsPending + debitsPosted <= creditsPosted} must hold after every entry: a customer
     * wallet (liability) or a cash account (asset) that may not go overdrawn. Violations fail with
     * {@code ledger.insufficient_funds}.
     */
    DEBITS_MUST_NOT_EXCEED_CREDITS,
    /**
     * {@code creditsPending + creditsPosted <= debitsPosted} must hold after every entry. Violations
     * fail with {@code ledger.credits_exceed_debits}.
     */
    CREDITS_MUST_NOT_EXCEED_DEBITS
}
