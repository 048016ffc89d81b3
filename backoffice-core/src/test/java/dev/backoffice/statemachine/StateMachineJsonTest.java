package dev.backoffice.statemachine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backoffice.core.json.BackofficeJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StateMachineJsonTest {

    final ObjectMapper json = BackofficeJson.mapper();

    @Test
    void outcomes_and_transition_specs_round_trip() throws Exception {
        Outcome<StateMachineTest.Door, StateMachineTest.Act> outcome =
                StateMachineTest.DOOR.fire(StateMachineTest.Door.CLOSED, StateMachineTest.Act.OPEN, StateMachineTest.FITS);
        TransitionSpec<StateMachineTest.Door, StateMachineTest.Act> spec = StateMachineTest.DOOR.transitions().get(2);

        assertThat(json.readValue(json.writeValueAsString(outcome),
                new TypeReference<Outcome<StateMachineTest.Door, StateMachineTest.Act>>() { })).isEqualTo(outcome);
        assertThat(json.readValue(json.writeValueAsString(spec),
                new TypeReference<TransitionSpec<StateMachineTest.Door, StateMachineTest.Act>>() { })).isEqualTo(spec);
        assertThat(json.writeValueAsString(spec)).contains("\"guard\":\"key fits\"");
    }
}
