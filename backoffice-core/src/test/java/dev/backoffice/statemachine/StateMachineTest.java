package dev.backoffice.statemachine;

import dev.backoffice.core.error.CoreErrorCode;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.Violation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateMachineTest {

    enum Door { OPEN, CLOSED, LOCKED, BROKEN }

    enum Act { OPEN, CLOSE, LOCK, UNLOCK, KICK, KNOCK }

    record Key(boolean fits) {
    }

    static StateMachine.Builder<Door, Act, Key> door() {
        return StateMachine.builder(Door.class, Act.class, Key.class)
                .name("door")
                .initial(Door.CLOSED)
                .states(Door.values())
                .finalStates(Door.BROKEN)
                .transition(Door.CLOSED, Act.OPEN, Door.OPEN)
                .transition(Door.OPEN, Act.CLOSE, Door.CLOSED)
                .transition(Door.CLOSED, Act.LOCK, Door.LOCKED).guard("key fits", Key::fits)
                .transition(Door.LOCKED, Act.UNLOCK, Door.CLOSED).guard("key fits", Key::fits)
                .transition(Door.LOCKED, Act.KICK, Door.BROKEN)
                .internal(Door.LOCKED, Act.KNOCK);
    }

    static final StateMachine<Door, Act, Key> DOOR = door().build();
    static final Key FITS = new Key(true);
    static final Key WRONG = new Key(false);

    @Nested
    class Firing {
        @Test
        void returns_the_target_of_the_declared_transition() {
            Outcome<Door, Act> outcome = DOOR.fire(Door.CLOSED, Act.OPEN, FITS);
            assertThat(outcome.source()).isEqualTo(Door.CLOSED);
            assertThat(outcome.event()).isEqualTo(Act.OPEN);
            assertThat(outcome.target()).isEqualTo(Door.OPEN);
            assertThat(outcome.changesState()).isTrue();
        }

        @Test
        void returns_the_same_precomputed_outcome_every_time() {
            assertThat(DOOR.fire(Door.CLOSED, Act.OPEN, FITS)).isSameAs(DOOR.fire(Door.CLOSED, Act.OPEN, WRONG));
        }

        @Test
        void an_event_not_allowed_in_the_state_fails_listing_the_allowed_events() {
            assertThatThrownBy(() -> DOOR.fire(Door.OPEN, Act.LOCK, FITS))
                    .isInstanceOfSatisfying(TransitionNotAllowedException.class, e -> {
                        assertThat(e.code()).isEqualTo("door.illegal_transition");
                        assertThat(e.allowedEvents()).containsExactly("CLOSE");
                        assertThat(e.state()).isEqualTo(Door.OPEN);
                        assertThat(e.event()).isEqualTo(Act.LOCK);
                    })
                    .hasMessage("door: event LOCK is not allowed in state OPEN; allowed events: [CLOSE]");
        }

        @Test
        void firing_in_a_final_state_says_so() {
            assertThatThrownBy(() -> DOOR.fire(Door.BROKEN, Act.OPEN, FITS))
                    .hasMessage("door: event OPEN is not allowed in state BROKEN (BROKEN is a final state); allowed events: []");
        }

        @Test
        void a_refusing_guard_fails_with_guard_rejected_naming_the_guard() {
            assertThatThrownBy(() -> DOOR.fire(Door.CLOSED, Act.LOCK, WRONG))
                    .isInstanceOfSatisfying(TransitionNotAllowedException.class,
                            e -> assertThat(e.code()).isEqualTo("door.guard_rejected"))
                    .hasMessageContaining("refused by every guard [key fits]")
                    .hasMessageContaining("allowed events: [OPEN, LOCK]");
        }

        @Test
        void an_internal_transition_keeps_the_state() {
            Outcome<Door, Act> outcome = DOOR.fire(Door.LOCKED, Act.KNOCK, FITS);
            assertThat(outcome.target()).isEqualTo(Door.LOCKED);
            assertThat(outcome.internal()).isTrue();
            assertThat(outcome.changesState()).isFalse();
        }

        @Test
        void allowed_events_and_can_fire_reflect_the_table_and_the_guards() {
            assertThat(DOOR.allowedEvents(Door.LOCKED)).containsExactly(Act.UNLOCK, Act.KICK, Act.KNOCK);
            assertThat(DOOR.allowedEvents(Door.BROKEN)).isEmpty();
            assertThat(DOOR.canFire(Door.LOCKED, Act.UNLOCK, FITS)).isTrue();
            assertThat(DOOR.canFire(Door.LOCKED, Act.UNLOCK, WRONG)).isFalse();
            assertThat(DOOR.canFire(Door.OPEN, Act.UNLOCK, FITS)).isFalse();
        }

        @Test
        void null_state_or_event_is_an_invalid_request() {
            assertThatThrownBy(() -> DOOR.fire(null, Act.OPEN, FITS)).isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> DOOR.fire(Door.OPEN, null, FITS)).isInstanceOf(InvalidRequestException.class);
        }
    }

    @Nested
    class Guards {
        enum Pay { UNPAID, PARTLY, PAID }

        enum Ev { PAY }

        record Amount(long paid, long due) {
        }

        final StateMachine<Pay, Ev, Amount> payments = StateMachine.builder(Pay.class, Ev.class, Amount.class)
                .initial(Pay.UNPAID)
                .states(Pay.values())
                .finalStates(Pay.PAID)
                .transition(Pay.UNPAID, Ev.PAY, Pay.PAID).guard("paid in full", a -> a.paid() >= a.due())
                .transition(Pay.UNPAID, Ev.PAY, Pay.PARTLY)
                .transition(Pay.PARTLY, Ev.PAY, Pay.PAID).guard("paid in full", a -> a.paid() >= a.due())
                .internal(Pay.PARTLY, Ev.PAY)
                .build();

        @Test
        void the_first_passing_guard_in_declaration_order_wins() {
            assertThat(payments.fire(Pay.UNPAID, Ev.PAY, new Amount(10, 10)).target()).isEqualTo(Pay.PAID);
        }

        @Test
        void the_unguarded_last_transition_is_the_otherwise_branch() {
            assertThat(payments.fire(Pay.UNPAID, Ev.PAY, new Amount(5, 10)).target()).isEqualTo(Pay.PARTLY);
            assertThat(payments.fire(Pay.PARTLY, Ev.PAY, new Amount(6, 10)).internal()).isTrue();
        }

        @Test
        void two_unguarded_transitions_on_one_state_and_event_are_rejected() {
            assertThatThrownBy(() -> StateMachine.builder(Pay.class, Ev.class, Amount.class)
                    .initial(Pay.UNPAID).states(Pay.values()).finalStates(Pay.PAID)
                    .transition(Pay.UNPAID, Ev.PAY, Pay.PAID)
                    .transition(Pay.UNPAID, Ev.PAY, Pay.PARTLY)
                    .transition(Pay.PARTLY, Ev.PAY, Pay.PAID)
                    .build())
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("ambiguous: 2 unguarded transitions on state UNPAID and event PAY");
        }

        @Test
        void an_unguarded_transition_declared_before_a_guarded_one_is_rejected() {
            assertThatThrownBy(() -> StateMachine.builder(Pay.class, Ev.class, Amount.class)
                    .initial(Pay.UNPAID).states(Pay.values()).finalStates(Pay.PAID)
                    .transition(Pay.UNPAID, Ev.PAY, Pay.PARTLY)
                    .transition(Pay.UNPAID, Ev.PAY, Pay.PAID).guard("paid in full", a -> a.paid() >= a.due())
                    .transition(Pay.PARTLY, Ev.PAY, Pay.PAID)
                    .build())
                    .hasMessageContaining("must be declared last");
        }

        @Test
        void a_second_guard_on_one_transition_is_rejected() {
            assertThatThrownBy(() -> StateMachine.builder(Pay.class, Ev.class, Amount.class)
                    .initial(Pay.UNPAID).states(Pay.values()).finalStates(Pay.PAID)
                    .transition(Pay.UNPAID, Ev.PAY, Pay.PAID).guard("a", a -> true).guard("b", a -> true)
                    .build())
                    .hasMessageContaining("already has a guard");
        }
    }

    @Nested
    class Actions {
        @Test
        void exit_transition_and_entry_actions_run_in_that_order_with_the_context() {
            List<String> log = new ArrayList<>();
            StateMachine<Door, Act, Key> machine = StateMachine.builder(Door.class, Act.class, Key.class)
                    .initial(Door.CLOSED).states(Door.OPEN, Door.CLOSED)
                    .onExit(Door.CLOSED, "creak", (f, e, t, k) -> log.add("exit " + f))
                    .onEntry(Door.OPEN, "light on", (f, e, t, k) -> log.add("enter " + t + " fits=" + k.fits()))
                    .transition(Door.CLOSED, Act.OPEN, Door.OPEN).action("swing", (f, e, t, k) -> log.add("swing on " + e))
                    .transition(Door.OPEN, Act.CLOSE, Door.CLOSED)
                    .internal(Door.OPEN, Act.KNOCK).action("echo", (f, e, t, k) -> log.add("echo"))
                    .build();

            Outcome<Door, Act> outcome = machine.fire(Door.CLOSED, Act.OPEN, FITS);

            assertThat(log).containsExactly("exit CLOSED", "swing on OPEN", "enter OPEN fits=true");
            assertThat(outcome.actions()).containsExactly("creak", "swing", "light on");
        }

        @Test
        void an_internal_transition_runs_no_exit_or_entry_action() {
            List<String> log = new ArrayList<>();
            StateMachine<Door, Act, Key> machine = StateMachine.builder(Door.class, Act.class, Key.class)
                    .initial(Door.OPEN).states(Door.OPEN, Door.CLOSED)
                    .onExit(Door.OPEN, "exit", (f, e, t, k) -> log.add("exit"))
                    .onEntry(Door.OPEN, "entry", (f, e, t, k) -> log.add("entry"))
                    .transition(Door.OPEN, Act.CLOSE, Door.CLOSED)
                    .transition(Door.CLOSED, Act.OPEN, Door.OPEN)
                    .internal(Door.OPEN, Act.KNOCK).action("echo", (f, e, t, k) -> log.add("echo"))
                    .build();

            machine.fire(Door.OPEN, Act.KNOCK, FITS);

            assertThat(log).containsExactly("echo");
        }

        @Test
        void an_exception_from_an_action_propagates_unchanged() {
            StateMachine<Door, Act, Key> machine = StateMachine.builder(Door.class, Act.class, Key.class)
                    .initial(Door.CLOSED).states(Door.OPEN, Door.CLOSED)
                    .transition(Door.CLOSED, Act.OPEN, Door.OPEN).action("jam", (f, e, t, k) -> {
                        throw new IllegalStateException("jammed");
                    })
                    .transition(Door.OPEN, Act.CLOSE, Door.CLOSED)
                    .build();
            assertThatThrownBy(() -> machine.fire(Door.CLOSED, Act.OPEN, FITS)).hasMessage("jammed");
        }
    }

    @Nested
    class Validation {
        @Test
        void lists_every_problem_at_once() {
            assertThatThrownBy(() -> StateMachine.builder(Door.class, Act.class, Key.class)
                    .initial(Door.CLOSED)
                    .states(Door.OPEN, Door.CLOSED, Door.LOCKED)
                    .finalStates(Door.OPEN)
                    .transition(Door.CLOSED, Act.OPEN, Door.OPEN)
                    .transition(Door.OPEN, Act.CLOSE, Door.CLOSED)
                    .transition(Door.CLOSED, Act.KICK, Door.BROKEN)
                    .build())
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        assertThat(e.code()).isEqualTo(CoreErrorCode.STATEMACHINE_INVALID_DEFINITION.code());
                        assertThat(e.violations()).extracting(Violation::message).anySatisfy(m ->
                                assertThat(m).startsWith("unknown state BROKEN"));
                        assertThat(e.violations()).extracting(Violation::message).anySatisfy(m ->
                                assertThat(m).startsWith("transition out of final state OPEN"));
                        assertThat(e.violations()).extracting(Violation::message).anySatisfy(m ->
                                assertThat(m).startsWith("unreachable state LOCKED"));
                        assertThat(e.violations()).extracting(Violation::message).anySatisfy(m ->
                                assertThat(m).startsWith("state LOCKED has no outgoing transition"));
                    });
        }

        @Test
        void requires_an_initial_state() {
            assertThatThrownBy(() -> StateMachine.builder(Door.class, Act.class, Key.class).states(Door.OPEN)
                    .finalStates(Door.OPEN).build())
                    .hasMessageContaining("no initial state");
        }

        @Test
        void entry_actions_on_undeclared_states_are_rejected() {
            assertThat(door().onEntry(Door.BROKEN, "x", (f, e, t, k) -> { }).build()).isNotNull();
            assertThatThrownBy(() -> StateMachine.builder(Door.class, Act.class, Key.class)
                    .initial(Door.OPEN).finalStates(Door.OPEN)
                    .onEntry(Door.CLOSED, "x", (f, e, t, k) -> { }).build())
                    .hasMessageContaining("onEntry: unknown state CLOSED");
        }

        @Test
        void a_guard_before_any_transition_is_rejected() {
            assertThatThrownBy(() -> StateMachine.builder(Door.class, Act.class, Key.class)
                    .guard("early", k -> true).initial(Door.OPEN).finalStates(Door.OPEN).build())
                    .hasMessageContaining("guard declared before any transition");
        }

        @Test
        void the_name_must_make_a_valid_error_code() {
            assertThatThrownBy(() -> door().name("Order Flow")).isInstanceOf(InvalidRequestException.class);
        }
    }

    @Nested
    class NonEnumTypes {
        final StateMachine<String, String, Void> approval = StateMachine.builder(String.class, String.class, Void.class)
                .name("approval")
                .initial("requested")
                .states("requested", "approved", "rejected")
                .finalStates("approved", "rejected")
                .transition("requested", "approve", "approved")
                .transition("requested", "reject", "rejected")
                .build();

        @Test
        void work_through_the_hash_map_fallback() {
            assertThat(approval.fire("requested", "approve", null).target()).isEqualTo("approved");
            assertThat(approval.allowedEvents("requested")).containsExactly("approve", "reject");
        }

        @Test
        void unknown_states_and_events_are_typed_errors() {
            assertThatThrownBy(() -> approval.fire("lost", "approve", null))
                    .isInstanceOfSatisfying(TransitionNotAllowedException.class,
                            e -> assertThat(e.code()).isEqualTo("approval.unknown_state"));
            assertThatThrownBy(() -> approval.fire("requested", "escalate", null))
                    .isInstanceOfSatisfying(TransitionNotAllowedException.class,
                            e -> assertThat(e.code()).isEqualTo("approval.unknown_event"));
            assertThatThrownBy(() -> approval.allowedEvents("lost"))
                    .isInstanceOf(TransitionNotAllowedException.class);
        }
    }

    @Nested
    class Export {
        @Test
        void mermaid() {
            assertThat(DOOR.toMermaid()).isEqualTo("""
                    stateDiagram-v2
                        [*] --> CLOSED
                        CLOSED --> OPEN : OPEN
                        OPEN --> CLOSED : CLOSE
                        CLOSED --> LOCKED : LOCK [key fits]
                        LOCKED --> CLOSED : UNLOCK [key fits]
                        LOCKED --> BROKEN : KICK
                        LOCKED --> LOCKED : KNOCK (internal)
                        BROKEN --> [*]
                    """);
        }

        @Test
        void graphviz_dot() {
            assertThat(DOOR.toDot()).isEqualTo("""
                    digraph door {
                        rankdir=LR;
                        node [shape=box, style=rounded];
                        __start [shape=point];
                        "BROKEN" [shape=doublecircle];
                        __start -> "CLOSED";
                        "CLOSED" -> "OPEN" [label="OPEN"];
                        "OPEN" -> "CLOSED" [label="CLOSE"];
                        "CLOSED" -> "LOCKED" [label="LOCK [key fits]"];
                        "LOCKED" -> "CLOSED" [label="UNLOCK [key fits]"];
                        "LOCKED" -> "BROKEN" [label="KICK"];
                        "LOCKED" -> "LOCKED" [label="KNOCK (internal)"];
                    }
                    """);
        }

        @Test
        void declares_explains_transitions_ignoring_guards() {
            assertThat(DOOR.declares(Door.CLOSED, Act.LOCK, Door.LOCKED)).isTrue();
            assertThat(DOOR.declares(Door.CLOSED, Act.LOCK, Door.OPEN)).isFalse();
            assertThat(DOOR.transitions()).hasSize(6);
        }
    }
}
