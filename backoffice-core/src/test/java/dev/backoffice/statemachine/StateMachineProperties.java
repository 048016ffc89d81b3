package dev.backoffice.statemachine;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The dense table agrees with the declared transitions for every state and event. */
class StateMachineProperties {

    private static final StateMachine<StateMachineTest.Door, StateMachineTest.Act, StateMachineTest.Key> DOOR =
            StateMachineTest.door().build();

    @Property
    void fire_succeeds_exactly_when_a_declared_transition_with_a_passing_guard_exists(
            @ForAll StateMachineTest.Door state, @ForAll StateMachineTest.Act event, @ForAll boolean keyFits) {
        StateMachineTest.Key key = new StateMachineTest.Key(keyFits);
        Optional<TransitionSpec<StateMachineTest.Door, StateMachineTest.Act>> expected = DOOR.transitions().stream()
                .filter(t -> t.source() == state && t.event() == event)
                .filter(t -> t.guard().isEmpty() || keyFits)
                .findFirst();
        assertThat(DOOR.canFire(state, event, key)).isEqualTo(expected.isPresent());
        if (expected.isPresent()) {
            assertThat(DOOR.fire(state, event, key).target()).isEqualTo(expected.get().target());
        } else {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DOOR.fire(state, event, key))
                    .isInstanceOf(TransitionNotAllowedException.class);
        }
    }
}
