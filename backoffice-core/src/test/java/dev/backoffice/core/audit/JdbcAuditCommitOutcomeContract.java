package dev.backoffice.core.audit;

import dev.backoffice.core.error.OutcomeUnknownException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.CommitOutcomeContract;
import dev.backoffice.core.testing.CommitOutcomes.Fault;
import dev.backoffice.core.testing.CommitOutcomes.Probe;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.time.AdjustableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a failure of an audit append means (DESIGN.md section 11). An audit event has no
 * identity to look up, so an append whose commit outcome is unknown is reported, never rerun:
 * the chain is never forked or doubled, and the caller is never told "not appended" for a record
 * that is there. One subclass per JDBC {@link StoreKind}.
 */
abstract class JdbcAuditCommitOutcomeContract extends CommitOutcomeContract {

    private JdbcAuditStore store;
    private AuditLog log;
    private int serial;

    protected JdbcAuditCommitOutcomeContract(StoreKind kind) {
        super(kind);
    }

    @BeforeAll
    void open() {
        store = JdbcAuditStore.create(jdbc(), AdjustableClock.startingAt(Instant.parse("2026-03-05T10:00:00Z")));
    }

    @BeforeEach
    void freshTenant() {
        log = store.forTenant(TenantId.of("t-" + UUID.randomUUID()));
    }

    private AuditRecord append() {
        return log.append(AuditEvent.of("user:auditor", "test.event", "subject/" + (++serial)));
    }

    @Test
    void anAppendIsStoredAtMostOnceWhateverTheFaultAndTheCallerIsToldWhichOutcome() {
        Probe probe = probe(this::append, this::append);
        for (Fault fault : faults(probe)) {
            long before = log.size();
            String subject = "subject/" + (++serial);
            toldMatchesStored(fault, () -> log.append(AuditEvent.of("user:auditor", "test.event", subject)),
                    told -> log.read(told.sequence(), 1).equals(java.util.List.of(told)) ? 1 : 0,
                    () -> (int) (log.size() - before), 1);
            assertThat(log.verify().intact()).as(fault.name() + ": the chain is intact").isTrue();
        }
    }

    @Test
    void anAppendWhoseCommitAckIsLostIsReportedAsOutcomeUnknownNamingTheRecordNotAsAFailure() {
        append();
        long before = log.size();
        faulty().loseNextCommitAck();
        assertThatThrownBy(() -> log.append(AuditEvent.of("user:auditor", "docs.disposed", "doc/42")))
                .isInstanceOf(OutcomeUnknownException.class)
                .hasMessageContaining("docs.disposed of doc/42");
        assertThat(log.size()).isEqualTo(before + 1);
        assertThat(log.verify().intact()).isTrue();
    }
}
