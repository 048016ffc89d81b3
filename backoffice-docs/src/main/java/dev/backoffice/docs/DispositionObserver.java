package dev.backoffice.docs;

/** Told of each certificate once its disposal has committed: for progress reporting. */
@FunctionalInterface
public interface DispositionObserver {
    /** Does nothing. */
    DispositionObserver NONE = c -> {
    };

    /** Called after the certificate's transaction committed, on the disposing thread. */
    void committed(DisposalCertificate certificate);
}
