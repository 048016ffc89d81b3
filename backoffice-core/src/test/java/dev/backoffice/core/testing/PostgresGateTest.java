package dev.backoffice.core.testing;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a PostgreSQL test runs, is skipped, or fails for want of a server. */
class PostgresGateTest {

    @Test
    void a_configured_server_runs_the_test() {
        assertThat(PostgresGate.skipReason(Map.of(TestDatabases.PG_URL, "jdbc:postgresql://localhost/x"))).isNull();
    }

    @Test
    void no_server_on_a_developer_machine_skips_with_a_message_naming_the_variables() {
        assertThat(PostgresGate.skipReason(Map.of()))
                .contains(TestDatabases.PG_URL).contains(TestDatabases.PG_USER).contains(".ci/run");
        assertThat(PostgresGate.skipReason(Map.of(TestDatabases.PG_URL, " ", "CI", "false"))).isNotNull();
    }

    @Test
    void no_server_under_ci_fails_so_ci_cannot_pass_by_skipping() {
        assertThatThrownBy(() -> PostgresGate.skipReason(Map.of("CI", "true")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(TestDatabases.PG_URL);
    }
}
