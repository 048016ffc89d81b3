package dev.backoffice.statemachine;

import dev.backoffice.core.error.RuleViolationException;

import java.util.List;

/**
 * An event was fired that the machine does not allow in the given state: either no transition
 * is declared for that state and event (code {@code <machine>.illegal_transition}), or every
 * transition declared for it was refused by its guard (code {@code <machine>.guard_rejected}).
 * The message lists the events allowed from the state.
 *
 * <p>Nothing happened: no action ran.
 */
public final class TransitionNotAllowedException extends RuleViolationException {

    /** Suffix of the code when no transition exists for the state and event. */
    public static final String ILLEGAL_TRANSITION = "illegal_transition";
    /** Suffix of the code when transitions exist but every guard said no. */
    public static final String GUARD_REJECTED = "guard_rejected";
    /** Suffix of the code when the state is not one of the machine's states. */
    public static final String UNKNOWN_STATE = "unknown_state";
    /** Suffix of the code when the event is not one of the machine's events. */
    public static final String UNKNOWN_EVENT = "unknown_event";

    private final transient Object state;
    private final transient Object event;
    private final List<String> allowedEvents;

    TransitionNotAllowedException(String code, String message, Object state, Object event, List<String> allowedEvents) {
        super(code, message);
        this.state = state;
        this.event = event;
        this.allowedEvents = List.copyOf(allowedEvents);
    }

    /** The state the event was fired in. */
    public Object state() {
        return state;
    }

    /** The event fired. */
    public Object event() {
        return event;
    }

    /** The events declared for the state (as text, in declaration order); empty for a final state. */
    public List<String> allowedEvents() {
        return allowedEvents;
    }
}
