package dev.backoffice.ledger;

/** The side of a posting: debit (left) or credit (right). */
public enum Side {
    DEBIT, CREDIT;

    /** The other side. */
    public Side opposite() {
        return this == DEBIT ? CREDIT : DEBIT;
    }
}
