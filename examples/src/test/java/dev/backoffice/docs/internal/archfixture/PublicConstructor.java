package dev.backoffice.docs.internal.archfixture;

/** Deliberately wrong (test fixture): a public class of an internal package with a public constructor. */
public final class PublicConstructor {
    public PublicConstructor() {
    }
}
