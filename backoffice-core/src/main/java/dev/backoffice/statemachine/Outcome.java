package dev.backoffice.statemachine;

import java.util.List;

/**
 * The result of firing an event: where the entity was, where it goes, and which actions ran.
 *
 * <p>Outcomes are precomputed when the machine is built (one per transition) and returned as
 * they are, so firing allocates nothing. They are immutable and may be compared by identity
 * or with {@code equals}.
 *
 * @param source   the state before
 * @param event    the event fired
 * @param target   the state after (the entity should store it)
 * @param internal whether it was an internal transition (no exit or entry actions; state unchanged)
 * @param actions  names of the actions run, in order: exit actions of the source, the transition's
 *                 actions, entry actions of the target
 * @param <S>      state type
 * @param <E>      event type
 */
public record Outcome<S, E>(S source, E event, S target, boolean internal, List<String> actions) {
    public Outcome {
        actions = List.copyOf(actions);
    }

    /** Whether the state changes ({@code false} for internal and self transitions). */
    public boolean changesState() {
        return !source.equals(target);
    }
}
