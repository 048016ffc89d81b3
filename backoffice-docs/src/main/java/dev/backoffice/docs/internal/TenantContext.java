package dev.backoffice.docs.internal;

import dev.backoffice.core.audit.AuditLog;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.docs.TenantDocumentStore;

import java.time.Instant;
import java.time.LocalDate;

/** What every collaborator of one tenant's archive works with: the settings, the tenant, its store and its audit log. */
final class TenantContext {

    /** Rows read per page when a collaborator walks a listing of its own. */
    static final int PAGE = 500;

    final ArchiveSettings settings;
    final TenantId tenant;
    final TenantDocumentStore store;
    final AuditLog audit;

    TenantContext(ArchiveSettings settings, TenantId tenant, TenantDocumentStore store, AuditLog audit) {
        this.settings = settings;
        this.tenant = tenant;
        this.store = store;
        this.audit = audit;
    }

    /** Now, by the archive's clock. */
    Instant now() {
        return settings.clock().instant();
    }

    /** Today in the archive's zone. */
    LocalDate today() {
        return LocalDate.ofInstant(settings.clock().instant(), settings.zone());
    }
}
