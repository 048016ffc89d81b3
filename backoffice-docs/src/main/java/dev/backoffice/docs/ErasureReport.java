package dev.backoffice.docs;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer to an erasure request (GDPR art. 17): each document of the data subject, and what
 * happened to it and why. Art. 17(3)(b) and (e) let the controller keep what a legal
 * obligation or a legal claim requires: that is what {@link Outcome#KEPT} items cite.
 *
 * @param subject the data subject
 * @param asOf    the date it was decided on
 * @param items   one per document found
 */
public record ErasureReport(OwnerRef subject, LocalDate asOf, List<Item> items) {
    public ErasureReport {
        items = List.copyOf(items);
    }

    /** What happened to one document. */
    public enum Outcome {
        /** Content destroyed, metadata scrubbed, certificate written. */
        ERASED,
        /** Kept: a retention policy or a legal hold requires it. */
        KEPT
    }

    /**
     * One document.
     *
     * @param documentId    the document
     * @param documentClass its class
     * @param outcome       erased or kept
     * @param reason        why, naming the policy and its legal source or the hold
     */
    public record Item(DocumentId documentId, DocumentClass documentClass, Outcome outcome, String reason) {
    }

    /** The items with this outcome. */
    public List<Item> with(Outcome outcome) {
        return items.stream().filter(i -> i.outcome() == outcome).toList();
    }
}
