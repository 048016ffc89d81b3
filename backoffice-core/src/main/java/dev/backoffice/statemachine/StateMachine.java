package dev.backoffice.statemachine;

import dev.backoffice.core.error.CoreErrorCode;
import dev.backoffice.core.error.InvalidRequestException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An immutable, thread-safe state machine definition with a stateless runtime.
 *
 * <p>The entity (an order, a leave request...) holds its own state; to move it, call
 * {@link #fire(Object, Object, Object) fire(currentState, event, context)}, store the
 * {@link Outcome#target() target} of the returned {@link Outcome}, and you are done. There are
 * no per-entity machine objects to create, start, restore or pool: one definition serves every
 * entity on every thread.
 *
 * <h2>Cost of firing</h2>
 * {@link Builder#build() Building} precomputes a dense table with one slot per (state, event) pair,
 * indexed by ordinal when states and events are enums and through a hash map otherwise. A fire
 * is one table load, the guards of that slot, the actions, and returns an {@link Outcome}
 * created at build time: no allocation, no reflection, no locks.
 *
 * <h2>Several transitions on the same state and event (the guard rule)</h2>
 * A state may declare several transitions for one event, to choose the target by a condition
 * (e.g. {@code PAY [fully paid] -> PAID}, otherwise stay {@code PARTIALLY_PAID}). They are
 * evaluated <em>in declaration order</em> and the first whose guard passes is taken. To keep
 * that unambiguous the builder requires that at most one of them is unguarded and, if there is
 * one, that it is declared last (it is the "otherwise" branch; anything declared after it could
 * never be taken). If every guard refuses and there is no unguarded branch, firing fails with
 * {@code <name>.guard_rejected}.
 *
 * <h2>Validation at build time</h2>
 * {@link Builder#build()} fails with an {@link InvalidRequestException} (code
 * {@code statemachine.invalid_definition}) listing every problem at once: no initial state,
 * transitions or entry/exit actions naming undeclared states, transitions out of final states,
 * ambiguous transitions (the rule above), states unreachable from the initial state, and
 * non-final states with no way out.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * StateMachine<Leave, LeaveEvent, LeaveRequest> machine = StateMachine
 *         .builder(Leave.class, LeaveEvent.class, LeaveRequest.class)
 *         .name("leave")
 *         .initial(Leave.DRAFT)
 *         .states(Leave.values())
 *         .finalStates(Leave.APPROVED, Leave.REJECTED, Leave.WITHDRAWN)
 *         .transition(Leave.DRAFT, LeaveEvent.SUBMIT, Leave.SUBMITTED)
 *         .transition(Leave.SUBMITTED, LeaveEvent.APPROVE, Leave.APPROVED)
 *             .guard("days within balance", r -> r.days() <= r.balance())
 *         .transition(Leave.SUBMITTED, LeaveEvent.REJECT, Leave.REJECTED)
 *         .transition(Leave.SUBMITTED, LeaveEvent.WITHDRAW, Leave.WITHDRAWN)
 *         .build();
 * Leave next = machine.fire(request.state(), LeaveEvent.APPROVE, request).target();
 * }</pre>
 *
 * @param <S> the state type: an enum (fastest) or any type with proper {@code equals}/{@code hashCode}
 * @param <E> the event type: an enum (fastest) or any type with proper {@code equals}/{@code hashCode}
 * @param <C> the context handed to guards and actions (use {@code Void} and {@code null} for none)
 */
public final class StateMachine<S, E, C> {

    private final String name;
    private final S initial;
    private final List<S> states;
    private final Set<S> finalStates;
    private final List<E> events;
    private final List<TransitionSpec<S, E>> transitions;

    // ---- the hot path's data --------------------------------------------------------------
    private final boolean enumStates;
    private final boolean enumEvents;
    private final Map<Object, Integer> stateIndex;   // used when states are not enums
    private final Map<Object, Integer> eventIndex;   // used when events are not enums
    private final int stateSlots;
    private final int eventSlots;
    /** One slot per (state, event): {@code table.get(state * eventSlots + event)}; null if none. */
    private final ArrayList<Edge<S, E, C>> table;
    /** Per state slot: the events allowed (declaration order); null for an undeclared slot. */
    private final ArrayList<List<E>> allowed;
    private final String illegalCode;
    private final String rejectedCode;

    private StateMachine(Builder<S, E, C> b, List<S> states, List<E> events) {
        this.name = b.name;
        this.initial = b.initial;
        this.states = List.copyOf(states);
        this.finalStates = Collections.unmodifiableSet(new LinkedHashSet<>(b.finals));
        this.events = List.copyOf(events);
        this.enumStates = b.stateType.isEnum();
        this.enumEvents = b.eventType.isEnum();
        this.illegalCode = name + "." + TransitionNotAllowedException.ILLEGAL_TRANSITION;
        this.rejectedCode = name + "." + TransitionNotAllowedException.GUARD_REJECTED;

        Map<Object, Integer> si = new HashMap<>();
        if (enumStates) {
            for (S s : states) {
                si.put(s, ((Enum<?>) s).ordinal());
            }
            stateSlots = b.stateType.getEnumConstants().length;
        } else {
            for (S s : states) {
                si.put(s, si.size());
            }
            stateSlots = states.size();
        }
        Map<Object, Integer> ei = new HashMap<>();
        if (enumEvents) {
            for (E e : b.eventType.getEnumConstants()) {
                ei.put(e, ((Enum<?>) e).ordinal());
            }
            eventSlots = b.eventType.getEnumConstants().length;
        } else {
            for (E e : events) {
                ei.put(e, ei.size());
            }
            eventSlots = Math.max(1, events.size());
        }
        this.stateIndex = Map.copyOf(si);
        this.eventIndex = Map.copyOf(ei);

        this.table = new ArrayList<>(Collections.nCopies(stateSlots * eventSlots, null));
        this.allowed = new ArrayList<>(Collections.nCopies(stateSlots, null));
        Map<Integer, List<E>> allowedByState = new HashMap<>();
        for (S s : states) {
            allowedByState.put(si.get(s), new ArrayList<>());
        }
        List<TransitionSpec<S, E>> specs = new ArrayList<>();
        for (Decl<S, E, C> d : b.decls) {
            int s = si.get(d.source);
            int e = ei.get(d.event);
            List<String> actionNames = new ArrayList<>();
            List<Action<? super S, ? super E, ? super C>> run = new ArrayList<>();
            if (!d.internal) {
                for (Named<Action<? super S, ? super E, ? super C>> exit : b.exits.getOrDefault(d.source, List.of())) {
                    actionNames.add(exit.name);
                    run.add(exit.value);
                }
            }
            for (Named<Action<? super S, ? super E, ? super C>> a : d.actions) {
                actionNames.add(a.name);
                run.add(a.value);
            }
            if (!d.internal) {
                for (Named<Action<? super S, ? super E, ? super C>> entry : b.entries.getOrDefault(d.target, List.of())) {
                    actionNames.add(entry.name);
                    run.add(entry.value);
                }
            }
            Outcome<S, E> outcome = new Outcome<>(d.source, d.event, d.target, d.internal, actionNames);
            Edge<S, E, C> edge = new Edge<>(d.guard == null ? null : d.guard.value,
                    d.guard == null ? null : d.guard.name, List.copyOf(run), outcome);
            int slot = s * eventSlots + e;
            Edge<S, E, C> head = table.get(slot);
            if (head == null) {
                table.set(slot, edge);
                allowedByState.get(s).add(d.event);
            } else {
                while (head.next != null) {
                    head = head.next;
                }
                head.next = edge;
            }
            specs.add(new TransitionSpec<>(d.source, d.event, d.target, d.internal,
                    Optional.ofNullable(d.guard == null ? null : d.guard.name),
                    d.actions.stream().map(a -> a.name).collect(Collectors.toList())));
        }
        allowedByState.forEach((s, list) -> allowed.set(s, List.copyOf(list)));
        this.transitions = List.copyOf(specs);
    }

    /**
     * A builder for a machine whose states, events and context have the given types.
     *
     * @param stateType   the state type (an enum is fastest)
     * @param eventType   the event type (an enum is fastest)
     * @param contextType the context type given to guards and actions ({@code Void.class} for none)
     */
    public static <S, E, C> Builder<S, E, C> builder(Class<S> stateType, Class<E> eventType, Class<C> contextType) {
        return new Builder<>(stateType, eventType, contextType);
    }

    // ---- runtime ------------------------------------------------------------------------------

    /**
     * Fires {@code event} for an entity in {@code state}: finds the transition (the first whose
     * guard passes, in declaration order), runs its actions (exit, transition, entry) and
     * returns the outcome. Allocates nothing; the returned outcome is shared.
     *
     * @param state   the entity's current state
     * @param event   the event
     * @param context handed to guards and actions; may be {@code null}
     * @return where the entity goes; store {@link Outcome#target()}
     * @throws TransitionNotAllowedException if the state does not allow the event
     *                                       ({@code <name>.illegal_transition}), every guard refused it
     *                                       ({@code <name>.guard_rejected}), or the state or event is not part
     *                                       of this machine; the message lists the events allowed from the state
     */
    public Outcome<S, E> fire(S state, E event, C context) {
        Edge<S, E, C> edge = slot(state, event);
        for (Edge<S, E, C> e = edge; e != null; e = e.next) {
            if (e.guard == null || e.guard.test(context)) {
                List<Action<? super S, ? super E, ? super C>> actions = e.actions;
                S target = e.outcome.target();
                for (int i = 0, n = actions.size(); i < n; i++) {
                    actions.get(i).execute(state, event, target, context);
                }
                return e.outcome;
            }
        }
        throw rejected(state, event, edge);
    }

    /**
     * Whether {@link #fire} would succeed: a transition exists and (if guarded) a guard passes.
     * Runs no action. Unknown states and events give {@code false}.
     */
    public boolean canFire(S state, E event, C context) {
        int s = stateIndexOf(state);
        int ev = eventIndexOf(event);
        if (s < 0 || ev < 0 || allowed.get(s) == null) {
            return false;
        }
        for (Edge<S, E, C> e = table.get(s * eventSlots + ev); e != null; e = e.next) {
            if (e.guard == null || e.guard.test(context)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The events for which {@code state} declares a transition, in declaration order, ignoring
     * guards. Empty for a final state.
     *
     * @throws TransitionNotAllowedException with code {@code <name>.unknown_state} for a state not in this machine
     */
    public List<E> allowedEvents(S state) {
        int s = stateIndexOf(state);
        if (s < 0 || allowed.get(s) == null) {
            throw unknownState(state, null);
        }
        return allowed.get(s);
    }

    /**
     * Fails exactly as {@link #fire} would if {@code state} declares no transition for
     * {@code event} (ignoring guards), without running anything. Lets an application check the
     * event before doing the work that builds the context for the guards.
     *
     * @throws TransitionNotAllowedException as {@link #fire} does, except {@code guard_rejected}
     */
    public void requireDeclared(S state, E event) {
        slot(state, event);
    }

    private Edge<S, E, C> slot(S state, E event) {
        int s = stateIndexOf(state);
        int ev = eventIndexOf(event);
        if (s < 0 || ev < 0) {
            throw unknown(state, event, s);
        }
        Edge<S, E, C> edge = table.get(s * eventSlots + ev);
        if (edge == null) {
            throw illegal(state, event, s);
        }
        return edge;
    }

    private int stateIndexOf(S state) {
        if (state == null) {
            throw InvalidRequestException.of("state", "must not be null", null);
        }
        if (enumStates) {
            return ((Enum<?>) state).ordinal();
        }
        Integer i = stateIndex.get(state);
        return i == null ? -1 : i;
    }

    private int eventIndexOf(E event) {
        if (event == null) {
            throw InvalidRequestException.of("event", "must not be null", null);
        }
        if (enumEvents) {
            return ((Enum<?>) event).ordinal();
        }
        Integer i = eventIndex.get(event);
        return i == null ? -1 : i;
    }

    // ---- errors (cold path) ---------------------------------------------------------------------

    private TransitionNotAllowedException unknown(S state, E event, int s) {
        if (s < 0) {
            return unknownState(state, event);
        }
        return new TransitionNotAllowedException(name + "." + TransitionNotAllowedException.UNKNOWN_EVENT,
                name + ": unknown event " + event + "; events of this machine: " + events, state, event, names(events));
    }

    private TransitionNotAllowedException unknownState(S state, E event) {
        return new TransitionNotAllowedException(name + "." + TransitionNotAllowedException.UNKNOWN_STATE,
                name + ": unknown state " + state + "; states of this machine: " + states, state, event, List.of());
    }

    private TransitionNotAllowedException illegal(S state, E event, int s) {
        List<E> ok = allowed.get(s);
        if (ok == null) {
            return unknownState(state, event);
        }
        String where = finalStates.contains(state) ? " (" + state + " is a final state)" : "";
        return new TransitionNotAllowedException(illegalCode,
                name + ": event " + event + " is not allowed in state " + state + where + "; allowed events: " + ok,
                state, event, names(ok));
    }

    private TransitionNotAllowedException rejected(S state, E event, Edge<S, E, C> edge) {
        List<String> guards = new ArrayList<>();
        for (Edge<S, E, C> e = edge; e != null; e = e.next) {
            guards.add(e.guardName);
        }
        List<E> ok = allowed.get(stateIndexOf(state));
        return new TransitionNotAllowedException(rejectedCode,
                name + ": event " + event + " in state " + state + " was refused by every guard " + guards
                        + "; allowed events: " + ok, state, event, names(ok));
    }

    private static List<String> names(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.toList());
    }

    // ---- introspection and export ---------------------------------------------------------------

    /** The machine's name, used as the prefix of its error codes ({@code order.illegal_transition}). */
    public String name() {
        return name;
    }

    /** The initial state. */
    public S initialState() {
        return initial;
    }

    /** Every declared state, in declaration order. */
    public List<S> states() {
        return states;
    }

    /** The final states (no transition leaves them). */
    public Set<S> finalStates() {
        return finalStates;
    }

    /** Whether {@code state} is final. */
    public boolean isFinal(S state) {
        return finalStates.contains(state);
    }

    /** Every declared transition, in declaration order. */
    public List<TransitionSpec<S, E>> transitions() {
        return transitions;
    }

    /**
     * Whether the machine declares a transition from {@code source} on {@code event} to
     * {@code target}, ignoring guards: a history entry {@code (source, event, target)} is
     * explained by this machine exactly when this is true.
     */
    public boolean declares(S source, E event, S target) {
        for (TransitionSpec<S, E> t : transitions) {
            if (t.source().equals(source) && t.event().equals(event) && t.target().equals(target)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The machine as a Mermaid {@code stateDiagram-v2}: one line per transition, labelled
     * {@code EVENT}, {@code EVENT [guard]}, with {@code (internal)} for internal transitions;
     * {@code [*]} arrows mark the initial and final states.
     */
    public String toMermaid() {
        StringBuilder out = new StringBuilder("stateDiagram-v2\n");
        out.append("    [*] --> ").append(id(initial)).append('\n');
        for (TransitionSpec<S, E> t : transitions) {
            out.append("    ").append(id(t.source())).append(" --> ").append(id(t.target()))
                    .append(" : ").append(label(t)).append('\n');
        }
        for (S s : states) {
            if (finalStates.contains(s)) {
                out.append("    ").append(id(s)).append(" --> [*]\n");
            }
        }
        return out.toString();
    }

    /**
     * The machine as a Graphviz DOT digraph: final states drawn as double circles, the initial
     * state marked by an arrow from a point, edges labelled as in {@link #toMermaid()}.
     */
    public String toDot() {
        StringBuilder out = new StringBuilder("digraph ").append(id(name)).append(" {\n");
        out.append("    rankdir=LR;\n");
        out.append("    node [shape=box, style=rounded];\n");
        out.append("    __start [shape=point];\n");
        for (S s : states) {
            if (finalStates.contains(s)) {
                out.append("    ").append(quote(s)).append(" [shape=doublecircle];\n");
            }
        }
        out.append("    __start -> ").append(quote(initial)).append(";\n");
        for (TransitionSpec<S, E> t : transitions) {
            out.append("    ").append(quote(t.source())).append(" -> ").append(quote(t.target()))
                    .append(" [label=").append(quote(label(t))).append("];\n");
        }
        return out.append("}\n").toString();
    }

    private static String label(TransitionSpec<?, ?> t) {
        return t.event() + t.guard().map(g -> " [" + g + "]").orElse("") + (t.internal() ? " (internal)" : "");
    }

    private static String id(Object value) {
        return String.valueOf(value).replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static String quote(Object value) {
        return '"' + String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    @Override
    public String toString() {
        return "StateMachine[" + name + ", " + states.size() + " states, " + transitions.size() + " transitions]";
    }

    // ---- internals --------------------------------------------------------------------------

    /** One transition as the runtime sees it; {@code next} chains the alternatives of a slot. */
    private static final class Edge<S, E, C> {
        final Guard<? super C> guard;
        final String guardName;
        final List<Action<? super S, ? super E, ? super C>> actions;
        final Outcome<S, E> outcome;
        Edge<S, E, C> next; // set only while building, before the machine is published

        Edge(Guard<? super C> guard, String guardName, List<Action<? super S, ? super E, ? super C>> actions,
             Outcome<S, E> outcome) {
            this.guard = guard;
            this.guardName = guardName;
            this.actions = actions;
            this.outcome = outcome;
        }
    }

    private record Named<T>(String name, T value) {
    }

    private static final class Decl<S, E, C> {
        final S source;
        final E event;
        final S target;
        final boolean internal;
        Named<Guard<? super C>> guard;
        final List<Named<Action<? super S, ? super E, ? super C>>> actions = new ArrayList<>();

        Decl(S source, E event, S target, boolean internal) {
            this.source = source;
            this.event = event;
            this.target = target;
            this.internal = internal;
        }

        @Override
        public String toString() {
            return source + " --" + event + (guard == null ? "" : " [" + guard.name + "]") + "--> " + target
                    + (internal ? " (internal)" : "");
        }
    }

    /**
     * Builds a {@link StateMachine}. Not thread-safe; the machine it builds is.
     *
     * <p>{@link #guard(String, Guard)} and {@link #action(String, Action)} apply to the
     * transition declared just before them.
     */
    public static final class Builder<S, E, C> {
        private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9_]*");

        private final Class<S> stateType;
        private final Class<E> eventType;
        private String name = "statemachine";
        private S initial;
        private final Set<S> declared = new LinkedHashSet<>();
        private final Set<S> finals = new LinkedHashSet<>();
        private final List<Decl<S, E, C>> decls = new ArrayList<>();
        private final Map<S, List<Named<Action<? super S, ? super E, ? super C>>>> entries = new HashMap<>();
        private final Map<S, List<Named<Action<? super S, ? super E, ? super C>>>> exits = new HashMap<>();
        private final List<String> misuse = new ArrayList<>();

        private Builder(Class<S> stateType, Class<E> eventType, Class<C> contextType) {
            this.stateType = requireArg(stateType, "stateType");
            this.eventType = requireArg(eventType, "eventType");
            requireArg(contextType, "contextType");
        }

        /**
         * The machine's name: lower case letters, digits and {@code _}, starting with a letter.
         * It prefixes error codes ({@code order.illegal_transition}) and names the DOT graph.
         * Default {@code statemachine}.
         */
        public Builder<S, E, C> name(String name) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw CoreErrorCode.STATEMACHINE_INVALID_DEFINITION.invalid("name",
                        "must be lower case letters, digits and '_', starting with a letter", name);
            }
            this.name = name;
            return this;
        }

        /** The state new entities start in (declared implicitly). */
        public Builder<S, E, C> initial(S state) {
            this.initial = requireArg(state, "initial");
            declared.add(state);
            return this;
        }

        /** Declares states. Every state a transition names must be declared (or be initial or final). */
        @SafeVarargs
        public final Builder<S, E, C> states(S... states) {
            for (S s : requireArg(states, "states")) {
                declared.add(requireArg(s, "states[]"));
            }
            return this;
        }

        /** Declares final states: no transition may leave them. */
        @SafeVarargs
        public final Builder<S, E, C> finalStates(S... states) {
            for (S s : requireArg(states, "finalStates")) {
                declared.add(requireArg(s, "finalStates[]"));
                finals.add(s);
            }
            return this;
        }

        /**
         * Declares an external transition {@code from --event--> to}. Taking it runs the exit
         * actions of {@code from}, its own actions, then the entry actions of {@code to}, also
         * when {@code from} equals {@code to} (a self transition).
         */
        public Builder<S, E, C> transition(S from, E event, S to) {
            decls.add(new Decl<>(requireArg(from, "from"), requireArg(event, "event"), requireArg(to, "to"), false));
            return this;
        }

        /**
         * Declares an internal transition on {@code state}: the event is accepted, the state
         * does not change, and only the transition's own actions run (no exit or entry).
         */
        public Builder<S, E, C> internal(S state, E event) {
            decls.add(new Decl<>(requireArg(state, "state"), requireArg(event, "event"), state, true));
            return this;
        }

        /** Guards the transition declared just before; {@code name} labels it in errors and diagrams. */
        public Builder<S, E, C> guard(String name, Guard<? super C> guard) {
            requireArg(name, "guard name");
            requireArg(guard, "guard");
            Decl<S, E, C> last = last("guard");
            if (last != null) {
                if (last.guard != null) {
                    misuse.add("transition " + last + " already has a guard; combine the conditions into one");
                } else {
                    last.guard = new Named<>(name, guard);
                }
            }
            return this;
        }

        /** Adds an action to the transition declared just before (several run in order). */
        public Builder<S, E, C> action(String name, Action<? super S, ? super E, ? super C> action) {
            requireArg(name, "action name");
            requireArg(action, "action");
            Decl<S, E, C> last = last("action");
            if (last != null) {
                last.actions.add(new Named<>(name, action));
            }
            return this;
        }

        /** Adds an action run whenever an external transition enters {@code state}. */
        public Builder<S, E, C> onEntry(S state, String name, Action<? super S, ? super E, ? super C> action) {
            entries.computeIfAbsent(requireArg(state, "state"), k -> new ArrayList<>())
                    .add(new Named<>(requireArg(name, "action name"), requireArg(action, "action")));
            return this;
        }

        /** Adds an action run whenever an external transition leaves {@code state}. */
        public Builder<S, E, C> onExit(S state, String name, Action<? super S, ? super E, ? super C> action) {
            exits.computeIfAbsent(requireArg(state, "state"), k -> new ArrayList<>())
                    .add(new Named<>(requireArg(name, "action name"), requireArg(action, "action")));
            return this;
        }

        private Decl<S, E, C> last(String what) {
            if (decls.isEmpty()) {
                misuse.add(what + " declared before any transition; call it right after transition(...) or internal(...)");
                return null;
            }
            return decls.get(decls.size() - 1);
        }

        /**
         * Validates the definition and builds the machine.
         *
         * @throws InvalidRequestException with code {@code statemachine.invalid_definition}
         *                                 listing every problem found
         */
        public StateMachine<S, E, C> build() {
            List<dev.backoffice.core.error.Violation> problems = new ArrayList<>();
            for (String m : misuse) {
                problems.add(dev.backoffice.core.error.Violation.of("builder", m, null));
            }
            if (initial == null) {
                problems.add(dev.backoffice.core.error.Violation.of("initial", "no initial state; call initial(...)", null));
            }
            for (S s : declared) {
                if (!stateType.isInstance(s)) {
                    problems.add(violation("states", "is not a " + stateType.getName(), s));
                }
            }
            List<E> events = new ArrayList<>();
            Map<List<Object>, List<Decl<S, E, C>>> bySlot = new java.util.LinkedHashMap<>();
            for (Decl<S, E, C> d : decls) {
                if (!declared.contains(d.source)) {
                    problems.add(violation("transitions", "unknown state " + d.source + " in " + d + "; declare it with states(...)", d.source));
                }
                if (!declared.contains(d.target)) {
                    problems.add(violation("transitions", "unknown state " + d.target + " in " + d + "; declare it with states(...)", d.target));
                }
                if (!eventType.isInstance(d.event)) {
                    problems.add(violation("transitions", "event is not a " + eventType.getName() + " in " + d, d.event));
                }
                if (finals.contains(d.source)) {
                    problems.add(violation("transitions", "transition out of final state " + d.source + ": " + d, d.source));
                }
                if (!events.contains(d.event)) {
                    events.add(d.event);
                }
                bySlot.computeIfAbsent(List.of(d.source, d.event), k -> new ArrayList<>()).add(d);
            }
            for (List<Decl<S, E, C>> group : bySlot.values()) {
                if (group.size() < 2) {
                    continue;
                }
                long unguarded = group.stream().filter(d -> d.guard == null).count();
                if (unguarded > 1) {
                    problems.add(violation("transitions", "ambiguous: " + unguarded + " unguarded transitions on state "
                            + group.get(0).source + " and event " + group.get(0).event + " " + group
                            + "; at most one may be unguarded (the last, as the otherwise branch)", group.get(0).event));
                } else if (unguarded == 1 && group.get(group.size() - 1).guard != null) {
                    problems.add(violation("transitions", "ambiguous: the unguarded transition on state "
                            + group.get(0).source + " and event " + group.get(0).event + " must be declared last, "
                            + "otherwise the guarded ones after it could never be taken: " + group, group.get(0).event));
                }
            }
            for (S s : entries.keySet()) {
                if (!declared.contains(s)) {
                    problems.add(violation("onEntry", "unknown state " + s, s));
                }
            }
            for (S s : exits.keySet()) {
                if (!declared.contains(s)) {
                    problems.add(violation("onExit", "unknown state " + s, s));
                }
            }
            if (initial != null) {
                Set<S> reached = new LinkedHashSet<>();
                List<S> queue = new ArrayList<>(List.of(initial));
                while (!queue.isEmpty()) {
                    S s = queue.remove(queue.size() - 1);
                    if (reached.add(s)) {
                        for (Decl<S, E, C> d : decls) {
                            if (d.source.equals(s)) {
                                queue.add(d.target);
                            }
                        }
                    }
                }
                for (S s : declared) {
                    if (!reached.contains(s)) {
                        problems.add(violation("states", "unreachable state " + s + ": no path leads to it from the initial state " + initial, s));
                    }
                }
            }
            for (S s : declared) {
                if (!finals.contains(s) && decls.stream().noneMatch(d -> d.source.equals(s))) {
                    problems.add(violation("states", "state " + s + " has no outgoing transition; declare it final or add one", s));
                }
            }
            if (!problems.isEmpty()) {
                throw CoreErrorCode.STATEMACHINE_INVALID_DEFINITION.invalid(problems);
            }
            return new StateMachine<>(this, new ArrayList<>(declared), events);
        }

        private static dev.backoffice.core.error.Violation violation(String field, String message, Object value) {
            return dev.backoffice.core.error.Violation.of(field, message, value);
        }

        private static <T> T requireArg(T value, String field) {
            if (value == null) {
                throw CoreErrorCode.STATEMACHINE_INVALID_DEFINITION.invalid(field, "must not be null", null);
            }
            return value;
        }
    }
}
