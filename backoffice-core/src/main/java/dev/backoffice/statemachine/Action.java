package dev.backoffice.statemachine;

/**
 * Code run when a transition is taken: a transition action, or a state's entry or exit action.
 * Actions run on the firing thread, in the order exit (source), transition, entry (target); an
 * exception thrown by an action propagates out of {@link StateMachine#fire} unchanged and the
 * caller must not store the new state. Actions must be thread-safe: the definition is shared.
 *
 * @param <S> state type
 * @param <E> event type
 * @param <C> context type
 */
@FunctionalInterface
public interface Action<S, E, C> {
    /**
     * Runs the action.
     *
     * @param from    the state the entity was in
     * @param event   the event fired
     * @param to      the state the entity moves to (equal to {@code from} for internal and self transitions)
     * @param context the caller's context, may be {@code null} if the caller passes none
     */
    void execute(S from, E event, S to, C context);
}
