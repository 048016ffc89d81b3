package dev.backoffice.statemachine;

/**
 * A condition that must hold for a transition to be taken. Guards are evaluated on the firing
 * thread with the caller's context; they must be side-effect free and thread-safe (the machine
 * definition is shared by all threads).
 *
 * @param <C> the context type passed to {@link StateMachine#fire(Object, Object, Object)}
 */
@FunctionalInterface
public interface Guard<C> {
    /** Whether the transition may be taken for {@code context}. */
    boolean test(C context);
}
