package dev.backoffice.examples;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.audit.AuditLog;
import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Validation;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.joda.money.Money;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A two-minute look at the shared kernel: money split with no cent lost, a validation error
 * naming every bad field, and a tamper-evident audit log.
 */
public final class KernelTour {

    /** A command as users write them: a record with jakarta.validation constraints. */
    record InviteCustomer(@NotBlank String name, @Email String email, @Positive int seats) {
    }

    private KernelTour() {
    }

    public static void run(PrintStream out) {
        out.println("== The shared kernel ==");
        Money rent = Money.parse("PLN 1000.00");
        List<Money> shares = MoneyMath.allocate(rent, 1, 1, 1);
        out.println("Split " + rent + " three ways: " + shares + " (sum " + shares.stream().reduce(Money::plus).orElseThrow() + ")");

        try {
            Validation.validate(new InviteCustomer(" ", "not-an-email", 0));
        } catch (InvalidRequestException e) {
            out.println("A bad command is rejected with code " + e.code() + ":");
            e.violations().forEach(v -> out.println("  - " + v));
        }

        AuditLog audit = InMemoryAuditStore.create(Clock.systemUTC()).forTenant(TenantId.of("acme"));
        audit.append(AuditEvent.of("alice", "ledger.period_closed", "period/2026-10", Map.of("closedThrough", "2026-10-31")));
        audit.append(AuditEvent.of("bob", "payroll.run_approved", "payroll-run/2026-10"));
        out.println("Audit log: " + audit.size() + " records, chain intact: " + audit.verify().intact());
    }
}
