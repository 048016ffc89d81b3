package dev.backoffice.docs.retention;

/**
 * Why a retention policy keeps documents: what it can stand against in an erasure request
 * (GDPR art. 17).
 *
 * <p>Art. 17(3)(b) lets a controller refuse erasure only where keeping the data is necessary
 * "for compliance with a legal obligation which requires processing by Union or Member State
 * law". An internal records schedule is not such an obligation, so it does not override an
 * erasure request; a policy whose source says there is no requirement keeps nothing.
 *
 * <p>Ordered from the weakest to the strongest: replacing a policy by one with a weaker basis
 * weakens it (an authorised override in governance mode; never in compliance mode).
 */
public enum RetentionBasis {
    /**
     * No retention requirement: documents are kept through no day at all. Their retention has
     * ended from the moment they are created ({@link RetentionPolicy#retainUntil} is the day
     * before the anchor), so {@code delete} and erasure may remove them at once and the next
     * disposition run acts on them. Only with a zero period and governance mode.
     */
    NONE,
    /**
     * An internal records schedule (the organisation's own rule, no law requiring it). Binds
     * disposition, {@code delete} and overrides like any policy, but yields to an erasure
     * request: the document is erased, and the certificate names the schedule it overrode.
     * Governance mode only.
     */
    INTERNAL,
    /**
     * A legal obligation, cited in the policy's {@code source}: an erasure request keeps the
     * document until its retention ends, citing GDPR art. 17(3)(b). The only basis compliance
     * mode accepts.
     */
    LEGAL_OBLIGATION
}
