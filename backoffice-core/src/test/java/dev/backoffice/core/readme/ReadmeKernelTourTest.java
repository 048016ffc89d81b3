package dev.backoffice.core.readme;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.audit.AuditLog;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.jdbc.EmbeddedDatabase;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Validation;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The README's "kernel in five minutes", compiled and run. Keep the two in step. */
class ReadmeKernelTourTest {

    record InviteCustomer(@NotBlank String name, @Email String email, @Positive int seats) {
    }

    @Test
    void theKernelTourWorksAsTheReadmeSays() {
        List<Money> shares = MoneyMath.allocate(Money.parse("PLN 1000.00"), 1, 1, 1);
        assertThat(shares).containsExactly(Money.parse("PLN 333.34"), Money.parse("PLN 333.33"), Money.parse("PLN 333.33"));

        try {
            Validation.validate(new InviteCustomer(" ", "nope", 0));
            fail("expected a violation");
        } catch (InvalidRequestException e) {
            assertThat(e.code()).isEqualTo("request.invalid");
            assertThat(e.violations()).hasSize(3);
        }

        Jdbc jdbc = Jdbc.of(EmbeddedDatabase.inMemory("readme-" + UUID.randomUUID()));
        jdbc.inTransactionRun(c -> Jdbc.update(c, "CREATE TABLE IF NOT EXISTS t (x INT)"));

        AuditLog audit = JdbcAuditStore.create(jdbc, Clock.systemUTC()).forTenant(TenantId.of("acme"));
        audit.append(AuditEvent.of("alice", "ledger.period_closed", "period/2026-10"));
        assertThat(audit.verify().intact()).isTrue();
    }
}
