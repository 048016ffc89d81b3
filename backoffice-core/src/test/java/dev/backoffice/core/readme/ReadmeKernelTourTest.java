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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "kernel in five minutes": {@link #tour()} is the README's code, line for line
 * (a test checks), and it runs.
 */
class ReadmeKernelTourTest {

    record Seen(List<Money> shares, InvalidRequestException invalid, boolean auditIntact) {
    }

    static Seen tour() {
        InvalidRequestException invalid = null;
        // tour:start
        // Money: Joda-Money at the API, long minor units in stores, no cent lost when splitting.
        List<Money> shares = MoneyMath.allocate(Money.parse("PLN 1000.00"), 1, 1, 1); // 333.34, 333.33, 333.33

        // Validation: commands are records with jakarta.validation constraints; every violation is listed.
        record InviteCustomer(@NotBlank String name, @Email String email, @Positive int seats) { }
        try {
            Validation.validate(new InviteCustomer(" ", "nope", 0));
        } catch (InvalidRequestException e) {
            e.code();        // "request.invalid"
            e.violations();  // [email: must be a well-formed email address (was nope), name: ..., seats: ...]
            invalid = e;
        }

        // Transactions: commit on return, rollback on exception, retry on 40001/40P01, nested calls join.
        Jdbc jdbc = Jdbc.of(EmbeddedDatabase.inMemory("app")); // or EmbeddedDatabase.file(path), or your DataSource
        jdbc.inTransactionRun(c -> Jdbc.update(c, "CREATE TABLE IF NOT EXISTS notes (id INT PRIMARY KEY, text VARCHAR(100))"));

        // Audit: an append-only, hash-chained log per tenant; verify() names the first altered record.
        AuditLog audit = JdbcAuditStore.create(jdbc, Clock.systemUTC()).forTenant(TenantId.of("acme"));
        audit.append(AuditEvent.of("alice", "ledger.period_closed", "period/2026-10"));
        audit.verify().intact(); // true
        // tour:end
        return new Seen(shares, invalid, audit.verify().intact());
    }

    @Test
    void theKernelTourWorksAsTheReadmeSays() {
        Seen seen = tour();
        assertThat(seen.shares()).containsExactly(Money.parse("PLN 333.34"), Money.parse("PLN 333.33"), Money.parse("PLN 333.33"));
        assertThat(seen.invalid().code()).isEqualTo("request.invalid");
        assertThat(seen.invalid().violations()).hasSize(3);
        assertThat(seen.auditIntact()).isTrue();
    }

    @Test
    void theReadmeShowsExactlyThisCode() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/backoffice/core/readme/ReadmeKernelTourTest.java"));
        String tour = source.substring(source.indexOf("// tour:start") + "// tour:start".length(), source.indexOf("        // tour:end"));
        String code = tour.lines().filter(l -> !l.contains("invalid = e;")).map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .collect(Collectors.joining("\n")).strip();
        String readme = Files.readString(Path.of("../README.md"));
        assertThat(readme).contains(code);
    }
}
