package dev.backoffice.statemachine;

import java.util.List;
import java.util.Optional;

/**
 * One declared transition, as seen from outside the machine (for documentation, exports and
 * checks such as "can this history be explained by the machine").
 *
 * @param source   the state the transition leaves
 * @param event    the event that triggers it
 * @param target   the state it enters ({@code source} for an internal transition)
 * @param internal whether it is internal (no exit or entry actions)
 * @param guard    the guard's name, if the transition has a guard
 * @param actions  the names of the transition's own actions, in order
 * @param <S>      state type
 * @param <E>      event type
 */
public record TransitionSpec<S, E>(S source, E event, S target, boolean internal, Optional<String> guard,
                                   List<String> actions) {
    public TransitionSpec {
        actions = List.copyOf(actions);
    }
}
