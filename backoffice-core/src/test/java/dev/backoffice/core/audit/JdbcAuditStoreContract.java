package dev.backoffice.core.audit;

import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.StoreKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an audit store on a database promises beyond {@link AuditStoreContract}: an append joins
 * the caller's transaction, and records deleted or garbled behind the store's back are named by
 * {@code verify()}. One subclass per JDBC {@link StoreKind}.
 */
abstract class JdbcAuditStoreContract extends AuditStoreContract {

    protected JdbcAuditStoreContract(StoreKind kind) {
        super(kind);
        if (!kind.jdbc()) {
            throw new IllegalArgumentException(kind + " is not a JDBC store");
        }
    }

    @Test
    void anAppendInsideABusinessTransactionRollsBackWithIt() {
        TenantId tenant = freshTenant();
        AuditLog log = store().forTenant(tenant);
        assertThatThrownBy(() -> db.jdbc().inTransactionRun(c -> {
            log.append(AuditEvent.of("alice", "payroll.run_approved", "run/1"));
            throw new RuleViolationException("payroll.rule", "the business write failed");
        })).isInstanceOf(RuleViolationException.class);
        assertThat(log.size()).isZero();
        assertThat(log.append(AuditEvent.of("alice", "payroll.run_approved", "run/1")).sequence()).isEqualTo(1);
    }

    @Test
    void aDeletedRecordIsReportedAsMissing() {
        TenantId tenant = freshTenant();
        AuditLog log = store().forTenant(tenant);
        for (int i = 0; i < 4; i++) {
            log.append(AuditEvent.of("svc", "docs.disposed", "doc/" + i));
        }
        db.jdbc().inTransactionRun(c -> Jdbc.update(c, "DELETE FROM audit_log WHERE tenant_id = ? AND seq = 2", tenant.value()));
        AuditVerification v = log.verify();
        assertThat(v.firstBroken()).contains(2L);
        assertThat(v.reason().orElseThrow()).contains("missing");
    }

    private AuditLog logOf(TenantId tenant, int records) {
        AuditLog log = store().forTenant(tenant);
        for (int i = 0; i < records; i++) {
            log.append(AuditEvent.of("svc", "docs.disposed", "doc/" + i));
        }
        return log;
    }

    private void delete(TenantId tenant, String where) {
        db.jdbc().inTransactionRun(c -> Jdbc.update(c, "DELETE FROM audit_log WHERE tenant_id = ? " + where, tenant.value()));
    }

    @Test
    void recordsDeletedFromTheEndOfTheChainAreReportedAgainstTheChainHead() {
        TenantId tenant = freshTenant();
        AuditLog log = logOf(tenant, 5);
        delete(tenant, "AND seq >= 4");
        AuditVerification v = log.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).contains(4L);
        assertThat(v.reason().orElseThrow()).contains("4 to 5 are missing").contains("deleted from the end");
    }

    @Test
    void everyRecordOfATenantDeletedIsReportedAgainstTheChainHead() {
        TenantId tenant = freshTenant();
        AuditLog log = logOf(tenant, 3);
        delete(tenant, "");
        AuditVerification v = log.verify();
        assertThat(v.firstBroken()).contains(1L);
        assertThat(v.reason().orElseThrow()).contains("1 to 3 are missing");
    }

    @Test
    void aRecordWhoseDetailsAreNotJsonIsNamedNotThrown() {
        TenantId tenant = freshTenant();
        AuditLog log = logOf(tenant, 3);
        db.jdbc().inTransactionRun(c -> Jdbc.update(c, "UPDATE audit_log SET details = '{not json' WHERE tenant_id = ? AND seq = 2",
                tenant.value()));
        AuditVerification v = log.verify();
        assertThat(v.firstBroken()).contains(2L);
        assertThat(v.reason().orElseThrow()).contains("record 2 cannot be read").contains("not valid JSON");
    }

    @Test
    void aChainLongerThanOneVerificationPageIsReadToItsHead() {
        TenantId tenant = freshTenant();
        AuditLog log = logOf(tenant, 2_050);
        assertThat(log.verify()).isEqualTo(AuditVerification.ok(2_050));
        delete(tenant, "AND seq = 2050");
        assertThat(log.verify().firstBroken()).contains(2050L);
    }
}
