package dev.backoffice.examples.springboot;

import dev.backoffice.core.audit.AuditChain;
import dev.backoffice.core.audit.AuditLog;
import dev.backoffice.core.audit.AuditRecord;
import dev.backoffice.core.audit.AuditStore;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.List;

/**
 * {@code /actuator/health} for the SDK: every SDK module's schema is at the version its jar
 * ships (no Flyway migration pending), and the sample tenant's audit chain head is intact (the
 * last record's hash recomputes, and it links to the record before it). A cheap check, fit for
 * a probe: two records are read, not the whole chain ({@code AuditLog.verify()} does that).
 */
@Component("backoffice")
public class BackofficeHealth extends AbstractHealthIndicator {

    private final DataSource dataSource;
    private final AuditStore audit;

    BackofficeHealth(DataSource dataSource, AuditStore audit) {
        this.dataSource = dataSource;
        this.audit = audit;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean up = true;
        for (String module : BackofficeConfiguration.SDK_SCHEMAS) {
            MigrationInfoService info = BackofficeConfiguration.flyway(dataSource, module).info();
            MigrationInfo current = info.current();
            int pending = info.pending().length;
            builder.withDetail("schema." + module, (current == null ? "none" : current.getVersion().toString())
                    + (pending == 0 ? "" : " (" + pending + " pending)"));
            up &= current != null && pending == 0;
        }
        AuditLog log = audit.forTenant(PurchaseService.TENANT);
        long size = log.size();
        builder.withDetail("audit.records", size);
        if (size > 0) {
            List<AuditRecord> head = log.read(Math.max(1, size - 1), 2);
            AuditRecord last = head.get(head.size() - 1);
            String previous = head.size() == 2 ? head.get(0).hash() : AuditChain.GENESIS;
            boolean intact = last.sequence() == size && last.previousHash().equals(previous)
                    && last.hash().equals(AuditChain.hash(last.previousHash(), last.tenant(), last.sequence(),
                    last.recordedAt(), last.event()));
            builder.withDetail("audit.head", intact ? "intact at " + last.sequence() : "BROKEN at " + last.sequence());
            up &= intact;
        }
        if (up) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
